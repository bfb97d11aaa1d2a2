// What an interviewer ticks: a Q&A page's advice to the candidate ("In your
// answer, outline tenant isolation, identity, …") turned into whole phrases
// in the interviewer's voice ("Outlines tenant isolation", "Outlines
// identity", …). The source's words throughout: the candidate's "you" becomes
// "they", an imperative's verb takes the third person, and the verb that
// leads a list is repeated before each noun it governs, so that no tick box
// holds a one-word fragment ("Identity") or a dangling one ("Support them").
import { listedPoints } from './points.js';

/** Verbs a Q&A page's advice starts a point with; other words count as verbs when an object follows (see `isVerbPhrase`). */
const IMPERATIVES = new Set(
  'acknowledge address articulate avoid balance begin build call choose cite clarify compare connect cover create define demonstrate describe detail discuss document emphasize end explain focus frame give highlight identify illustrate include keep measure mention minimize name note offer outline pick present prioritize propose provide quantify reference set share show start stress support talk tell tie use walk'.split(' '),
);
/** Words that follow a verb and not a noun: "support them", "measure the …", "focus on …". */
const OBJECT_START = /^(?:the|a|an|your|their|our|them|it|you|how|why|what|when|where|who|whether|that|on|about|out|up)$/i;
/** A verb and the particle or preposition it takes: "Focus on", "Talk about", "Call out". */
const LEAD = /^(\S+)(\s+(?:on|about|out|up))?\s+/i;

/** "Identity" → "identity"; an acronym ("SLAs", "OAuth") stays as it is. */
const uncapitalised = (text: string) => (/^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);
const firstWord = (text: string) => text.split(/\s+/, 1)[0] ?? '';
const secondWord = (text: string) => text.split(/\s+/)[1] ?? '';

/** A span that starts with its own verb ("Support them", "Explain trade-offs"), not a noun its list's verb governs. */
export function isVerbPhrase(span: string): boolean {
  const word = firstWord(span).toLowerCase();
  if (OBJECT_START.test(word)) return false;
  return IMPERATIVES.has(word) || (OBJECT_START.test(secondWord(span)) && !/(?:ing|s)$/i.test(word));
}

/** An English verb in the third person singular: show → shows, focus → focuses, identify → identifies. */
export function thirdPerson(verb: string): string {
  if (/[^aeiou]y$/i.test(verb)) return `${verb.slice(0, -1)}ies`;
  if (/(?:s|sh|ch|x|z|o)$/i.test(verb)) return `${verb}es`;
  return `${verb}s`;
}

const PRONOUNS: [RegExp, string][] = [
  [/\byourself\b/g, 'themselves'],
  [/\byour\b/g, 'their'],
  [/\byou[’']re\b/g, 'they’re'],
  [/\byou[’']ve\b/g, 'they’ve'],
  [/\byou[’']d\b/g, 'they’d'],
  [/\byou[’']ll\b/g, 'they’ll'],
  [/\byou\b/g, 'they'],
  [/\bYour\b/g, 'Their'],
  [/\bYou\b/g, 'They'],
];

/** A phrase said to the candidate, said about them: "how you partner" → "how they partner". */
export function aboutTheCandidate(text: string): string {
  return PRONOUNS.reduce((out, [pattern, word]) => out.replace(pattern, word), text);
}

/** A point in the interviewer's voice: "Show accountability" → "Shows accountability". */
export function observed(point: string): string {
  const text = aboutTheCandidate(point);
  if (!isVerbPhrase(point)) return text;
  const verb = firstWord(text);
  const said = thirdPerson(verb.toLowerCase());
  return `${verb[0] === verb[0]!.toUpperCase() ? said[0]!.toUpperCase() + said.slice(1) : said}${text.slice(verb.length)}`;
}

/**
 * The points one sentence of advice lists, as an interviewer ticks them. A
 * span that is a noun phrase takes the verb that leads the sentence (a
 * gerund only where that verb ends in a preposition: "Focus on … offering
 * options"); a span with a verb of its own keeps it.
 */
export function listenForPoints(sentence: string): string[] {
  // "…, support them, …": a verb and a pronoun say nothing alone; they go on from the point before.
  const spans = listedPoints(sentence).reduce<string[]>((kept, span) => {
    if (kept.length && /^\S+\s+(?:them|it)$/i.test(span)) kept[kept.length - 1] += `, ${uncapitalised(span)}`;
    else kept.push(span);
    return kept;
  }, []);
  const lead = isVerbPhrase(spans[0]!) ? LEAD.exec(spans[0]!) : null;
  const verb = lead ? `${lead[1]}${lead[2] ?? ''}` : '';
  const takesGerund = lead?.[2] !== undefined;
  return spans.map((span, i) => {
    const own = i === 0 || !verb || isVerbPhrase(span) || (/^\S+ing\b/i.test(span) && !takesGerund);
    const phrase = own ? span : `${verb} ${uncapitalised(span)}`;
    return observed(phrase);
  });
}

/**
 * A piece of advice that lists one point, cut at its one "and" where both
 * halves stand alone: before a verb ("balance X and tie them to Y"), or
 * between two short objects of the leading verb ("call out specific
 * anti-patterns and guardrails you'd implement").
 */
function pairedPoints(sentence: string): string[] | undefined {
  const text = sentence.trim().replace(/[.;]$/, '');
  if (/[,;:]/.test(text)) return undefined;
  const cuts = [...text.matchAll(/\s+and\s+/g)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const verbCuts = cuts.filter(([, end]) => isVerbPhrase(text.slice(end)));
  if (verbCuts.length === 1) return [text.slice(0, verbCuts[0]![0]), text.slice(verbCuts[0]![1])];
  if (cuts.length !== 1) return undefined;
  const [left, right] = [text.slice(0, cuts[0]![0]), text.slice(cuts[0]![1])];
  const lead = isVerbPhrase(left) ? LEAD.exec(left) : null;
  // An object of one word ("discovery and cleanup of …") shares what follows; one of two or three stands alone.
  const objectWords = lead ? left.slice(lead[0].length).split(/\s+/).length : 0;
  if (objectWords < 2 || objectWords > 3) return undefined;
  return [left, `${lead![1]}${lead![2] ?? ''} ${right}`];
}

/** The points of a why-asked text's advice ("In your answer, …"), sentence by sentence, in the interviewer's voice. */
export function adviceListenFor(sentences: readonly string[]): string[] {
  const points = sentences.flatMap(listenForPoints);
  if (points.length === 1 && sentences.length === 1) {
    const paired = pairedPoints(sentences[0]!);
    if (paired) return paired.map((p) => observed(p.charAt(0).toUpperCase() + p.slice(1)));
  }
  return points;
}

/** "Good answers include …", "Strong answers usually mention …": the subject and verb that lead a strong-answer sentence's list. */
const STRONG_LEAD = /^(?:strong|mature|good|great|excellent|the best|best)\s+(?:answers?|responses?|leaders?|directors?|managers?|candidates?|engineers?)\s+(?:(?:usually|often|also)\s+)?(?:include|mention|cover|describe|show|name|are|is)s?\s+/i;

/** A strong-answer sentence that lists what good answers hold, as its points: "Good answers include A, B, and C." → A, B, C. */
export function strongListPoints(sentence: string): string[] | undefined {
  const lead = STRONG_LEAD.exec(sentence);
  if (!lead) return undefined;
  const points = listedPoints(sentence.slice(lead[0].length));
  return points.length > 1 ? points : undefined;
}
