// `manifest merge`: the manifests of the shards of one build (`build --shard
// K/N`) joined into the manifest a single build would have written. It
// refuses shards of different builds, a job no shard did, and a job two did.
import { error, type Problem } from '../problems.js';
import type { Manifest, ManifestBundle, ManifestFile } from './manifest.js';

export interface ShardManifest {
  /** Where it was read, for messages. */
  path: string;
  manifest: Manifest;
}

/** What every shard of one build must agree on. */
const SAME_BUILD = ['tool', 'contentHash', 'templatesHash', 'paper'] as const;

export function mergeManifests(shards: readonly ShardManifest[]): { manifest: Manifest } | { problems: Problem[] } {
  const problems: Problem[] = [];
  const first = shards[0]!;
  for (const { path, manifest } of shards) {
    if (!manifest.shard) problems.push(error(path, 1, 'not the manifest of a shard: it was written by a build without --shard'));
  }
  if (problems.length) return { problems };
  for (const { path, manifest } of shards.slice(1)) {
    for (const key of SAME_BUILD) {
      if (JSON.stringify(manifest[key]) !== JSON.stringify(first.manifest[key])) problems.push(error(path, 1, `another build than ${first.path}: its ${key} differs`));
    }
    if (manifest.shard!.count !== first.manifest.shard!.count || JSON.stringify(manifest.shard!.allJobs) !== JSON.stringify(first.manifest.shard!.allJobs)) {
      problems.push(error(path, 1, `another split than ${first.path}: shard ${manifest.shard!.index}/${manifest.shard!.count} of other jobs`));
    }
  }
  if (problems.length) return { problems };
  const doneBy = new Map<string, string>();
  for (const { path, manifest } of shards) {
    for (const job of manifest.shard!.jobs) {
      const earlier = doneBy.get(job);
      if (earlier) problems.push(error(path, 1, `job ${job} is also in ${earlier}: the same shard given twice?`));
      else doneBy.set(job, path);
    }
  }
  const missing = first.manifest.shard!.allJobs.filter((job) => !doneBy.has(job));
  if (missing.length) {
    const shardsGiven = shards.map((s) => s.manifest.shard!.index).sort((a, b) => a - b);
    problems.push(error(first.path, 1, `no shard did ${missing.join(', ')}: of ${first.manifest.shard!.count} shards these were given: ${shardsGiven.join(', ')}`));
  }
  const files = joined<ManifestFile>(shards, (m) => m.files, problems);
  const bundles = joined<ManifestBundle>(shards, (m) => m.bundles ?? [], problems);
  if (problems.length) return { problems };
  const { tool, contentHash, templatesHash, paper } = first.manifest;
  return { manifest: { tool, contentHash, templatesHash, paper, files, ...(bundles.length ? { bundles } : {}) } };
}

/** The entries of every shard, once each by path; one path with two different files is a problem. */
function joined<Entry extends { path: string; sha256: string }>(shards: readonly ShardManifest[], entries: (m: Manifest) => readonly Entry[], problems: Problem[]): Entry[] {
  const byPath = new Map<string, { entry: Entry; from: string }>();
  for (const { path, manifest } of shards) {
    for (const entry of entries(manifest)) {
      const earlier = byPath.get(entry.path);
      if (!earlier) byPath.set(entry.path, { entry, from: path });
      else if (earlier.entry.sha256 !== entry.sha256) problems.push(error(path, 1, `${entry.path} differs from the one in ${earlier.from}`));
    }
  }
  return [...byPath.values()].map(({ entry }) => entry).sort((a, b) => a.path.localeCompare(b.path));
}
