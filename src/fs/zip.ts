// A zip archive whose bytes depend only on what goes in: entries in the order
// given, one fixed timestamp, no extra fields, deflated by Node's zlib. CI
// compares bundles by hash, so two builds of the same content must match.
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  /** The name inside the archive, with `/` between folders. */
  name: string;
  bytes: Uint8Array;
}

/** MS-DOS time and date (what zip stores), in UTC so that every machine writes the same. */
function dosDateTime(date: Date): { time: number; day: number } {
  const year = Math.min(Math.max(date.getUTCFullYear(), 1980), 2107);
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    day: ((year - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

const UTF8_NAMES = 0x0800;
const DEFLATE = 8;
const STORE = 0;

export function zipArchive(entries: readonly ZipEntry[], modified: Date): Buffer {
  const { time, day } = dosDateTime(modified);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const deflated = deflateRawSync(entry.bytes, { level: 9 });
    // PDFs are compressed already: stored when deflating does not make them smaller.
    const [method, data] = deflated.length < entry.bytes.length ? [DEFLATE, deflated] : [STORE, Buffer.from(entry.bytes)];
    const crc = crc32(entry.bytes);
    // The fields the local header and the central directory share, in the same order.
    const shared = (buffer: Buffer, at: number) => {
      buffer.writeUInt16LE(20, at); // version needed: 2.0
      buffer.writeUInt16LE(UTF8_NAMES, at + 2);
      buffer.writeUInt16LE(method, at + 4);
      buffer.writeUInt16LE(time, at + 6);
      buffer.writeUInt16LE(day, at + 8);
      buffer.writeUInt32LE(crc, at + 10);
      buffer.writeUInt32LE(data.length, at + 14);
      buffer.writeUInt32LE(entry.bytes.length, at + 18);
      buffer.writeUInt16LE(name.length, at + 22);
    };
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    shared(header, 4);
    locals.push(header, name, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by: Unix, zip 2.0
    shared(central, 6);
    central.writeUInt32LE((0o100644 << 16) >>> 0, 38); // a regular file, rw-r--r--
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += header.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
