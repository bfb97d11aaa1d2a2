// What the front matter of each kind of content file may hold. zod gives us
// one declaration for both the check and the TypeScript type.
import { issueWords } from '../text/issueWords.js';
import { z } from 'zod';
import { error, type Problem } from '../problems.js';
import { LANGUAGE_TAG, LANGUAGE_WORDS } from '../render/language.js';

export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const kebab = z.string().regex(KEBAB_CASE, 'must be lower-case kebab case (a-z, 0-9 and single hyphens)');
const text = z.string().trim().min(1, 'must not be empty');

export const sourcePageSchema = z
  .object({
    title: text,
    format: z.enum(['interview-pack', 'star-stories', 'qa-page']),
    handbook: text.optional(),
    intro: text.optional(),
    use_for: text.optional(),
    read_with: text.optional(),
    question_set: text.optional(),
  })
  .strict();

export const levelSchema = z
  .object({
    id: kebab,
    title: text,
    aliases: z.array(kebab).default([]),
    audience: text.optional(),
    /** The language its packets are in (`/Lang` of the PDF), if not the config's. */
    language: z.string().regex(LANGUAGE_TAG, LANGUAGE_WORDS).optional(),
    sources: z.array(sourcePageSchema).default([]),
  })
  .strict();

/** What questions and stories share: where they belong and what they are tagged with. */
const itemFields = {
  id: kebab,
  level: kebab,
  number: z.number().int().positive(),
  competencies: z.array(kebab).max(3, 'tag at most three competencies').default([]),
};

/** The longest a question's `short:` label may be: it names the question in a cheat sheet's half column. */
export const SHORT_LABEL_MAX = 60;

/** The longest a question's `cue:` may be: about a line and a half of a cheat sheet's half column, 12 words or so. */
export const CUE_MAX = 90;

export const questionSchema = z
  .object({
    ...itemFields,
    prompt: text,
    short: text.max(SHORT_LABEL_MAX, `must be at most ${SHORT_LABEL_MAX} characters: a few whole words that name the question`).optional(),
    cue: text.max(CUE_MAX, `must be at most ${CUE_MAX} characters: a line that reminds the candidate what to say`).optional(),
  })
  .strict();

export const storySchema = z.object({ ...itemFields, title: text }).strict();

export const competencySchema = z
  .object({
    id: kebab,
    title: text,
    description: text,
    /** What the competency means at a level, where the description does not fit it (a manager's wording for an engineer): by level id. */
    levels: z.record(kebab, text).optional(),
  })
  .strict();

/** Turns zod's issues into `path:line: message` problems, one per field. */
export function schemaProblems(path: string, issues: readonly z.core.$ZodIssue[], lineOf: (key: PropertyKey[]) => number): Problem[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => error(path, lineOf([...issue.path, key]), `unknown field "${[...issue.path, key].join('.')}"`));
    }
    const field = issue.path.join('.');
    if (issue.code === 'invalid_type' && issue.message.endsWith('received undefined')) {
      return [error(path, lineOf(issue.path), `missing field "${field}"`)];
    }
    return [error(path, lineOf(issue.path), field ? `field "${field}" ${issueWords(issue)}` : `the front matter ${issueWords(issue)}`)];
  });
}
