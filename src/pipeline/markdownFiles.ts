// `preppack render`: Markdown files into PDFs in the house style, all in one
// process, each named after its file (never two outputs on one name), all
// rendered before any is written.
import { withLiteralCode } from '../render/literalCode.js';
import { documentStem } from '../text/fileStem.js';
import { realpathSync } from 'node:fs';
import { basename, dirname, extname, resolve, sep } from 'node:path';
import { error, PreppackError, warning, type Problem } from '../problems.js';
import type { Paper, Tagging } from '../render/document.js';
import { frontMatterLanguage, LANGUAGE_WORDS } from '../render/language.js';
import { lexMarkdown } from '../render/markdown.js';
import { controlMessage, controlsIn, withoutControls } from '../text/controls.js';
import { imagesInText } from '../render/inlineImages.js';
import { nestingMessage, tooDeep } from '../render/nesting.js';
import { unprintableText } from '../render/coverage.js';
import { themeFor, type Theme } from '../render/theme.js';
import type { TemplateSet } from '../render/templates.js';
import { checkImage, svgImage } from '../render/imageCheck.js';
import { gifFirstFrame } from '../render/gifImage.js';
import { webpPicture } from '../render/webpImage.js';
import type { Token, Tokens } from 'marked';
import { headingText } from '../render/inlines.js';
import { RenderError, type DocumentSource, type SourceImage } from '../render/toPdfmake.js';
import { typeset } from '../render/typeset.js';
import { readInput, readInputText } from '../fs/readInput.js';
import { TOOL_VERSION } from '../version.js';
import { FIXED_DATE } from './edition.js';

export interface MarkdownFile {
  path: string;
  text: string;
}

export interface RenderedFile {
  source: string;
  /** The file name in the output folder. */
  name: string;
  bytes: Buffer;
  pages: number;
}

const IMAGE_TYPES: Record<string, 'image/png' | 'image/jpeg' | 'image/svg+xml' | 'image/gif' | 'image/webp'> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml', '.gif': 'image/gif', '.webp': 'image/webp' };

/**
 * Output names from input names, in their own case: `README.md` →
 * `README.pdf`; two inputs of one name (ignoring case, as macOS and Windows
 * do) take their folders' names too (`a/notes.md` → `a-notes.pdf`), and a
 * number if that is not enough.
 */
export function outputNames(paths: readonly string[]): string[] {
  const stem = (path: string) => documentStem(basename(path, extname(path))) || 'document';
  const key = (name: string) => name.normalize('NFC').toLowerCase();
  const counts = new Map<string, number>();
  for (const path of paths) counts.set(key(stem(path)), (counts.get(key(stem(path))) ?? 0) + 1);
  const taken = new Set<string>();
  return paths.map((path) => {
    const folder = documentStem(basename(dirname(resolve(path))));
    let name = counts.get(key(stem(path)))! > 1 && folder ? `${folder}-${stem(path)}` : stem(path);
    for (let n = 2; taken.has(key(name)); n++) name = `${stem(path)}-${n}`;
    taken.add(key(name));
    return `${name}.pdf`;
  });
}

/** Pixels to points: images print at 96 pixels per inch, as on screen. */
const POINTS_PER_PIXEL = 72 / 96;

/** Why an image may not or cannot be shown, else the image: PNG or JPEG files in the Markdown's own folder or below. */
function imageAt(folder: string, href: string): SourceImage | string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return `the image "${href}" is not a file beside the Markdown: only images in its folder are shown`;
  let path: string;
  try {
    path = realpathSync(resolve(folder, decodeURI(href)));
  } catch {
    return `the image "${href}" is not there`;
  }
  if (path !== folder && !path.startsWith(folder + sep)) return `the image "${href}" is outside the Markdown file's folder`;
  const type = IMAGE_TYPES[extname(path).toLowerCase()];
  if (!type) return `the image "${href}" is not a PNG, JPEG, GIF, WebP or SVG file${/\.(avif|bmp|tiff?|heic)$/i.test(path) ? ' (convert it to PNG to print it)' : ''}`;
  const read = readInput(path, 'image');
  if ('problem' in read) return `the image "${href}" cannot be read: ${read.problem.message}`;
  const { bytes } = read;
  if (type === 'image/gif' || type === 'image/webp') {
    // As a PNG: a GIF's first frame, a WebP decoded.
    const picture = type === 'image/gif' ? gifFirstFrame(bytes) : webpPicture(bytes);
    if (typeof picture === 'string') return `the image "${href}" ${picture}`;
    return { url: `data:image/png;base64,${picture.png.toString('base64')}`, width: picture.width * POINTS_PER_PIXEL, height: picture.height * POINTS_PER_PIXEL };
  }
  if (type === 'image/svg+xml') {
    const svg = svgImage(bytes.toString('utf8'));
    return typeof svg === 'string' ? `the image "${href}" ${svg}` : { svg: svg.svg, width: svg.width * POINTS_PER_PIXEL, height: svg.height * POINTS_PER_PIXEL };
  }
  const size = checkImage(bytes, type);
  if ('problem' in size) return `the image "${href}" ${size.problem}`;
  return { url: `data:${type};base64,${bytes.toString('base64')}`, width: size.width * POINTS_PER_PIXEL, height: size.height * POINTS_PER_PIXEL };
}

