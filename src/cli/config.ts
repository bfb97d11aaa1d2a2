// preppack.config.yaml (or .json): a project's defaults for the flags, found
// in the working folder or the nearest folder above it, or named with
// --config FILE. Flags override it. A mistake in it is `file:line: message`
// and exit 2, like any other wrong command line.
import { readInputText } from '../fs/readInput.js';
import { dirname, relative, resolve } from 'node:path';
import { LineCounter, parseDocument, isMap, isScalar, type Document } from 'yaml';
import { z } from 'zod';
import { describeYamlError, unresolvedTag, yamlValueFailure } from '../content/yamlError.js';
import { ratingShort } from '../packets/ratings.js';
import { nameProblem } from '../text/names.js';
import { configuredFont, isFontFile, type FallbackFont } from '../fonts/fontChain.js';
import { issueWords } from '../text/issueWords.js';
import { nearest } from './didYouMean.js';
import { error, PreppackError, type Problem } from '../problems.js';
import { LANGUAGE_TAG, LANGUAGE_WORDS } from '../render/language.js';

/** One line of printable text from the config, as names are checked everywhere. */
const textLine = (what: string, max: number) =>
  z.unknown().transform((value, context) => {
    const checked = nameProblem(what, value, max);
    if ('name' in checked) return checked.name;
    context.addIssue({ code: 'custom', message: checked.problem });
    return z.NEVER;
  });

const names = z.union([z.string().min(1), z.array(z.string().min(1)).min(1)], { error: 'a name or a list of names, such as [staff, manager]' }).transform((v) => (Array.isArray(v) ? v : [v]));

/** A rating as the sheets print it: words only, so that it reads the same in a rating row, an anchor and a table. */
const ratingLabel = z.string().trim().max(20).regex(/^[\p{L}\p{N}][\p{L}\p{N} '’-]*$/u, 'a rating is words: letters, digits, spaces, hyphens, apostrophes');

const configSchema = z
  .object({
    content: z.string().min(1),
    templates: z.string().min(1),
    out: z.string().min(1),
    paper: z.enum(['letter', 'a4']),
    organisation: textLine('it', 80),
    levels: names,
    packets: names,
    evidenceLines: z.number().int().min(1).max(20),
    /** The language of every PDF (BCP 47), for screen readers; default en. */
    language: z.string().trim().regex(LANGUAGE_TAG, LANGUAGE_WORDS),
    /** Tagged PDFs (PDF/UA-1, for screen readers); false writes untagged PDF 1.3 files, as before. */
    tags: z.boolean(),
    /** Threads that render (`--jobs`); by default the cores, for a run big enough to pay for them. */
    jobs: z.number().int().min(1).max(256),
    /** Fallback fonts, before the installed ones: font files (from the config's folder) or installed family names. */
    fonts: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)], { error: 'a font file or installed family name, or a list of them, such as ["Noto Sans CJK SC", fonts/MyFont.ttf]' }).transform((v) => (Array.isArray(v) ? v : [v])),
    ratingLabels: z
      .array(ratingLabel)
      .length(4, 'four ratings, worst first, such as [Definitely not, No, Yes, Strong yes]')
      .refine((labels) => new Set(labels.map((l) => l.toLowerCase())).size === labels.length && !labels.some((l) => /^(not assessed|no decision)$/i.test(l)), 'four different ratings, none of them "Not assessed" or "No decision" (the sheets add those)')
      // The debrief grid writes each rating by its initials: they must tell the ratings apart.
      .refine((labels) => new Set([...labels, 'Not assessed', 'No decision'].map(ratingShort)).size === labels.length + 2, 'ratings whose initials differ (the debrief sheet writes "Strong yes" as SY), and none written NA or ND'),
  })
  .partial()
  .strict();

export type Config = Omit<z.infer<typeof configSchema>, 'fonts'> & {
  /** The file it came from, for messages; undefined when there is none. */
  path?: string;
  /** The fallback fonts it names, opened (src/fonts/fontChain.ts). */
  fonts?: FallbackFont[];
};

/** The line of the value at `path` in the document, or of its key for an unknown key. */
function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[], key?: string): number {
  let node: unknown = doc.contents;
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((item) => isScalar(item.key) && item.key.value === key);
    node = pair?.key;
  } else node = doc.getIn(path as (string | number)[], true);
  const offset = (node as { range?: [number, number, number] } | undefined)?.range?.[0];
  return offset === undefined ? 1 : lines.linePos(offset).line;
}

const KEY_NAMES = Object.keys(configSchema.shape);
const KEYS = KEY_NAMES.join(', ');

function problemsOf(shown: string, doc: Document, lines: LineCounter, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.flatMap((issue) => {
    const key = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((name) => {
        const meant = nearest(name, KEY_NAMES);
        return error(shown, lineOf(doc, lines, [], name), `unknown key "${name}"${meant ? ` (did you mean "${meant}"?)` : ''}: the keys are ${KEYS}`);
      });
    }
    return [error(shown, lineOf(doc, lines, issue.path), key ? `${key}: ${issueWords(issue)}` : `the config ${issueWords(issue).replace(/^should be a mapping of field: value, not a list$/, 'is a list: it should be a mapping of key: value, such as paper: a4')}`)];
  });
}

/** The config at `path`; paths in it are taken from its own folder. Throws a PreppackError naming its lines. */
export function loadConfig(path: string): Config {
  const here = relative(process.cwd(), path);
  const shown = here && !here.startsWith('..') ? here : path;
  const read = readInputText(path, 'config', shown);
  if ('problem' in read) throw new PreppackError([read.problem]);
  const { text } = read;
  // JSON is YAML too: one reader, with lines, for both.
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length) {
    const { line, message } = describeYamlError(text, doc.errors[0]!);
    throw new PreppackError([error(shown, line, message)]);
  }
  const tag = unresolvedTag(doc);
  if (tag) throw new PreppackError([error(shown, tag.line, tag.message)]);
  let value: unknown;
  try {
    // An alias expanded a thousand times over is a YAML bomb, not a config: yaml refuses it.
    value = doc.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (caught) {
    throw new PreppackError([error(shown, 1, yamlValueFailure(caught))]);
  }
  const parsed = configSchema.safeParse(value);
  if (!parsed.success) throw new PreppackError(problemsOf(shown, doc, lines, parsed.error.issues));
  const folder = dirname(path);
  const from = (p: string | undefined) => (p === undefined ? undefined : relative(process.cwd(), resolve(folder, p)) || '.');
  // Each font opened now, so a wrong one is said at its line before any work.
  const problems: Problem[] = [];
  const fonts = (parsed.data.fonts ?? []).flatMap((font, i) => {
    const opened = configuredFont(isFontFile(font) ? resolve(folder, font) : font, font);
    if (typeof opened !== 'string') return [opened];
    problems.push(error(shown, lineOf(doc, lines, Array.isArray((value as { fonts?: unknown }).fonts) ? ['fonts', i] : ['fonts']), `fonts: ${opened}`));
    return [];
  });
  if (problems.length) throw new PreppackError(problems);
  return { ...parsed.data, content: from(parsed.data.content), templates: from(parsed.data.templates), out: from(parsed.data.out), path: shown, fonts };
}
