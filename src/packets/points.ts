// What a question's guidance says, sorted by what a packet does with it:
// points to listen for (tick boxes), weak-answer remarks (red flags, things to
// avoid), strong-answer statements (the anchor of the top ratings) and remarks
// about the interview itself. Always in the source's words: sentences are
// classified and lists split, never reworded.

export type PointKind = 'listen' | 'weak' | 'strong' | 'context';

export interface Point {
  kind: PointKind;
  /** Inline Markdown, the source's own words. */
  text: string;
}

const WEAK = /\b(?:weak|poor|bad)\s+answers?\b/i;
const STRONG = /^(?:strong|mature|good|great|excellent|the best|best)\s+(?:answers?|responses?|leaders?|directors?|managers?|candidates?|engineers?)\b/i;
const CONTEXT = /^(?:interviewers?|employers?|hiring managers?)\b/i;

/** Splits a text into sentences: at . ! ? followed by a space and a capital or a quote. */
export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?][”"’]?)\s+(?=[A-Z“"‘(])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function classify(sentence: string): PointKind {
  if (WEAK.test(sentence)) return 'weak';
  if (CONTEXT.test(sentence)) return 'context';
  if (STRONG.test(sentence)) return 'strong';
  return 'listen';
}

/**
 * A strong-answer bullet, sentence by sentence. The bullet is the source's own
 * point; a list inside one of its sentences ("Learn X, Y and Z") is that
 * point's content, not several points.
 */
export function bulletPoints(bullet: string): Point[] {
  return sentences(bullet).map((text) => ({ kind: classify(text), text }));
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Top-level separators of a list in a sentence: commas and semicolons outside brackets. */
function separators(text: string): number[] {
  const at: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if ((c === ',' || c === ';') && depth === 0 && text[i + 1] === ' ') at.push(i);
  }
  return at;
}

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;
/** "… a lightweight," — an article and one word: an adjective, when what follows is no new noun phrase. */
const OPEN_NOUN_PHRASE = /\b(?:a|an|the)\s+\S+$/i;
const STARTS_NOUN_PHRASE = /^(?:a|an|the|your|their|our|its|my|how|what|why|when|where|who)\b/i;
/** "prioritized mitigations": a span that starts with an adjective continues the one before ("into clear, prioritized …"). */
const STARTS_WITH_ADJECTIVE = /^\S+(?:ed|ive|able|ible|ful|ous|less)\s+\S/i;
/** "… to their product," — a preposition's object: the one-word items after it belong to it. */
const PREPOSITION_OBJECT = /\b(?:to|of|for|with|in|on|about|from|into|by)\s+(?:(?:their|your|the|a|an|our|its)\s+)?\S+$/i;

/**
 * The points a sentence lists, in its own words: "show X, Y, and Z." gives
 * "Show X", "Y", "Z". A colon's lead-in is a point of its own. Commas that do
 * not separate points (an adjective pair, "not …", a preposition's objects)
 * are kept; a sentence that lists nothing is one point.
 */
export function listedPoints(sentence: string): string[] {
  const text = sentence.trim().replace(/[.;]$/, '');
  const colon = text.indexOf(': ');
  const lead = colon > 0 && !text.slice(0, colon).includes(',') ? text.slice(0, colon) : undefined;
  const body = lead ? text.slice(colon + 2) : text;
  const cuts = separators(body);
  const spans = [...cuts, body.length].map((end, i) => body.slice(i === 0 ? 0 : cuts[i - 1]! + 1, end).trim());
  // Spans of the source, merged back where a comma separates no points.
  const merged: string[] = [];
  let objects = false;
  for (const span of spans) {
    const item = span.replace(/^(?:and|or)\s+/i, '');
    const previous = merged.at(-1);
    const ofPreposition: boolean = previous !== undefined && words(item) === 1 && (objects || PREPOSITION_OBJECT.test(previous));
    const adjectivePair = previous !== undefined && (OPEN_NOUN_PHRASE.test(previous) || PREPOSITION_OBJECT.test(previous)) && !STARTS_NOUN_PHRASE.test(item) && (OPEN_NOUN_PHRASE.test(previous) || STARTS_WITH_ADJECTIVE.test(item));
    const joins = previous !== undefined && (/^not\b/i.test(item) || ofPreposition || adjectivePair);
    objects = ofPreposition;
    if (joins) merged[merged.length - 1] = `${previous}, ${span}`;
    else merged.push(item);
  }
  const points = [...(lead ? [lead] : []), ...merged.filter(Boolean)];
  if (points.length < 2) return [capitalise(text)];
  return points.map(capitalise);
}

/** A Q&A page's why-asked text: what the question is for, and what an answer should show ("In your answer, …"), sentence by sentence and as points. */
export function answerGuidance(why: string): { purpose: string; sentences: string[]; points: string[] } {
  const at = why.search(/In your answer,?\s*/);
  if (at < 0) return { purpose: why.trim(), sentences: [], points: [] };
  const purpose = why.slice(0, at).trim();
  const advice = sentences(why.slice(at).replace(/^In your answer,?\s*/, ''));
  return { purpose, sentences: advice, points: advice.flatMap(listedPoints) };
}
