// Gives every run of a document's text a font that has its characters, and a
// bidirectional level where the text holds a right-to-left script: the last
// stage before layout, so names, content, the templates' own words and
// Markdown in `render` are all served alike. A run of text is split where
// the font that prints it changes ("Candidate: 王芳 Wang Fang" is three runs);
// spaces, digits and punctuation stay in the run they are in, so a run of
// Arabic is shaped whole and joined.
import { bidiLevels, drawnAt } from './bidi.js';
import type { FontChain } from './fontChain.js';
import { BUNDLED_FONT, BUNDLED_FONT_RANGES, faceStyle } from '../render/fonts.js';

type Node = Record<string, unknown>;
type Styles = Record<string, Record<string, unknown>>;

interface Inherited {
  font: string;
  bold: boolean;
  italics: boolean;
}

/** What the stage found: the fallback families it used. (Characters no font has were said where they were written: content, templates, names.) */
export interface FontRunsReport {
  families: Set<string>;
}

/** Text set in the bundled font within the ranges every face of it has whole needs nothing: no fallback, nothing right to left. */
const hex = (code: number) => `\\u{${code.toString(16)}}`;
const PLAIN = new RegExp(`^[\\n\\t${BUNDLED_FONT_RANGES.map(([from, to]) => `${hex(from)}-${hex(to)}`).join('')}]*$`, 'u');
/** Scripts whose shaping draws glyphs out of reading order (a vowel sign before its consonant: Brahmic scripts of India and South-East Asia). */
const REORDERED = /[\u0900-\u0dff\u1000-\u109f\u1780-\u17ff\u1900-\u194f\u1a20-\u1aaf\u1b00-\u1bbf\ua8e0-\ua8ff\u{11000}-\u{111ff}]/u;
/** How far a sign looks for the text it opens: "《【“" and a few more, never a whole paragraph of signs (quadratic). */
const LOOK_AHEAD = 16;
/** Characters of no script of their own: they keep to the run they are in when its font has them. */
const NEUTRAL = /^[\p{Script=Common}\p{Script=Inherited}]$/u;

/** The font, bold and italics a node sets, itself or through its named styles, over what it inherits. */
function resolve(node: Node, styles: Styles, inherited: Inherited): Inherited {
  const named = ([] as unknown[]).concat(node.style ?? []).map((name) => styles[String(name)] ?? {});
  const pick = <K extends keyof Inherited>(key: K): Inherited[K] => {
    if (node[key] !== undefined) return node[key] as Inherited[K];
    for (let i = named.length - 1; i >= 0; i--) if (named[i]![key] !== undefined) return named[i]![key] as Inherited[K];
    return inherited[key];
  };
  return { font: pick('font'), bold: pick('bold'), italics: pick('italics') };
}

interface Leaf {
  text: string;
  /** Puts the runs in the leaf's place. */
  replace: (runs: Node[]) => void;
  style: Inherited;
  /** Properties of the leaf's own inline object, copied onto each run. */
  own: Node;
}

