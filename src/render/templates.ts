// Loads the Handlebars templates and the theme: from --templates DIR where it
// has them, else the bundled ones. Syntax errors and unknown directives are
// found here, with their line, before anything renders.
import { statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import type HandlebarsModule from 'handlebars';
import { error, PreppackError, type Problem } from '../problems.js';
import { readInputText } from '../fs/readInput.js';
import { controlMessage, controlsIn } from '../text/controls.js';
import { issueWords } from '../text/issueWords.js';
import { escapeMarkdown } from '../text/escapeMarkdown.js';
import { count } from '../text/plural.js';
import { withoutLoneLastWord } from '../text/typography.js';
import { CONTAINER_DIRECTIVES, LINE_DIRECTIVES } from './directives.js';
import { isBundledFont, themeFontHas, unprintableText } from './coverage.js';
import { configuredFont, isFontFile, useThemeFallbackFonts, type FallbackFont } from '../fonts/fontChain.js';
import { PAPER_SIZES } from './paper.js';
import { BUNDLED_TEMPLATES } from '../packagePaths.js';
import { FONTS } from './fonts.js';
import { themeSchema, type Theme } from './theme.js';

/** What `build` makes for a level. */
export const PACKETS = ['booklet', 'scorecard', 'cheatsheet'] as const;
export type Packet = (typeof PACKETS)[number];
/** Every document with a template: the packets, a panel's plan and debrief sheet, and the summary and calibration page `collect` writes. */
export const DOCUMENTS = [...PACKETS, 'panel-plan', 'debrief', 'debrief-summary', 'calibration'] as const;
export type DocumentName = (typeof DOCUMENTS)[number];

export const PACKET_TITLES: Record<DocumentName, string> = {
  booklet: 'Candidate prep booklet',
  scorecard: 'Interviewer scoring sheet',
  cheatsheet: 'Phrasing cheat sheet',
  'panel-plan': 'Panel plan',
  debrief: 'Debrief sheet',
  'debrief-summary': 'Debrief summary',
  calibration: 'Interviewer calibration',
};

export { BUNDLED_TEMPLATES };

export interface Template {
  path: string;
  source: string;
  render: (context: object) => string;
}

export interface TemplateSet {
  templates: Record<DocumentName, Template>;
  theme: Theme;
  /** Every file used, for the manifest's hash. */
  sources: { path: string; text: string }[];
  /** The files as read, to compile the same set again in a render worker. */
  files: TemplateFile[];
  /** Characters of the templates' own text the theme's font cannot print: warnings at their line and column. */
  unprintable: Problem[];
}

const displayPath = (path: string) => {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
};

function pick(dir: string | undefined, name: string): string {
  if (dir) {
    const candidate = join(dir, name);
    try {
      // Anything of that name is the user's (a folder or a pipe is then refused by name, not passed over).
      statSync(candidate);
      return candidate;
    } catch {
      // not in the user's folder: fall back to the bundled file
    }
  }
  return join(BUNDLED_TEMPLATES, name);
}

type Handlebars = typeof HandlebarsModule;

/**
 * Handlebars with preppack's helpers, loaded when a template is first
 * rendered: a build whose every file is unchanged renders none.
 */
let environment: Handlebars | undefined;
function handlebars(): Handlebars {
  environment ??= helpers((createRequire(import.meta.url)('handlebars') as Handlebars).create());
  return environment;
}

function helpers(env: Handlebars): Handlebars {
  // Plain text into Markdown, and into a directive argument: `|` separates arguments.
  env.registerHelper('text', (value: unknown) => (value === undefined || value === null ? '' : escapeMarkdown(String(value)).replace(/\|/g, '\\|')));
  // Markdown (already written) as one directive argument: only `|` needs escaping.
  env.registerHelper('arg', (value: unknown) => String(value ?? '').replace(/\n+/g, ' ').replace(/(?<!\\)\|/g, '\\|'));
  env.registerHelper('join', (values: unknown, separator: unknown) => (Array.isArray(values) ? values.join(typeof separator === 'string' ? separator : ', ') : ''));
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // A heading's last two words kept on one line: `{{text (noLoneWord prompt)}}`.
  env.registerHelper('noLoneWord', (value: unknown) => withoutLoneLastWord(String(value ?? '')));
  // `{{plural 3 "story" "stories"}}` → "3 stories"; the plural defaults to singular + s.
  env.registerHelper('plural', (n: unknown, singular: unknown, plural: unknown) => count(Number(n), String(singular), typeof plural === 'string' ? plural : undefined));
  // `{#id}` after a heading: a target for ::ref, the contents and bookmarks.
  env.registerHelper('anchor', (value: unknown) => `{#${String(value)}}`);
  env.registerHelper('quote', (value: unknown) =>
    String(value ?? '')
      .split('\n')
      .map((line) => (line.trim() ? `> ${line}` : '>'))
      .join('\n'),
  );
  return env;
}

function directiveProblems(path: string, source: string): Problem[] {
  const known = new Set<string>([...LINE_DIRECTIVES, ...CONTAINER_DIRECTIVES]);
  const problems: Problem[] = [];
  source.split('\n').forEach((line, index) => {
    const match = /^:{2,3}([a-z][a-z-]*)/.exec(line);
    if (match && !known.has(match[1]!)) {
      problems.push(error(path, index + 1, `unknown directive "${match[0]}": known ones are ${[...known].map((d) => `::${d}`).join(', ')}`));
    }
  });
  return problems;
}

/** The line of the last block helper that is opened and never closed. */
function unclosedBlock(source: string): { line: number; name: string } | undefined {
  const open: { line: number; name: string }[] = [];
  source.split('\n').forEach((text, index) => {
    for (const tag of text.matchAll(/\{\{~?([#/^])\s*([\w-]+)/g)) {
      if (tag[1] === '/') open.pop();
      else if (tag[1] === '#') open.push({ line: index + 1, name: tag[2]! });
    }
  });
  return open.at(-1);
}

/** The line of a template that holds a directive (first line that starts with it), else 1. */
export function directiveLine(source: string, directive: string | undefined): number {
  if (!directive) return 1;
  const lines = source.split('\n').map((line) => line.trim());
  const exact = lines.indexOf(directive.trim());
  if (exact >= 0) return exact + 1;
  // Written with {{…}} in the template: the first line with the same directive.
  const name = directive.trim().split(/\s+/)[0];
  return lines.findIndex((line) => line.split(/\s+/)[0] === name) + 1 || 1;
}

/** The line a Handlebars error names, if any. */
function handlebarsLine(message: string): number {
  const match = /on line (\d+)|- (\d+):\d+/.exec(message);
  return Number(match?.[1] ?? match?.[2] ?? 1);
}

/** A Handlebars error while rendering, in the template's terms, at the line it comes from. */
function renderProblem(path: string, source: string, message: string): Problem {
  const partial = /^The partial (\S+) could not be found/.exec(message);
  if (partial) {
    const line = source.split('\n').findIndex((text) => /\{\{~?>/.test(text) && text.includes(partial[1]!)) + 1 || 1;
    return error(path, line, `template error: there is no partial "${partial[1]}" (templates cannot include other files)`);
  }
  const missing = /^"([^"]+)" not defined in .* - (\d+):(\d+)/.exec(message);
  if (missing) return error(path, Number(missing[2]), `template error: "${missing[1]}" is neither a field of this packet's data nor a helper`, Number(missing[3]) + 1);
  return error(path, handlebarsLine(message), `template error: ${message.split('\n')[0]}`);
}

/** A template's Handlebars syntax problems, or its compiled form. */
function compile(path: string, source: string): ((context: object) => string) | Problem[] {
  const env = handlebars();
  try {
    env.parse(source);
  } catch (caught) {
    const message = (caught as Error).message;
    // At the end of the file Handlebars names the last line; the mistake is the block left open.
    const open = /got 'EOF'/.test(message) ? unclosedBlock(source) : undefined;
    if (open) return [error(path, open.line, `template syntax error: {{#${open.name}}} is never closed with {{/${open.name}}}`)];
    return [error(path, handlebarsLine(message), `template syntax error: ${message.split('\n').at(-1)}`)];
  }
  // strict: a field the context lacks is an error, not an empty string.
  return env.compile(source, { strict: true, noEscape: true });
}

/** A template checked for unknown directives now, compiled when first rendered. */
function template(path: string, source: string): Template | Problem[] {
  const shown = displayPath(path);
  const problems = directiveProblems(shown, source);
  if (problems.length) return problems;
  let compiled: ((context: object) => string) | undefined;
  return {
    path: shown,
    source,
    render: (context) => {
      if (!compiled) {
        const result = compile(shown, source);
        if (Array.isArray(result)) throw new PreppackError(result);
        compiled = result;
      }
      try {
        return compiled(context);
      } catch (caught) {
        throw new PreppackError([renderProblem(shown, source, (caught as Error).message)]);
      }
    },
  };
}

/** The line of a JSON text where a field's key first appears, following its path; else 1. */
function fieldLine(text: string, path: readonly PropertyKey[]): number {
  let at = 0;
  for (const key of path) {
    if (typeof key !== 'string') continue;
    const found = text.indexOf(JSON.stringify(key), at);
    if (found < 0) break;
    at = found;
  }
  return text.slice(0, at).split('\n').length;
}

/** Text needs at least this much room between the margins, on the smallest paper (A5). */
const MIN_TEXT_AREA = 144;

/** Margins [left, top, right, bottom] that leave too little room for text on A5, said in words. */
function marginsProblem([left, top, right, bottom]: readonly number[]): string | undefined {
  if ([left, top, right, bottom].some((m) => m! < 0)) return 'margins cannot be negative';
  const { width, height } = PAPER_SIZES.a5;
  if (left! + right! > width - MIN_TEXT_AREA) return `left and right (${left! + right!} pt together) leave less than ${MIN_TEXT_AREA} pt for text on A5; at most ${Math.floor(width - MIN_TEXT_AREA)} pt together`;
  if (top! + bottom! > height - MIN_TEXT_AREA) return `top and bottom (${top! + bottom!} pt together) leave less than ${MIN_TEXT_AREA} pt for text on A5; at most ${Math.floor(height - MIN_TEXT_AREA)} pt together`;
  return undefined;
}

function loadTheme(path: string, text: string): Theme | Problem {
  const shown = displayPath(path);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (caught) {
    return error(shown, 1, `theme is not valid JSON: ${(caught as Error).message}`);
  }
  const result = themeSchema.safeParse(json);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return error(shown, fieldLine(text, issue.path), `theme field "${issue.path.join('.')}" ${issueWords(issue)}`);
  }
  const theme = result.data;
  // What pdfmake would otherwise stop on in its own words, or print as nothing.
  if (!isBundledFont(theme.font)) return error(shown, fieldLine(text, ['font']), `theme field "font": "${theme.font}" is not a bundled font; the fonts are ${Object.keys(FONTS).join(', ')}`);
  const margins: { path: string[]; margins: readonly number[] | undefined }[] = [
    { path: ['pageMargins'], margins: theme.pageMargins },
    ...Object.entries(theme.packets).map(([packet, overrides]) => ({ path: ['packets', packet, 'pageMargins'], margins: overrides.pageMargins })),
  ];
  for (const { path, margins: set } of margins) {
    const room = set && marginsProblem(set);
    if (room) return error(shown, fieldLine(text, path), `theme field "${path.join('.')}": ${room}`);
  }
  // The theme's fallback fonts, each opened now, so a wrong one is said at its line.
  const fallbacks: FallbackFont[] = [];
  for (const [i, font] of theme.fallbackFonts.entries()) {
    const opened = configuredFont(isFontFile(font) ? resolve(dirname(path), font) : font, font);
    if (typeof opened === 'string') return error(shown, fieldLine(text, ['fallbackFonts', i]), `theme field "fallbackFonts": ${opened}`);
    fallbacks.push(opened);
  }
  useThemeFallbackFonts(fallbacks);
  const box = [...theme.tickBox].find((char) => !themeFontHas(char, theme.font));
  if (box) return error(shown, fieldLine(text, ['tickBox']), `theme field "tickBox": the font has no glyph for "${box}" (U+${box.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}), so no tick box would print; use a character the font has, such as ☐`);
  return theme;
}

/** A template file's text; a file that is not UTF-8 is a problem at its line. */
function readTemplateFile(path: string, problems: Problem[]): string {
  const read = readInputText(path, 'template', displayPath(path));
  if ('problem' in read) {
    problems.push(read.problem);
    return '';
  }
  const controls = controlsIn(read.text).map(({ char, line, column, count }) => error(displayPath(path), line, controlMessage(char, count), column));
  problems.push(...controls);
  return controls.length ? '' : read.text;
}

/** `--templates DIR` must be a folder: a mistyped one would quietly give the bundled look. */
function templatesFolderProblem(dir: string): Problem | undefined {
  try {
    if (statSync(dir).isDirectory()) return undefined;
    return error(dir, 1, 'not a folder: --templates names a folder of templates and theme.json');
  } catch {
    return error(dir, 1, 'no such folder: --templates names a folder of templates and theme.json');
  }
}

/** A template or theme file as read: its name in the set, where it was read, its text. */
export interface TemplateFile {
  name: string;
  path: string;
  text: string;
}

export function loadTemplates(dir: string | undefined): TemplateSet {
  const folder = dir === undefined ? undefined : templatesFolderProblem(dir);
  if (folder) throw new PreppackError([folder]);
  const problems: Problem[] = [];
  const files = [...DOCUMENTS.map((packet) => `${packet}.md.hbs`), 'theme.json'].map((name) => {
    const path = pick(dir, name);
    return { name, path, text: readTemplateFile(path, problems) };
  });
  return compileTemplates(files, problems);
}

/**
 * The set from files already read: a render worker (renderPool.ts) compiles
 * the very texts the run read, never a file edited since.
 */
export function compileTemplates(files: readonly TemplateFile[], problems: Problem[] = []): TemplateSet {
  const templates = {} as Record<DocumentName, Template>;
  for (const packet of DOCUMENTS) {
    const { path, text } = files.find((file) => file.name === `${packet}.md.hbs`)!;
    const compiled = template(path, text);
    if (Array.isArray(compiled)) problems.push(...compiled);
    else templates[packet] = compiled;
  }
  const themeFile = files.find((file) => file.name === 'theme.json')!;
  if (problems.length) throw new PreppackError(problems);
  const theme = loadTheme(themeFile.path, themeFile.text);
  if ('severity' in theme) problems.push(theme);
  if (problems.length) throw new PreppackError(problems);
  const font = (theme as Theme).font;
  const unprintable = files.filter((file) => file !== themeFile).flatMap((file) => unprintableText(displayPath(file.path), file.text, font));
  return { templates, theme: theme as Theme, sources: files.map(({ name, text }) => ({ path: name, text })), files: [...files], unprintable };
}
