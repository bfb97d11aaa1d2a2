// `preppack build`: the PDFs for the chosen levels and packets. The library's
// buildPackets does the work; this prints it for a person or a script.
import { join } from 'node:path';
// From its own module, not the library's index: that would load the render stack (pdfkit, fontkit) for a build that renders nothing.
import { buildPackets, type BuildOptions as LibraryBuildOptions, type BuildOutcome } from '../pipeline/buildPackets.js';
import { EXIT_OK, note, out, printProblems, progress, result as report, stoppedBy } from '../cli/io.js';
import { kilobytes, printFiles, took } from '../cli/fileList.js';
import { count } from '../text/plural.js';

export interface BuildOptions extends Omit<LibraryBuildOptions, 'onWarnings' | 'onJob'> {
  /** List the PDFs left as they were (`watch` lists only what it rebuilt). */
  listUnchanged?: boolean;
}

export async function buildCommand(options: BuildOptions): Promise<number> {
  const started = Date.now();
  const live = progress();
  let result: BuildOutcome;
  try {
    result = await buildPackets({ ...options, onWarnings: printProblems, onJob: (done, total, job) => live.show(`[${done + 1}/${total}] ${job.level} ${job.packet}`) }).finally(live.done);
  } catch (caught) {
    return stoppedBy(caught, 'nothing was built');
  }
  const { shard } = result;
  for (const notice of result.notices) note(`preppack: ${notice}`);
  for (const skipped of result.skipped) note(`preppack: ${skipped}`);
  for (const removed of result.removed) note(`preppack: removed ${removed}: an earlier build's file this build no longer makes`);
  // Every path of the document in one form, as the user gave --out: a zip's files too, not as the manifest records them.
  const written = new Map(result.files.map((f) => [f.path, f.written]));
  report({
    files: result.files.map((f) => ({ path: f.written, level: f.level, packet: f.packet, pages: f.pages, bytes: f.bytes, sha256: f.sha256, unchanged: f.reused })),
    zips: result.bundles.map((b) => ({ path: b.written, level: b.level, bytes: b.bytes, sha256: b.sha256, files: b.files.map((file) => written.get(file) ?? join(options.outDir, file)), unchanged: b.reused })),
    skipped: result.skipped,
    removed: result.removed,
    manifest: result.manifestPath,
    ...(shard ? { shard: { index: shard.index, count: shard.count, jobs: shard.jobs } } : {}),
  });
  const listed = options.listUnchanged === false ? result.files.filter((f) => !f.reused) : result.files;
  const zips = result.bundles.map((b) => ({ written: b.written, pages: 0, size: b.bytes, holds: count(b.files.length, 'PDF'), reused: b.reused, labels: [b.level, 'zip'] }));
  printFiles(listed.map((f) => ({ written: f.written, pages: f.pages, size: f.bytes, reused: f.reused, labels: [f.level, f.packet] })), ['level', 'packet'], zips);
  const [pages, bytes] = [result.files.reduce((sum, f) => sum + f.pages, 0), result.files.reduce((sum, f) => sum + f.bytes, 0)];
  const reused = result.files.filter((f) => f.reused).length;
  const share = shard ? ` (shard ${shard.index}/${shard.count}: ${count(shard.jobs.length, 'job')} of ${shard.allJobs.length})` : '';
  out(`${count(result.files.length, 'PDF')}${reused ? ` (${reused} unchanged)` : ''}${result.bundles.length ? ` and ${count(result.bundles.length, 'zip')}` : ''}, ${count(pages, 'page')}, ${kilobytes(bytes)}${share}${took(started)}; manifest ${result.manifestPath}`);
  return EXIT_OK;
}
