// `preppack collect PATH…`: the filled scoring sheets of one or more loops
// read back; next to each loop's sheets, debrief-summary.pdf, ratings.csv and
// ratings.json. A folder is searched (with its subfolders) and each folder
// that holds sheets is one loop; files named on the command line are one
// loop together. Nothing is written unless every sheet belongs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { collectRatings, type SheetInput } from '../collect/collect.js';
import { collectedJson, ratingsCsv } from '../collect/ratingsFiles.js';
import { summaryPdf } from '../collect/summary.js';
import { calibrate } from '../collect/calibration.js';
import { calibrationPdf } from '../collect/calibrationPage.js';
import { isOtherPreppackDocument } from '../collect/readSheet.js';
import { OutputFolder } from '../fs/outputFolder.js';
import { underLock, writeStaged } from '../fs/stagedWrite.js';
import { error, PreppackError, type Problem } from '../problems.js';
import type { Paper, Tagging } from '../render/document.js';
import { loadTemplates } from '../render/templates.js';
import { count } from '../text/plural.js';
import { printFiles, type WrittenFile } from '../cli/fileList.js';
import { EXIT_OK, note, out, printJson, stoppedBy } from '../cli/io.js';

export interface CollectOptions {
  paths: string[];
  paper: Paper;
  templatesDir?: string;
  json?: boolean;
  creationDate: Date;
  /** Tagged PDFs unless false, and their language (the config's `tags`, `language`; `--no-tags`). */
  tagging?: Tagging;
}

export const SUMMARY_FILES = { summary: 'debrief-summary.pdf', csv: 'ratings.csv', json: 'ratings.json' } as const;
export const CALIBRATION_FILES = { pdf: 'calibration.pdf', json: 'calibration.json' } as const;
const OWN_FILES = new Set<string>([...Object.values(SUMMARY_FILES), ...Object.values(CALIBRATION_FILES)]);

/** The PDFs below a folder, folder by folder, skipping what collect itself writes. */
function pdfsBelow(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && !entry.name.startsWith('.')) found.push(...pdfsBelow(path));
    else if (entry.isFile() && /\.pdf$/i.test(entry.name) && !OWN_FILES.has(entry.name)) found.push(path);
  }
  return found;
}

/** The sheets to read: every PDF of the folders (one loop per folder; the plan and debrief sheet skipped), and the files named (one loop). */
export async function sheetInputs(paths: readonly string[]): Promise<SheetInput[]> {
  const inputs: SheetInput[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    let folder: boolean;
    try {
      folder = statSync(path).isDirectory();
    } catch {
      problems.push(error(path, 1, 'no such file or folder'));
      continue;
    }
    if (!folder) {
      inputs.push({ path, bytes: readFileSync(path), loop: '' });
      continue;
    }
    for (const file of pdfsBelow(path)) {
      const bytes = readFileSync(file);
      // A loop's folder also holds its plan and debrief sheet: preppack's own, and not sheets.
      if (await isOtherPreppackDocument(bytes)) continue;
      inputs.push({ path: file, bytes, loop: file.slice(0, file.lastIndexOf('/')) || '.' });
    }
  }
  if (problems.length) throw new PreppackError(problems, 'request');
  if (inputs.length === 0) throw new PreppackError([error(paths[0] ?? '.', 1, 'no scoring sheets here: name the folder of a loop (out/panels/<candidate>) or its filled sheets')]);
  return inputs;
}

/** The deepest folder holding every one of `folders`. */
export function commonFolder(folders: readonly string[]): string {
  const parts = folders.map((f) => f.split('/'));
  const common: string[] = [];
  for (let i = 0; parts.every((p) => i < p.length && p[i] === parts[0]![i]); i++) common.push(parts[0]![i]!);
  return common.join('/') || (folders[0]!.startsWith('/') ? '/' : '.');
}

export async function collectCommand(options: CollectOptions): Promise<number> {
  try {
    const collected = await collectRatings(await sheetInputs(options.paths));
    const templates = loadTemplates(options.templatesDir);
    // PDFs in the listing; the data files with what they hold in the pages column.
    const written: WrittenFile[] = [];
    const data: WrittenFile[] = [];
    for (const loop of collected.loops) {
      const rows = collected.rows.filter((row) => row.candidate === loop.candidate && row.level === loop.level);
      const files = [
        { path: SUMMARY_FILES.summary, bytes: await summaryPdf(loop, templates, options.paper, options.creationDate, options.tagging) },
        { path: SUMMARY_FILES.csv, bytes: ratingsCsv(rows) },
        { path: SUMMARY_FILES.json, bytes: `${JSON.stringify(collectedJson({ loops: [loop], rows }), null, 2)}\n` },
      ];
      const folder = new OutputFolder(loop.folder, undefined, 'the loop folder');
      const notices: string[] = [];
      await underLock(folder, async () => writeStaged(folder, files), notices);
      for (const notice of notices) note(`preppack: ${notice}`);
      written.push({ written: join(loop.folder, files[0]!.path), pages: 1, size: files[0]!.bytes.length, labels: [loop.candidate] });
      for (const file of files.slice(1)) data.push({ written: join(loop.folder, file.path), pages: 0, size: Buffer.byteLength(file.bytes), labels: [loop.candidate], holds: count(rows.length, 'row') });
    }
    // Many loops: how their interviewers rate, in the folder that holds them all.
    const calibration = collected.loops.length > 1 ? calibrate(collected.loops) : undefined;
    if (calibration) {
      const parent = commonFolder(collected.loops.map((loop) => loop.folder));
      const files = [
        { path: CALIBRATION_FILES.pdf, bytes: await calibrationPdf(calibration, templates, options.paper, options.creationDate, options.tagging) },
        { path: CALIBRATION_FILES.json, bytes: `${JSON.stringify(calibration, null, 2)}\n` },
      ];
      const folder = new OutputFolder(parent, undefined, 'the folder of the loops');
      await underLock(folder, async () => writeStaged(folder, files));
      written.push({ written: join(parent, files[0]!.path), pages: 1, size: files[0]!.bytes.length, labels: ['calibration'] });
      data.push({ written: join(parent, files[1]!.path), pages: 0, size: Buffer.byteLength(files[1]!.bytes), labels: ['calibration'], holds: count(calibration.interviewers.length, 'interviewer') });
    }
    if (options.json) printJson({ ...collectedJson(collected), ...(calibration ? { calibration } : {}) });
    else {
      printFiles(written, ['candidate'], data);
      const filled = collected.rows.filter((row) => row.rating).length;
      out(`${filled} of ${count(collected.rows.length, 'rating')} filled in, from ${count(collected.loops.reduce((n, l) => n + l.sheets.length, 0), 'sheet')} of ${count(collected.loops.length, 'loop')}`);
    }
    return EXIT_OK;
  } catch (caught) {
    return stoppedBy(caught, 'nothing was collected');
  }
}
