// `preppack manifest merge DIR… --out FILE`: the shards' manifests of one
// build joined into one, as an unsharded build would have written it.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../fs/atomicWrite.js';
import { manifestText, type Manifest } from '../pipeline/manifest.js';
import { mergeManifests, type ShardManifest } from '../pipeline/mergeManifests.js';
import { error, PreppackError, type Problem } from '../problems.js';
import { count } from '../text/plural.js';
import { EXIT_OK, out, result, stoppedBy } from '../cli/io.js';

/** A manifest named by its file or by the output folder it describes. */
function readShard(given: string): ShardManifest | Problem {
  let path = given;
  try {
    if (statSync(given).isDirectory()) path = join(given, 'manifest.json');
  } catch {
    return error(given, 1, 'no such file or folder');
  }
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (caught) {
    const code = (caught as NodeJS.ErrnoException).code;
    return error(path, 1, code === 'ENOENT' ? 'no manifest.json here: is it a build\'s output folder?' : code ? `cannot read it (${code})` : `not JSON: ${(caught as Error).message}`);
  }
  if (!manifest || typeof manifest !== 'object' || !Array.isArray(manifest.files)) return error(path, 1, 'not a preppack manifest: it has no "files" list');
  return { path, manifest };
}

export function manifestMergeCommand(options: { inputs: string[]; out: string }): number {
  try {
    const read = options.inputs.map(readShard);
    const unread = read.filter((r): r is Problem => 'severity' in r);
    if (unread.length) throw new PreppackError(unread);
    const merged = mergeManifests(read as ShardManifest[]);
    if ('problems' in merged) throw new PreppackError(merged.problems);
    writeFileAtomic(options.out, manifestText(merged.manifest));
    result({ manifest: options.out, shards: read.length, files: merged.manifest.files.length, zips: merged.manifest.bundles?.length ?? 0 });
    out(`${options.out}: ${count(read.length, 'shard')}, ${count(merged.manifest.files.length, 'PDF')}${merged.manifest.bundles ? `, ${count(merged.manifest.bundles.length, 'zip')}` : ''}`);
    return EXIT_OK;
  } catch (caught) {
    return stoppedBy(caught, 'no manifest was written');
  }
}
