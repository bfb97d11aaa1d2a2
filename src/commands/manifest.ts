// `preppack manifest merge DIR… --out FILE`: the shards' manifests of one
// build joined into one, as an unsharded build would have written it.
import { statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { OutputFolder } from '../fs/outputFolder.js';
import { readInputText } from '../fs/readInput.js';
import { underLock, writeStaged } from '../fs/stagedWrite.js';
import { runInputs } from '../pipeline/inputs.js';
import { manifestSchema, manifestText, type Manifest } from '../pipeline/manifest.js';
import { mergeManifests, type ShardManifest } from '../pipeline/mergeManifests.js';
import { error, PreppackError, type Problem } from '../problems.js';
import { count } from '../text/plural.js';
import { issueWords } from '../text/issueWords.js';
import { EXIT_OK, out, result, stoppedBy } from '../cli/io.js';

/** Where in a manifest a schema issue is, in words: `files[3].pages`. */
const where = (path: readonly PropertyKey[]) => path.map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index ? '.' : ''}${String(part)}`)).join('') || 'the manifest';

/** A manifest named by its file or by the output folder it describes. */
function readShard(given: string): ShardManifest | Problem {
  let path = given;
  try {
    if (statSync(given).isDirectory()) path = join(given, 'manifest.json');
  } catch {
    return error(given, 1, 'no such file or folder');
  }
  const read = readInputText(path, 'manifest');
  if ('problem' in read) return read.problem.message === 'no such file' ? error(path, 1, "no manifest.json here: is it a build's output folder?") : read.problem;
  let value: unknown;
  try {
    value = JSON.parse(read.text);
  } catch (caught) {
    return error(path, 1, `not JSON: ${(caught as Error).message}`);
  }
  if (!value || typeof value !== 'object' || !Array.isArray((value as { files?: unknown }).files)) return error(path, 1, 'not a preppack manifest: it has no "files" list');
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return error(path, 1, `not a manifest preppack writes: ${where(issue.path)} ${issueWords(issue)}`);
  }
  return { path, manifest: parsed.data as Manifest };
}

export async function manifestMergeCommand(options: { inputs: string[]; out: string }): Promise<number> {
  try {
    const read = options.inputs.map(readShard);
    const unread = read.filter((r): r is Problem => 'severity' in r);
    if (unread.length) throw new PreppackError(unread);
    const merged = mergeManifests(read as ShardManifest[]);
    if ('problems' in merged) throw new PreppackError(merged.problems);
    const inputs = runInputs({ files: (read as ShardManifest[]).map((shard) => ({ path: shard.path, what: "a shard's manifest" })) });
    const folder = new OutputFolder(dirname(options.out), inputs, '--out');
    if (read.some((shard) => folder.relativePath((shard as ShardManifest).path) === basename(options.out))) throw new PreppackError([], 'request', `--out ${options.out}: it is one of the manifests being merged; choose another file`);
    await underLock(folder, async () => writeStaged(folder, [], { path: basename(options.out), bytes: manifestText(merged.manifest) }));
    result({ manifest: options.out, shards: read.length, files: merged.manifest.files.length, zips: merged.manifest.bundles?.length ?? 0 });
    out(`${options.out}: ${count(read.length, 'shard')}, ${count(merged.manifest.files.length, 'PDF')}${merged.manifest.bundles ? `, ${count(merged.manifest.bundles.length, 'zip')}` : ''}`);
    return EXIT_OK;
  } catch (caught) {
    return stoppedBy(caught, 'no manifest was written');
  }
}
