// A Markdown body is a row of `## Heading {#key}` sections: the heading is
// what people read, the key is what the program looks for.
import { error, type Problem } from '../problems.js';
import type { Section } from './model.js';

const SECTION_HEADING = /^## +(.*?)\s*(?:\{#([^}]*)\})?\s*$/;

export interface ParsedSections {
  sections: Record<string, Section>;
  problems: Problem[];
}

export function parseSections(path: string, body: string, bodyLine: number, allowed: readonly string[]): ParsedSections {
  const sections: Record<string, Section> = {};
  const problems: Problem[] = [];
  const lines = body.split('\n');
  let current: { section: Section; lines: string[] } | undefined;
  let afterBadHeading = false;
  let sawStrayText = false;
  const close = () => {
    if (!current) return;
    current.section.markdown = current.lines.join('\n').trim();
    if (!current.section.markdown) problems.push(error(path, current.section.line, `section "${current.section.heading}" is empty`));
  };
  lines.forEach((text, index) => {
    const line = bodyLine + index;
    const heading = SECTION_HEADING.exec(text);
    if (heading) {
      close();
      const [, title = '', key] = heading;
      current = undefined;
      afterBadHeading = true;
      if (!key) {
        problems.push(error(path, line, `section "${title}" has no key: write it as "## ${title} {#key}" with one of: ${allowed.join(', ')}`));
        return;
      }
      if (!allowed.includes(key)) {
        problems.push(error(path, line, `unknown section key "${key}": expected one of ${allowed.join(', ')}`));
        return;
      }
      if (sections[key]) {
        problems.push(error(path, line, `section {#${key}} appears twice (first at line ${sections[key].line})`));
        return;
      }
      afterBadHeading = false;
      const section: Section = { key, heading: title, markdown: '', line };
      sections[key] = section;
      current = { section, lines: [] };
      return;
    }
    if (/^:{2,}[a-z]/.test(text)) {
      problems.push(error(path, line, 'a line starting with "::" is a layout directive, which only templates may use: write "\\::" to print it'));
    }
    if (current) current.lines.push(text);
    else if (text.trim() && !afterBadHeading && !sawStrayText) {
      sawStrayText = true;
      problems.push(error(path, line, 'text before the first "## Heading {#key}" section'));
    }
  });
  close();
  return { sections, problems };
}

/** The items of the Markdown list(s) in a section, without their markers. */
export function listItems(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((line) => /^\s*(?:[-*+]|\d+\.)\s+(.*)$/.exec(line)?.[1]?.trim())
    .filter((item): item is string => Boolean(item));
}
