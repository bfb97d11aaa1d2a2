// Names a level from the role in a page title: "Product Security Director /
// VP / Principal" is level `director` with aliases `vp` and `principal`.
import { slugify } from '../text/slug.js';

export interface LevelName {
  id: string;
  aliases: string[];
}

const DOMAIN_WORDS = new Set(['product', 'security']);
const ROLE_NOUNS = new Set(['engineer']);


function nameOf(segment: string, dropRoleNoun: boolean): string {
  const words = slugify(segment).split('-').filter((w) => w && !DOMAIN_WORDS.has(w));
  const core = dropRoleNoun && words.length > 1 ? words.filter((w) => !ROLE_NOUNS.has(w)) : words;
  return core.join('-');
}

export function levelNameFromRole(role: string): LevelName {
  const segments = role.split('/').map((s) => s.trim()).filter(Boolean);
  const id = nameOf(segments[0] ?? role, true) || slugify(role);
  const aliases = new Set<string>();
  const full = nameOf(segments[0] ?? role, false);
  if (full && full !== id) aliases.add(full);
  for (const segment of segments.slice(1)) {
    const alias = nameOf(segment, false);
    if (alias && alias !== id) aliases.add(alias);
  }
  return { id, aliases: [...aliases] };
}

/** The id of the known level this name refers to, by id or alias. */
export function matchLevel(name: LevelName, known: readonly LevelName[]): string | undefined {
  const names = [name.id, ...name.aliases];
  return known.find((level) => names.some((n) => n === level.id || level.aliases.includes(n)))?.id;
}

const STOP_WORDS = new Set(
  'a an the you your yours do does did how what whats would is are was to of for in on and or we our me my about if can could when why tell time that with it its this i im id ive be been have has had as at by from into should which who there their they them so than then'.split(' '),
);

/** A short readable slug: the first few meaningful words of a text. */
export function shortSlug(text: string, words = 5): string {
  const meaningful = slugify(text).split('-').filter((w) => w && !STOP_WORDS.has(w));
  return meaningful.slice(0, words).join('-') || slugify(text).split('-').slice(0, words).join('-');
}
