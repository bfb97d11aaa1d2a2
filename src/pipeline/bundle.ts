// `build --zip`: a level's PDFs in one zip, `<level>.zip`, with a README.txt
// that says what each file is for and what made it, and SHA256SUMS, which
// `sha256sum -c SHA256SUMS` checks line by line (in README.txt, its other
// lines were reported as malformed). Same inputs, same bytes.
import type { Level } from '../content/model.js';
import type { Edition } from '../packets/common.js';
import { zipArchive } from '../fs/zip.js';
import { PACKET_TITLES, type Packet } from '../render/templates.js';
import { count } from '../text/plural.js';

export interface BundledFile {
  /** Its name in the output folder, `level/level-packet.pdf`. */
  path: string;
  packet: Packet;
  pages: number;
  sha256: string;
  bytes: Buffer;
}

const PURPOSE: Record<Packet, string> = {
  booklet: 'for the candidate: study it before the interview',
  scorecard: 'for each interviewer: print one per interview, score alone',
  cheatsheet: 'for the candidate: one page of phrasing to keep at hand',
};

export const bundleName = (level: Level) => `${level.id}.zip`;

function readme(level: Level, files: readonly BundledFile[], edition: Edition): string {
  const name = (file: BundledFile) => file.path.split('/').pop()!;
  const width = Math.max(...files.map((f) => name(f).length));
  return [
    `${level.title}: interview packets`,
    `Made by preppack ${edition.version} from content ${edition.contentHash}${edition.date ? ` of ${edition.date}` : ''}.`,
    '',
    ...files.map((f) => `${name(f).padEnd(width)}  ${PACKET_TITLES[f.packet]}, ${count(f.pages, 'page')}: ${PURPOSE[f.packet]}.`),
    '',
    'SHA256SUMS holds the SHA-256 of each file: `sha256sum -c SHA256SUMS` checks them.',
    '',
  ].join('\n');
}

/** The checksums as sha256sum writes them, one line per file and nothing else. */
const checksums = (files: readonly BundledFile[]) => files.map((f) => `${f.sha256}  ${f.path.split('/').pop()!}\n`).join('');

/** The zip of a level's files, in packet order, README.txt and SHA256SUMS first. */
export function levelBundle(level: Level, files: readonly BundledFile[], edition: Edition, date: Date): Buffer {
  return zipArchive(
    [
      { name: 'README.txt', bytes: Buffer.from(readme(level, files, edition)) },
      { name: 'SHA256SUMS', bytes: Buffer.from(checksums(files)) },
      ...files.map((f) => ({ name: f.path.split('/').pop()!, bytes: f.bytes })),
    ],
    date,
  );
}