/**
 * The images a file shows, each read and checked once however often it is
 * shown and the layout runs. One that cannot be shown, or that sits inside a
 * line of text, is a warning at its line (its description prints instead),
 * so that any Markdown renders.
 */
function imagesOf(file: MarkdownFile, warnings: Map<string, Problem>, tagged: boolean) {
  const folder = realpathSync(dirname(resolve(file.path)));
  const found = new Map<string, SourceImage | string>();
  const lookUp = (href: string) => {
    if (!found.has(href)) found.set(href, imageAt(folder, href));
    return found.get(href)!;
  };
  // A layout may run more than once: one warning per image and reason all the same.
  const warn = (href: string, why: string, written = `](${href}`) => {
    const line = lineOf(file.text, file.text.includes(written) ? written : `](${href}`);
    warnings.set(`${line}\0${why}`, warning(file.path, line, why));
  };
  return {
    show(href: string, alt: string): SourceImage | undefined {
      const image = lookUp(href);
      // A figure is read by its alt text; without one, a screen reader passes over it (it is tagged as decoration).
      if (typeof image !== 'string' && tagged && !alt.trim()) warn(href, `the image "${href}" has no alt text, so a screen reader passes over it: say what it shows, ![what it shows](${href})`, `![](${href}`);
      if (typeof image !== 'string') return image;
      warn(href, `${image}; its description is printed instead`);
      return undefined;
    },
    inText(href: string): void {
      const image = lookUp(href);
      warn(href, typeof image === 'string' ? `${image}; its description is printed instead` : `the image "${href}" is inside a line of text, a list, a table, a heading or a link, where only its description prints: give it a paragraph of its own`);
    },
  };
}

/** The line of a file where a piece of its text first appears, else 1. */
function lineOf(text: string, piece: string | undefined): number {
  const at = piece ? text.indexOf(piece) : -1;
  return at < 0 ? 1 : text.slice(0, at).split('\n').length;
}

/** The blocks of a document in reading order, those inside centred HTML blocks (`<div align="center"><h1>…`) too. */
function* readingOrder(tokens: readonly Token[]): Generator<Token> {
  for (const token of tokens) {
    if (token.type === 'htmlBlock') yield* readingOrder((token as unknown as { tokens: Token[] }).tokens);
    else yield token;
  }
}

/** An image a document opens with (a logo with its name as alt text, as READMEs start), before any text. */
function leadingImage(tokens: readonly Token[]): string {
  for (const token of readingOrder(tokens)) {
    if (token.type === 'space' || token.type === 'hr') continue;
    if (token.type !== 'paragraph') return '';
    const image = (inline: readonly Token[] = []): Tokens.Image | undefined => {
      for (const t of inline) {
        if (t.type === 'image') return t as Tokens.Image;
        const inner = 'tokens' in t && Array.isArray(t.tokens) ? image(t.tokens as Token[]) : undefined;
        if (inner) return inner;
      }
      return undefined;
    };
    return image((token as Tokens.Paragraph).tokens)?.text ?? '';
  }
  return '';
}

/**
 * The document's title as one line of plain text (no Markdown, no badges, no
 * URLs): its first level-1 heading (never a `# comment` in a code block);
 * else its first heading when no text comes before it (a book chapter that
 * starts at level 2); else the description of the image it opens with (a
 * README's logo); else the file's name.
 */
function titleOf(file: MarkdownFile, tokens: readonly Token[]): string {
  const blocks = [...readingOrder(tokens)];
  const plain = (heading: Token | undefined) => (heading ? headingText(heading as Tokens.Heading).replace(/\s+/g, ' ').trim() : '');
  const first = blocks.find((t) => t.type !== 'space' && t.type !== 'html');
  const title = plain(blocks.find((t) => t.type === 'heading' && (t as Tokens.Heading).depth === 1)) || (first?.type === 'heading' ? plain(first) : '') || leadingImage(tokens).trim();
  return title || basename(file.path, extname(file.path));
}

export interface MarkdownOptions {
  theme: Theme;
  paper: Paper;
  toc: boolean;
  /** Tagged PDFs unless false; the language of a file without its own (front matter `lang:`). */
  tagging?: Tagging;
  /** Told before each file: how many are done, of how many, and which. */
  onFile?: (done: number, total: number, path: string) => void;
  /** Threads that render (renderPool.ts): 1 renders on this one; by default the cores, for a run big enough to pay for them. */
  threads?: number;
  /** The templates as read, for a render thread; without them every file renders on this thread. */
  templates?: TemplateSet;
}

