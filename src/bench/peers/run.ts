// One peer's run, in a fresh process like preppack's:
//   node dist/bench/peers/run.js pdfmake|typst PEERS_DIR OUT_DIR FILE.md…
// renders every file in this one process and prints "N PDFs, M pages", as
// preppack does, for the benchmark to read.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { FONTS, FONTS_DIR } from '../../render/fonts.js';
import type { MdToken } from './tokens.js';
import { pdfmakeDocument } from './toPdfmake.js';
import { typstSource } from './toTypst.js';

interface Pdfmake {
  setFonts(fonts: unknown): void;
  setUrlAccessPolicy(policy: () => boolean): void;
  createPdf(document: unknown): { getBuffer(): Promise<Buffer> };
}
interface TypstCompiler {
  compile(args: { mainFileContent: string }): { result: { numOfPages: number } | null; printErrors(): void };
  pdf(document: unknown): Buffer;
}

const [peer, peersDir, outDir, ...files] = process.argv.slice(2);
if (!peer || !peersDir || !outDir || files.length === 0) throw new Error('usage: run.js pdfmake|typst PEERS_DIR OUT_DIR FILE.md…');
const load = createRequire(join(peersDir, 'package.json'));
const { lexer } = load('marked') as { lexer: (markdown: string) => MdToken[] };
mkdirSync(outDir, { recursive: true });

const renderers: Record<string, () => (tokens: MdToken[]) => Promise<{ bytes: Buffer; pages: number }>> = {
  pdfmake: () => {
    const pdfmake = load('pdfmake') as Pdfmake;
    pdfmake.setFonts(FONTS);
    pdfmake.setUrlAccessPolicy(() => false);
    return async (tokens) => {
      const bytes = await pdfmake.createPdf(pdfmakeDocument(tokens)).getBuffer();
      return { bytes, pages: bytes.toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0 };
    };
  },
  typst: () => {
    const { NodeCompiler } = load('@myriaddreamin/typst-ts-node-compiler') as { NodeCompiler: { create(args: unknown): TypstCompiler } };
    const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [FONTS_DIR] }] });
    return async (tokens) => {
      const compiled = compiler.compile({ mainFileContent: typstSource(tokens) });
      if (!compiled.result) {
        compiled.printErrors();
        throw new Error('typst could not compile a booklet');
      }
      return { bytes: compiler.pdf(compiled.result), pages: compiled.result.numOfPages };
    };
  },
};

const make = renderers[peer];
if (!make) throw new Error(`unknown peer "${peer}": ${Object.keys(renderers).join(', ')}`);
const render = make();
let pages = 0;
for (const file of files) {
  const pdf = await render(lexer(readFileSync(file, 'utf8')));
  writeFileSync(join(outDir, basename(file).replace(/\.md$/, '.pdf')), pdf.bytes);
  pages += pdf.pages;
}
console.log(`${files.length} PDFs, ${pages} pages`);
