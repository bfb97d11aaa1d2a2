// Reading Markdown stays linear in its length: marked asks a block
// extension where a directive could start at every paragraph, with all the
// text still to read; the answer must come from the paragraph itself.
import type { TokenizerAndRendererExtension } from 'marked';
import { describe, expect, it } from 'vitest';
import { containerDirective, lineDirective } from '../src/render/directives.js';
import { lexMarkdown } from '../src/render/markdown.js';

const start = (extension: TokenizerAndRendererExtension, src: string) => (extension as { start: (src: string) => number | undefined }).start(src);

describe('directive extensions', () => {
  it('look for a directive only as far as the end of the paragraph they are asked about', () => {
    expect(start(lineDirective, 'A paragraph\n::pagebreak\n')).toBe(12);
    expect(start(lineDirective, 'A paragraph\n\n::pagebreak\n')).toBeUndefined();
    expect(start(containerDirective, 'A paragraph\n:::keep\nx\n:::\n')).toBe(12);
    expect(start(containerDirective, `A paragraph\n\n${'more\n\n'.repeat(1000)}:::keep\nx\n:::\n`)).toBeUndefined();
  });

  it('still find every directive of a long text, in and after paragraphs', () => {
    const text = Array.from({ length: 400 }, (_, i) => (i % 50 === 0 ? `Paragraph ${i}\n::spacer 4\n\n:::keep\nKept ${i}\n:::` : `Paragraph ${i}`)).join('\n\n');
    const tokens = lexMarkdown(text);
    expect(tokens.filter((t) => t.type === 'lineDirective')).toHaveLength(8);
    expect(tokens.filter((t) => t.type === 'containerDirective')).toHaveLength(8);
  });
});
