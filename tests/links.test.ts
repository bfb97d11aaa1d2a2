// One safe-link rule for every PDF preppack makes: only http, https and
// mailto links are live; javascript:, file:, data:, vbscript: and anything
// that is not an absolute URL print as their text with no link behind it.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyOf, preppack, ROOT, scratchDir } from './helpers.js';
import { linkTargets, readPdf } from './pdf.js';

const LINKS = [
  '[the handbook](https://example.com/handbook)',
  '[plain web](http://example.org/)',
  '[write to us](mailto:team@example.com)',
  '[script](javascript:alert(1))',
  '[upper script](JAVASCRIPT:alert(2))',
  '[entity script](&#106;avascript:alert(3))',
  '[passwords](file:///etc/passwd)',
  '[page](data:text/html;base64,PHNjcmlwdD5hbGVydCg0KTwvc2NyaXB0Pg==)',
  '[basic](vbscript:msgbox(5))',
  '[relative](other.md)',
  '<javascript:alert(6)>',
  'and a bare https://example.net/bare link',
];

const UNSAFE = /javascript|vbscript|file:|data:/i;

describe('links in a PDF', () => {
  it('are live only for http, https and mailto in render; the rest print as text', async () => {
    const dir = scratchDir();
    const file = join(dir, 'links.md');
    writeFileSync(file, `# Links\n\n${LINKS.map((l) => `- ${l}`).join('\n')}\n`);
    const result = preppack(['render', file, '--out', join(dir, 'out')]);
    expect(result.code).toBe(0);
    const pdf = join(dir, 'out', 'links.pdf');
    const targets = await linkTargets(pdf);
    expect(new Set(targets)).toEqual(new Set(['https://example.com/handbook', 'http://example.org/', 'mailto:team@example.com', 'https://example.net/bare']));
    expect(readFileSync(pdf, 'latin1')).not.toMatch(/\/URI\s*\((?:[^)]*)(?:javascript|vbscript|file:|data:)/i);
    const text = (await readPdf(pdf)).squashed;
    for (const words of ['script', 'passwords', 'page', 'basic', 'relative', 'thehandbook']) expect(text).toContain(words);
  });

  it('are live only for http, https and mailto in a built packet', async () => {
    const content = copyOf(join(ROOT, 'content'));
    const question = join(content, 'questions', 'staff', 'staff-01-walk-through-youd-threat-model.md');
    const text = readFileSync(question, 'utf8');
    writeFileSync(question, text.replace(/(## [^\n]*\{#example\}\n\n)/, `$1See [the guide](https://example.com/guide), [this](javascript:alert(1)) and [that](file:///etc/passwd).\n\n`));
    const out = join(scratchDir(), 'out');
    const result = preppack(['build', '--content', content, '--out', out, '--level', 'staff', '--packet', 'booklet']);
    expect(result.code).toBe(0);
    const targets = await linkTargets(join(out, 'staff', 'staff-booklet.pdf'));
    expect(targets).toContain('https://example.com/guide');
    expect(targets.filter((t) => UNSAFE.test(t))).toEqual([]);
  });
});