/** One file to render, as a render thread is given it. */
export interface MarkdownTask {
  file: MarkdownFile;
  /** Its PDF's name in the output folder. */
  name: string;
  paper: Paper;
  toc: boolean;
  tagging?: Tagging;
}

/** One file's PDF, or the errors that stop the run, and its warnings. */
export interface MarkdownOutcome {
  rendered?: RenderedFile;
  problems: Problem[];
  warnings: Problem[];
}

export async function renderMarkdownFiles(files: readonly MarkdownFile[], options: MarkdownOptions): Promise<{ rendered: RenderedFile[]; warnings: Problem[] }> {
  const names = outputNames(files.map((f) => f.path));
  const tasks = files.map((file, index) => ({ label: file.path, pdfs: 1, kind: 'markdown' as const, payload: { file, name: names[index]!, paper: options.paper, toc: options.toc, tagging: options.tagging } }));
  const onStart = (index: number) => options.onFile?.(index, files.length, files[index]!.path);
  const outcomes = options.templates
    ? ((await (await import('./poolTasks.js')).renderTasks(tasks, { threads: options.threads, templates: options.templates, onStart })) as MarkdownOutcome[])
    : await inOrder(tasks.map((task) => task.payload), options.theme, onStart);
  const rendered = outcomes.flatMap((outcome) => (outcome.rendered ? [outcome.rendered] : []));
  const problems = outcomes.flatMap((outcome) => outcome.problems);
  const warnings = outcomes.flatMap((outcome) => outcome.warnings);
  if (problems.length) throw new PreppackError([...problems, ...warnings]);
  return { rendered, warnings };
}

async function inOrder(tasks: readonly MarkdownTask[], theme: Theme, onStart: (index: number) => void): Promise<MarkdownOutcome[]> {
  const outcomes: MarkdownOutcome[] = [];
  for (const [index, task] of tasks.entries()) {
    onStart(index);
    outcomes.push(await renderMarkdownFile(task, theme));
  }
  return outcomes;
}

/** One Markdown file as a PDF in the house style (the theme's `render` look). */
export async function renderMarkdownFile({ file, name, paper, toc, tagging }: MarkdownTask, houseTheme: Theme): Promise<MarkdownOutcome> {
  const theme = themeFor(houseTheme, 'render');
  const warnings: Problem[] = [];
  const deep = tooDeep(file.text);
  if (deep) return { problems: [error(file.path, deep.line, nestingMessage(deep.depth))], warnings };
  // A control character prints as nothing or a stray line break: said, and left out.
  const controls = controlsIn(file.text);
  warnings.push(...controls.map(({ char, line, column, count }) => warning(file.path, line, `${controlMessage(char, count)} (it is left out)`, column)));
  const text = controls.length ? withoutControls(file.text) : file.text;
  // A reference in code prints as written: only the characters themselves are checked there.
  warnings.push(...unprintableText(file.path, withLiteralCode(text), theme.font));
  const markdown = toc ? `::toc Contents\n\n::pagebreak\n\n${text}` : text;
  const { language, invalid, line } = frontMatterLanguage(text);
  if (invalid !== undefined) warnings.push(warning(file.path, line ?? 1, `lang: "${invalid}" is not ${LANGUAGE_WORDS} (the PDF says ${tagging?.language ?? 'en'})`));
  const imageWarnings = new Map<string, Problem>();
  const images = imagesOf(file, imageWarnings, tagging?.tagged !== false);
  const source: DocumentSource = { autoIds: true, image: images.show };
  try {
    const tokens = lexMarkdown(markdown);
    const title = titleOf(file, tokens);
    for (const { href } of imagesInText(tokens)) images.inText(href);
    const pdf = await typeset(
      tokens,
      theme,
      { title, subject: title, author: 'preppack', keywords: [], header: title, footnote: `preppack ${TOOL_VERSION}`, creationDate: FIXED_DATE, paper, direction: 'auto', tagged: tagging?.tagged, language: language ?? tagging?.language },
      source,
    );
    return { rendered: { source: file.path, name, bytes: pdf.bytes, pages: pdf.pages }, problems: [], warnings: [...warnings, ...imageWarnings.values()] };
  } catch (caught) {
    if (!(caught instanceof RenderError)) throw caught;
    return { problems: [error(file.path, lineOf(file.text, caught.directive), caught.message)], warnings };
  }
}

/** The files as given, read as UTF-8; problems name the file. */
export function readMarkdownFiles(paths: readonly string[]): { files: MarkdownFile[]; problems: Problem[] } {
  const files: MarkdownFile[] = [];
  const problems: Problem[] = [];
  for (const path of paths) {
    const read = readInputText(path, 'markdown');
    if ('problem' in read) problems.push(read.problem);
    else files.push({ path, text: read.text });
  }
  return { files, problems };
}
