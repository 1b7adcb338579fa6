import { ReadError } from './document.js';

/** The OLE2 compound-file signature of legacy .doc, .wps and .xls files. */
export function isOle2(bytes: Uint8Array): boolean {
  return [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((b, i) => bytes[i] === b);
}

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
/** More directory entries than this is not a report (a Word file has a dozen). */
const MAX_ENTRIES = 10_000;

export interface Ole2Streams {
  /** Stream names (the root's children and below), as the directory holds them. */
  names: string[];
  /** The first bytes of a stream, or null when it is absent or in the mini stream. */
  head(name: string, length: number): Uint8Array | null;
}

/**
 * The compound file's structure checked before a parser walks it: header fields in range, the
 * FAT and its DIFAT chain inside the file, every chain the directory names ending without a
 * loop, every entry's size within its chain. A parser that followed a looping chain would spin
 * or allocate without end; here each check is bounded by the number of sectors in the file.
 */
export function checkOle2(bytes: Uint8Array): Ole2Streams {
  const bad = (why: string): never => {
    throw new ReadError('E_DOC', `damaged Office 97–2003 file (${why})`);
  };
  if (bytes.length < 512) bad('shorter than its header');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  if (u16(28) !== 0xfffe) bad('byte-order mark');
  const shift = u16(30);
  if (shift !== 9 && shift !== 12) bad(`sector size 2^${shift}`);
  const size = 1 << shift;
  const sectors = Math.floor((bytes.length - size) / size);
  const offset = (s: number) => (s + 1) * size;
  const fatCount = u32(44);
  if (fatCount === 0 || fatCount > sectors) bad(`${fatCount} FAT sectors in a file of ${sectors}`);

  // The FAT's own sectors: 109 in the header, the rest down the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < Math.min(109, fatCount); i++) fatSectors.push(u32(76 + i * 4));
  const seenDifat = new Set<number>();
  for (let d = u32(68); fatSectors.length < fatCount && d !== END_OF_CHAIN && d !== FREE; d = u32(offset(d) + size - 4)) {
    if (d >= sectors || seenDifat.has(d)) bad('DIFAT chain leaves the file or loops');
    seenDifat.add(d);
    for (let i = 0; i < size / 4 - 1 && fatSectors.length < fatCount; i++) fatSectors.push(u32(offset(d) + i * 4));
  }
  if (fatSectors.length < fatCount || fatSectors.some((s) => s >= sectors)) bad('FAT sectors outside the file');
  const fat = (s: number) => u32(offset(fatSectors[Math.floor(s / (size / 4))]!) + (s % (size / 4)) * 4);

  /** A chain's sectors, checked: inside the file, no loop. */
  const chain = (start: number, what: string): number[] => {
    const out: number[] = [];
    const seen = new Set<number>();
    for (let s = start; s !== END_OF_CHAIN; s = fat(s)) {
      if (s >= sectors || seen.has(s)) bad(`${what}: sector chain leaves the file or loops`);
      if (Math.floor(s / (size / 4)) >= fatSectors.length) bad(`${what}: sector beyond the FAT`);
      seen.add(s);
      out.push(s);
    }
    return out;
  };

  const directory = chain(u32(48), 'directory');
  if (u32(64) > 0) chain(u32(60), 'mini FAT');
  if (directory.length * (size / 128) > MAX_ENTRIES) bad('directory of more than 10,000 entries');
  const cutoff = u32(56);
  const streams = new Map<string, number[]>();
  const names: string[] = [];
  for (const sector of directory) {
    for (let e = offset(sector); e < offset(sector) + size; e += 128) {
      const type = bytes[e + 66];
      // The root entry's chain is the mini stream that small streams live in.
      if (type === 5 && u32(e + 116) !== END_OF_CHAIN) chain(u32(e + 116), 'mini stream');
      if (type !== 2) continue; // streams only (storages hold no text)
      const nameBytes = Math.min(64, u16(e + 64));
      const name = Buffer.from(bytes.subarray(e, e + Math.max(0, nameBytes - 2))).toString('utf16le');
      const length = u32(e + 120);
      names.push(name);
      if (length < cutoff) continue; // in the mini stream, which the root's chain holds
      const sectorsOf = chain(u32(e + 116), `stream ${name}`);
      if (sectorsOf.length * size < length) bad(`stream ${name} longer than its chain`);
      streams.set(name, sectorsOf);
    }
  }
  return {
    names,
    head: (name, length) => {
      const first = streams.get(name)?.[0];
      return first === undefined ? null : bytes.subarray(offset(first), offset(first) + Math.min(length, size));
    },
  };
}
