// What the benchmark feeds preppack, generated from the bundled library so the
// benchmark needs no outside file: Markdown booklets for `render`, a library
// many times the size of ours, a roster of interview loops, an edited question.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Library, Section } from '../content/model.js';

const sectionText = (sections: Record<string, Section>, skip: readonly string[] = []) =>
  Object.values(sections)
    .filter((section) => !skip.includes(section.key))
    .map((section) => `### ${section.heading}\n\n${section.markdown.trim()}\n`)
    .join('\n');

/**
 * `count` different Markdown booklets of about `chars` characters each: the
 * library's questions and stories, each booklet starting at a different
 * question, with a level's opening notes first.
 */
export function writeBooklets(library: Library, dir: string, count: number, chars: number): { paths: string[]; chars: number } {
  mkdirSync(dir, { recursive: true });
  const pieces = [
    ...library.questions.map((q) => `## Q${q.number}. ${q.prompt}\n\n${sectionText(q.sections, ['interviewer-notes'])}`),
    ...library.stories.map((s) => `## Story ${s.number}: ${s.title}\n\n${sectionText(s.sections)}`),
  ];
  const paths: string[] = [];
  let total = 0;
  for (let index = 0; index < count; index++) {
    const level = library.levels[index % library.levels.length]!;
    let text = `# ${level.title}: study booklet ${index + 1}\n\n${sectionText(level.sections)}\n`;
    for (let at = index * 7; text.length < chars; at++) text += `\n${pieces[at % pieces.length]}`;
    const path = join(dir, `booklet-${index + 1}.md`);
    writeFileSync(path, text);
    paths.push(path);
    total += text.length;
  }
  return { paths, chars: total };
}

/** Rewrites one front-matter line `key: value` of a content file. */
const withField = (text: string, key: string, value: string) => text.replace(new RegExp(`^${key}: .*$`, 'm'), `${key}: ${value}`);

/**
 * The bundled library `times` over: every level copied as `<id>-cNN` with its
 * questions and stories, so 3 levels become 3 × times.
 */
export function writeScaledLibrary(contentDir: string, dir: string, times: number): void {
  mkdirSync(join(dir, 'levels'), { recursive: true });
  cpSync(join(contentDir, 'competencies.yaml'), join(dir, 'competencies.yaml'));
  for (const file of readdirSync(join(contentDir, 'levels'))) {
    const level = file.replace(/\.md$/, '');
    const text = readFileSync(join(contentDir, 'levels', file), 'utf8');
    const title = /^title: (.*)$/m.exec(text)![1]!;
    for (let copy = 1; copy <= times; copy++) {
      const id = `${level}-c${String(copy).padStart(2, '0')}`;
      writeFileSync(join(dir, 'levels', `${id}.md`), withField(withField(withField(text, 'id', id), 'title', `${title} (copy ${copy})`), 'aliases', '[]'));
      for (const kind of ['questions', 'stories']) {
        const from = join(contentDir, kind, level);
        let names: string[] = [];
        try {
          names = readdirSync(from);
        } catch {
          continue;
        }
        mkdirSync(join(dir, kind, id), { recursive: true });
        for (const name of names) {
          const itemId = name.replace(/\.md$/, '').replace(level, id);
          const item = readFileSync(join(from, name), 'utf8');
          writeFileSync(join(dir, kind, id, `${itemId}.md`), withField(withField(item, 'id', itemId), 'level', id));
        }
      }
    }
  }
}

/** A roster of `count` candidates across the library's levels, each with a panel of three or four. */
export function writeRoster(library: Library, path: string, count: number): void {
  const panels = [['Sam', 'Kai', 'Ria'], ['Noor', 'Lena', 'Tom', 'Ada'], ['Ike', 'Mei', 'Joe']];
  const rows = Array.from({ length: count }, (_, index) => {
    const day = String(1 + (index % 28)).padStart(2, '0');
    return [
      `- candidate: Candidate ${index + 1}`,
      `  level: ${library.levels[index % library.levels.length]!.id}`,
      `  interviewers: [${panels[index % panels.length]!.join(', ')}]`,
      `  date: 2026-12-${day}`,
      `  seed: ${index + 1}`,
    ].join('\n');
  });
  writeFileSync(path, `${rows.join('\n')}\n`);
}

/** Edits the first strong-answer point of a question, differently each round. */
export function editQuestion(path: string, round: number): void {
  const text = readFileSync(path, 'utf8');
  const edited = text.replace(/^(- .*?)(?: \(revision \d+\))?$/m, `$1 (revision ${round + 1})`);
  if (edited === text) throw new Error(`${path}: no list item to edit`);
  writeFileSync(path, edited);
}
