// marked in linear time. Its inline lexer is quadratic in the length of a
// block for some runs of delimiters, and every user's Markdown reaches it:
//  - GFM email autolinks: the `url` and `text` rules scan an unbounded run of
//    local-part characters for an "@" at every stop (`a_a_a_…`: 80 KB took
//    4 s). An email's local part is at most 64 characters (RFC 5321), so the
//    run is bounded to 64, as marked PR #4024 proposed.
//  - Emphasis: for every opening `*` or `_`, `emStrong` scans ahead for its
//    closer; where delimiters that could close are all passed over (the rule
//    of three: `*a**a**a…`), every opener scans to the end of the block (80 KB
//    took 6 s). In a block of 4 KB or more the scan stops after MAX_RUNS
//    delimiter runs: an emphasis span that long holding more runs of its own
//    delimiter does not occur in text people write, and the opener prints as
//    itself. A shorter block is lexed exactly as marked does.
// Only marked's public API is used (its exported rules and a tokenizer
// override); tests/linearity.test.ts holds each case to linear time.
import { Lexer, Tokenizer, type MarkedExtension, type Tokens } from 'marked';

/** How many delimiter runs after an opener the search for its closer looks at, in a long block. */
export const MAX_RUNS = 50;

/** A block shorter than this is lexed as marked does: its worst case is a few milliseconds. */
export const SHORT_BLOCK = 4096;

type Rules = Record<string, RegExp>;

/** `re` with every `from` in its source written `to`. */
function rewritten(re: RegExp, from: string, to: string): RegExp {
  const source = re.source.split(from).join(to);
  return source === re.source ? re : new RegExp(source, re.flags);
}

/**
 * A closing-delimiter rule that answers no more matches once its budget is
 * spent. The scan matches text and delimiter runs in turn: two matches a run.
 */
class BudgetedRegExp extends RegExp {
  budget = Number.POSITIVE_INFINITY;
  override exec(text: string): RegExpExecArray | null {
    if (this.budget <= 0) return null;
    this.budget--;
    return super.exec(text);
  }
}

const EMAIL_RUN = "[a-zA-Z0-9.!#$%&'*+\\/=?_`{\\|}~-]";
const gfm = () => (Lexer.rules.inline as unknown as { gfm: Rules }).gfm;

/**
 * Bounds marked's GFM inline rules, once per process (the rules are marked's
 * module state). Says which bounds are in place: a marked whose rules no
 * longer read as expected would leave one out, and the tests say so.
 */
export function boundMarkedRules(): { url: boolean; text: boolean; emphasis: boolean } {
  const rules = gfm();
  rules.url = rewritten(rules.url!, '[A-Za-z0-9._+-]+(@)', '[A-Za-z0-9._+-]{1,64}(@)');
  rules.text = rewritten(rules.text!, `${EMAIL_RUN}+@`, `${EMAIL_RUN}{1,64}@`);
  for (const name of ['emStrongRDelimAst', 'emStrongRDelimUnd']) {
    const rule = rules[name]!;
    if (!(rule instanceof BudgetedRegExp)) rules[name] = new BudgetedRegExp(rule.source, rule.flags);
  }
  return {
    url: rules.url.source.includes('{1,64}(@)'),
    text: rules.text.source.includes(`${EMAIL_RUN}{1,64}@`),
    emphasis: rules.emStrongRDelimAst instanceof BudgetedRegExp && rules.emStrongRDelimUnd instanceof BudgetedRegExp,
  };
}

const emStrong = Tokenizer.prototype.emStrong;

/** marked's emStrong, with a budget for the search for the closer. */
function budgetedEmStrong(this: Tokenizer, src: string, masked: string, prevChar?: string): Tokens.Em | Tokens.Strong | undefined {
  if (masked.length < SHORT_BLOCK) return emStrong.call(this, src, masked, prevChar) ?? undefined;
  const rules = (this as unknown as { rules: { inline: Rules } }).rules.inline;
  const closers = [rules.emStrongRDelimAst, rules.emStrongRDelimUnd].filter((rule): rule is BudgetedRegExp => rule instanceof BudgetedRegExp);
  for (const rule of closers) rule.budget = 2 * MAX_RUNS + 2;
  try {
    return emStrong.call(this, src, masked, prevChar) ?? undefined;
  } finally {
    for (const rule of closers) rule.budget = Number.POSITIVE_INFINITY;
  }
}

/** The tokenizer override that gives emphasis its budget (with `boundMarkedRules()`). */
export const linearEmphasis: MarkedExtension = { tokenizer: { emStrong: budgetedEmStrong } as MarkedExtension['tokenizer'] };
