// Splits a content file into YAML front matter and Markdown body, keeping the
// line numbers that error messages need. Only YAML is accepted: gray-matter
// would otherwise evaluate `---js` front matter as code.
import matter from 'gray-matter';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { error, type Problem } from '../problems.js';
import { describeYamlError, unresolvedTag, yamlValueFailure } from './yamlError.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
  /** 1-based line of each top-level key, for messages about that field. */
  keyLines: Map<string, number>;
}

class YamlProblem extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
  }
}

function refuseExecutable(language: string): never {
  throw new YamlProblem(1, `front matter in "${language}" is executable and is not accepted; use YAML between --- lines`);
}

function parseYaml(source: string): { data: unknown; keyLines: Map<string, number> } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true, prettyErrors: true });
  const first = doc.errors[0];
  if (first) {
    const { line, message } = describeYamlError(source, first);
    throw new YamlProblem(line, message);
  }
  const tag = unresolvedTag(doc);
  if (tag) throw new YamlProblem(tag.line, tag.message);
  const keyLines = new Map<string, number>();
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key) && pair.key.range) keyLines.set(String(pair.key.value), lineCounter.linePos(pair.key.range[0]).line);
    }
  }
  return { data: doc.toJS({ maxAliasCount: 100 }), keyLines };
}

const FENCE_LANGUAGE = /^---([^\s-][^\n]*)?\r?\n/;

export function splitFrontMatter(path: string, text: string): FrontMatter | Problem {
  const opening = FENCE_LANGUAGE.exec(text);
  if (!opening) return error(path, 1, 'missing front matter: the file must start with a line "---"');
  const language = opening[1]?.trim().toLowerCase();
  try {
    if (language && language !== 'yaml') refuseExecutable(language);
    // Checked before the YAML is read: unclosed, the whole file would be read as YAML and fail on its body.
    if (!/\n---[ \t]*(\n|$)/.test(text.slice(3))) return error(path, 1, 'front matter is not closed: add a line "---" after its last field');
    let keyLines = new Map<string, number>();
    // An options object also turns off gray-matter's cache, which would
    // otherwise hand back `{}` for the second parse of a broken file.
    const file = matter(text, {
      language: 'yaml',
      engines: {
        yaml: (source: string) => {
          const parsed = parseYaml(source);
          keyLines = parsed.keyLines;
          return parsed.data as object;
        },
        js: () => refuseExecutable('js'),
        javascript: () => refuseExecutable('javascript'),
        coffee: () => refuseExecutable('coffee'),
      },
    });
    const data: unknown = file.data ?? {};
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      return error(path, 2, 'front matter must be a YAML mapping of field: value');
    }
    const matterLines = file.matter.split('\n').length;
    return { data: data as Record<string, unknown>, body: file.content, bodyLine: matterLines + 2, keyLines };
  } catch (caught) {
    if (caught instanceof YamlProblem) return error(path, caught.line, caught.message);
    return error(path, 1, `cannot read front matter: ${yamlValueFailure(caught)}`);
  }
}
