// Reads where things sit on each page of a PDF, the way a printed page shows
// them: text runs with their position and size, the extent of drawn lines and
// boxes, and the bookmarks' pages. Through pdf.js, as pdf-parse does.
import { readFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextRun {
  text: string;
  /** Left edge and baseline, in points from the page's top-left corner. */
  x: number;
  y: number;
  /** Type size in points. */
  size: number;
  width: number;
}

export interface PageLayout {
  width: number;
  height: number;
  texts: TextRun[];
  /** Extent of every drawn path (rules, tick-box lines, ruled lines), from the page's top-left corner. */
  paths: { left: number; right: number; top: number; bottom: number }[];
}

export interface Layout {
  pages: PageLayout[];
  /** Top-level bookmarks and the 1-based page each points at. */
  parts: { title: string; page: number }[];
}

type Matrix = [number, number, number, number, number, number];
const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number) => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]] as const;

export async function readLayout(path: string): Promise<Layout> {
  const document = await getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  try {
    const pages: PageLayout[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const [, , width, height] = page.view as [number, number, number, number];
      const content = await page.getTextContent();
      const texts = content.items
        .filter((item): item is Extract<typeof item, { str: string }> => 'str' in item && item.str.trim() !== '')
        .map((item) => ({ text: item.str, x: item.transform[4], y: height - item.transform[5], size: Math.hypot(item.transform[2], item.transform[3]), width: item.width }));
      const operators = await page.getOperatorList();
      const paths: PageLayout['paths'] = [];
      let ctm: Matrix = [1, 0, 0, 1, 0, 0];
      const saved: Matrix[] = [];
      operators.fnArray.forEach((op, i) => {
        const args = operators.argsArray[i];
        if (op === OPS.save) saved.push(ctm);
        else if (op === OPS.restore) ctm = saved.pop() ?? ctm;
        else if (op === OPS.transform) ctm = multiply(ctm, args as Matrix);
        else if (op === OPS.constructPath) {
          const box = args[2] as ArrayLike<number> | null;
          if (!box) return;
          const corners = [apply(ctm, box[0]!, box[1]!), apply(ctm, box[2]!, box[3]!)];
          const xs = corners.map(([x]) => x);
          const ys = corners.map(([, y]) => height - y);
          paths.push({ left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) });
        }
      });
      pages.push({ width, height, texts, paths });
    }
    const outline = (await document.getOutline()) ?? [];
    const parts: Layout['parts'] = [];
    for (const item of outline) {
      const destination = typeof item.dest === 'string' ? await document.getDestination(item.dest) : item.dest;
      if (!destination) continue;
      const pageIndex = await document.getPageIndex(destination[0] as never);
      parts.push({ title: item.title, page: pageIndex + 1 });
    }
    return { pages, parts };
  } finally {
    await document.destroy();
  }
}

/** The running head and the foot: text above `top` or below `bottom` points of the page. */
export interface Body {
  top: number;
  bottom: number;
}

/**
 * How much of the page's text area is left blank below the last thing printed
 * on it (text or drawing), as a share of the area: 0 full, 1 empty.
 */
export function blankBelow(page: PageLayout, body: Body): number {
  const inBody = (y: number) => y > body.top && y < body.bottom;
  const lowest = Math.max(
    body.top,
    ...page.texts.filter((t) => inBody(t.y)).map((t) => t.y + t.size * 0.25),
    ...page.paths.filter((p) => inBody(p.bottom)).map((p) => p.bottom),
  );
  return (body.bottom - lowest) / (body.bottom - body.top);
}

export interface TextLine {
  text: string;
  x: number;
  y: number;
  /** The largest type size on the line. */
  size: number;
}

/** The page's text as printed lines: runs on one baseline, left to right, joined by a space. */
export function lines(page: PageLayout): TextLine[] {
  const rows = new Map<number, TextRun[]>();
  for (const run of page.texts) {
    const key = [...rows.keys()].find((y) => Math.abs(y - run.y) < 1.5) ?? run.y;
    if (!rows.has(key)) rows.set(key, []);
    rows.get(key)!.push(run);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([y, runs]) => {
      runs.sort((a, b) => a.x - b.x);
      return { text: runs.map((r) => r.text.trim()).join(' '), x: runs[0]!.x, y, size: Math.max(...runs.map((r) => r.size)) };
    });
}

/** The text of a page, line by line. */
export const pageText = (page: PageLayout) => lines(page).map((l) => l.text).join('\n');