export function fontRunsStage(chainOf: (family: string) => FontChain, direction: 'ltr' | 'auto' = 'ltr') {
  const report: FontRunsReport = { families: new Set() };

  /** The runs of one leaf: split where the family or the level changes. */
  function runsOf(leaf: Leaf, levels: Uint8Array | undefined, offset: number): Node[] | undefined {
    const chain = chainOf(leaf.style.font);
    const style = faceStyle(leaf.style.bold, leaf.style.italics);
    // Text as drawn: a bracket in a right-to-left run is its mirror image (its glyph maps back to the mirror, as browsers' PDFs do).
    const runs: { text: string; family: string; level: number; missing?: boolean }[] = [];
    let index = 0;
    const chars = [...leaf.text];
    /** The family of the first character after `from` (within a few) that has a script of its own: a bracket or a comma goes with the text it opens or ends. */
    const nextFamily = (from: number) => {
      for (let i = from + 1; i < Math.min(chars.length, from + LOOK_AHEAD); i++) if (!NEUTRAL.test(chars[i]!)) return chain.familyFor(chars[i]!, style);
      return undefined;
    };
    /** The family for a character: a space, digit or sign keeps to the run it is in, or goes with the text it opens when the theme's font lacks it. */
    const familyOf = (char: string, at: number, current: string | undefined): string | undefined => {
      if (!NEUTRAL.test(char)) return chain.familyFor(char, style);
      if (current !== undefined && chain.familyHas(current, char, style)) return current;
      const first = chain.familyFor(char, style);
      if (first === undefined || first === leaf.style.font) return first;
      // "《书名》" after Latin text: 《 is set in the font of 书, not in the first font that has 《; in "《Qt》", in a fallback the document already uses.
      const next = nextFamily(at);
      if (next !== undefined && chain.familyHas(next, char, style)) return next;
      for (const used of report.families) if (chain.familyHas(used, char, style)) return used;
      return first;
    };
    for (const [at, source] of chars.entries()) {
      const level = levels?.[offset + index] ?? 0;
      index += source.length;
      const char = levels ? drawnAt(source, level) : source;
      const current = runs.at(-1);
      let family = familyOf(char, at, current?.family);
      let missing = false;
      if (family === undefined) {
        family = current?.family ?? leaf.style.font;
        missing = true;
      }
      if (current && current.family === family && current.level === level) {
        current.text += char;
        current.missing ||= missing;
      } else runs.push({ text: char, family, level, ...(missing ? { missing } : {}) });
    }
    if (runs.length === 0 || (runs.length === 1 && runs[0]!.family === leaf.style.font && runs[0]!.level === 0 && !runs[0]!.missing)) return undefined;
    // pdfkit shapes a run a word at a time and sets the words left to right: a right-to-left run is given as its words, which the line then
    // orders (Line.reorderByBidiLevel); so is a run of a script whose glyphs are not drawn in reading order, each word saying what it reads
    // as, and a run with a character no font has: its empty box still reads as the character (pdftotext, a screen reader).
    const unprintable = (char: string) => chain.familyFor(char, style) === undefined;
    const pieces = (run: (typeof runs)[number]) => {
      // Each character no font has on its own, so that its text is its own (pdfmake breaks a line between two CJK characters).
      if (run.missing) return run.text.split(/(?:)/u).reduce<{ text: string; spoken: boolean }[]>((all, char) => {
        const last = all.at(-1);
        if (!unprintable(char) && last && !last.spoken) last.text += char;
        else all.push({ text: char, spoken: unprintable(char) });
        return all;
      }, []);
      if (run.level % 2 === 1 || REORDERED.test(run.text)) return (run.text.match(/\S+\s*|\s+/gu) ?? []).map((text) => ({ text, spoken: REORDERED.test(text) }));
      return [{ text: run.text, spoken: false }];
    };
    const words = runs.flatMap((run) => pieces(run).map((piece) => ({ ...run, ...piece })));
    return words.map((run) => {
      if (run.family !== leaf.style.font) report.families.add(run.family);
      return {
        ...leaf.own,
        text: run.text,
        ...(run.family !== leaf.style.font ? { font: run.family } : {}),
        ...(levels ? { bidiLevel: run.level } : {}),
        ...(run.spoken ? { actualText: run.text } : {}),
      };
    });
  }

  /** A text node's text: its leaves found, the paragraph's levels taken, each leaf split. */
  function text(node: Node, style: Inherited, styles: Styles): void {
    const leaves: Leaf[] = [];
    const collect = (value: unknown, inherited: Inherited, replace: (runs: Node[]) => void, own: Node) => {
      if (typeof value === 'string') leaves.push({ text: value, replace, style: inherited, own });
      else if (Array.isArray(value)) {
        // Each item of the array is replaced by its runs in place; done last to first, so indexes hold.
        value.forEach((item, i) => {
          const put = (runs: Node[]) => value.splice(i, 1, ...runs);
          if (typeof item === 'string') collect(item, inherited, put, {});
          else if (item && typeof item === 'object') {
            const inline = item as Node;
            const within = resolve(inline, styles, inherited);
            if (typeof inline.text === 'string') {
              const { text: _text, ...own } = inline;
              collect(inline.text, within, put, own);
            } else collect(inline.text, within, () => {}, {});
          }
        });
      }
    };
    collect(node.text, style, (runs) => (node.text = runs), {});
    const whole = leaves.map((leaf) => leaf.text).join('');
    if (PLAIN.test(whole) && leaves.every((leaf) => leaf.style.font === BUNDLED_FONT)) return;
    const bidi = bidiLevels(whole, direction);
    const levels = bidi?.levels;
    // A paragraph that reads right to left is set from the right, as GitHub and browsers show it (dir="auto").
    if (bidi?.rightToLeft && node.alignment === undefined) node.alignment = 'right';
    const offsets: number[] = [];
    let offset = 0;
    for (const leaf of leaves) {
      offsets.push(offset);
      offset += leaf.text.length;
    }
    for (let i = leaves.length - 1; i >= 0; i--) {
      const runs = runsOf(leaves[i]!, levels, offsets[i]!);
      if (runs) leaves[i]!.replace(runs);
    }
  }

  function visit(value: unknown, styles: Styles, inherited: Inherited): unknown {
    if (typeof value === 'string') {
      const node: Node = { text: value };
      text(node, inherited, styles);
      return typeof node.text === 'string' && node.alignment === undefined ? value : node;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = visit(value[i], styles, inherited);
      return value;
    }
    if (!value || typeof value !== 'object') return value;
    const node = value as Node;
    const style = resolve(node, styles, inherited);
    if ('text' in node) text(node, style, styles);
    for (const key of ['stack', 'columns', 'ul', 'ol']) if (Array.isArray(node[key])) visit(node[key], styles, style);
    const table = node.table as { body?: unknown[][] } | undefined;
    if (table?.body) for (const row of table.body) visit(row, styles, style);
    return node;
  }

  return { report, visit };
}

/** The document with fonts given run by run (header and footer too, as they are made), its paragraphs read as `paragraphDirection` says; the report says which fallback families were used. */
export function withFontRuns(document: Node, chainOf: (family: string) => FontChain): FontRunsReport {
  const styles = (document.styles ?? {}) as Styles;
  const base = resolve((document.defaultStyle ?? {}) as Node, styles, { font: BUNDLED_FONT, bold: false, italics: false });
  const stage = fontRunsStage(chainOf, document.paragraphDirection === 'auto' ? 'auto' : 'ltr');
  document.content = stage.visit(document.content, styles, base);
  for (const key of ['header', 'footer']) {
    const made = document[key];
    if (typeof made === 'function') {
      const make = made as (...a: unknown[]) => unknown;
      // Made page by page during layout, after pdfmake has its font table: made here once first (as page 1 of 1, 1 of 2, 2 of 2), so the fonts it needs are known.
      for (const [page, pages] of [[1, 1], [1, 2], [2, 2]]) stage.visit(make(page, pages), styles, base);
      document[key] = (...args: unknown[]) => stage.visit(make(...args), styles, base);
    } else if (made) document[key] = stage.visit(made, styles, base);
  }
  return stage.report;
}
