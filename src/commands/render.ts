// `preppack render FILE.md…`: any Markdown in the house style, one PDF per
// file, all in one process; nothing is written unless every file renders.
import { join } from 'node:path';
import { underLock, writeStaged } from '../fs/stagedWrite.js';
import { readMarkdownFiles, renderMarkdownFiles } from '../pipeline/markdownFiles.js';
import { asErrors, PreppackError } from '../problems.js';
import type { Paper, Tagging } from '../render/document.js';
import { OutputFolder, outputFolderProblem } from '../fs/outputFolder.js';
import { runInputs } from '../pipeline/inputs.js';
import { loadTemplates } from '../render/templates.js';
import { count } from '../text/plural.js';
import { kilobytes, printFiles, took } from '../cli/fileList.js';
import { EXIT_OK, note, out, printProblems, progress, result as report, stoppedBy } from '../cli/io.js';

export interface RenderOptions {
  files: string[];
  outDir: string;
  paper: Paper;
  toc: boolean;
  templatesDir?: string;
  /** Characters the font lacks fail the render instead of a warning. */
  strict?: boolean;
  /** Tagged PDFs unless false, and the language of files that do not say theirs. */
  tagging?: Tagging;
  /** Threads that render (renderPool.ts). */
  threads?: number;
}

export async function renderCommand(options: RenderOptions): Promise<number> {
  const started = Date.now();
  const { files, problems } = readMarkdownFiles(options.files);
  try {
    if (problems.length) throw new PreppackError(problems);
    const inputs = runInputs({ templatesDir: options.templatesDir, files: options.files.map((path) => ({ path, what: 'a Markdown file to render' })) });
    const outFolder = outputFolderProblem(options.outDir, inputs);
    if (outFolder) throw outFolder;
    const templates = loadTemplates(options.templatesDir);
    const live = progress();
    const onFile = (done: number, total: number, path: string) => live.show(`[${done + 1}/${total}] ${path}`);
    const { rendered, warnings } = await renderMarkdownFiles(files, { theme: templates.theme, templates, threads: options.threads, paper: options.paper, toc: options.toc, tagging: options.tagging, onFile }).finally(live.done);
    if (options.strict && warnings.length) throw new PreppackError(asErrors(warnings));
    printProblems(warnings);
    const notices: string[] = [];
    const folder = new OutputFolder(options.outDir, inputs);
    await underLock(folder, async () => writeStaged(folder, rendered.map((file) => ({ path: file.name, bytes: file.bytes }))), notices);
    for (const notice of notices) note(`preppack: ${notice}`);
    report({ files: rendered.map((f) => ({ source: f.source, path: join(options.outDir, f.name), pages: f.pages, bytes: f.bytes.length })) });
    const { pages, bytes } = printFiles(rendered.map((f) => ({ written: join(options.outDir, f.name), pages: f.pages, size: f.bytes.length, labels: [f.source] })), ['source']);
    out(`${count(rendered.length, 'PDF')}, ${count(pages, 'page')}, ${kilobytes(bytes)}${took(started)}`);
    return EXIT_OK;
  } catch (caught) {
    return stoppedBy(caught, 'nothing was rendered');
  }
}
