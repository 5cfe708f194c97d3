import { closeSync, fstatSync, readSync } from 'node:fs';
import { jsonOrNull } from '../../platform/disk/json-or-null';
import type { OpenFile, OpenFiles } from './open-files';
import { openIfExists } from './positioned-read';

/**
 * Sorted files of fixed-width text records, found by bisection with positioned reads: a lookup
 * reads a few dozen bytes per step, never the file whole. Each record is one line of `width`
 * bytes (newline included) starting with its key (16 hex digits, see `keyOf`); lines sort as
 * bytes, so equal keys are neighbours. A 64-byte header line says the format, the width, the
 * count and a stamp the caller checks (what the file was built from): a file torn, of another
 * format or built from other data is not trusted, and the caller answers the slow way.
 */
export const SORTED_FORMAT = 1;
const HEADER_BYTES = 64;
export const KEY_CHARS = 16;
/** Below this many records left, the rest is read at once instead of bisected further. */
const WINDOW = 64;
/** A file this small (a day's ids) is read in one go and bisected in memory. */
const WHOLE_BYTES = 64 * 1024;

/** FNV-1a over the key's UTF-16 units from one basis. */
function fnv(key: string, basis: number): number {
  let hash = basis;
  for (let i = 0; i < key.length; i += 1) hash = Math.imul(hash ^ key.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/** A key's 64-bit hash as 16 hex digits: two keys may share one, so a caller checks what it finds. */
export function keyOf(key: string): string {
  return fnv(key, 0x811c9dc5).toString(16).padStart(8, '0') + fnv(key, 0x2f3b6a1d).toString(16).padStart(8, '0');
}

/** The file's text: the header, then the records sorted (each `width - 1` ASCII characters, its key first). */
export function sortedText(records: string[], width: number, stamp: readonly number[]): string {
  const header = JSON.stringify({ sorted: SORTED_FORMAT, width, count: records.length, stamp });
  // Stryker disable next-line StringLiteral: a header that does not fit is refused at once
  if (header.length >= HEADER_BYTES) throw new Error(`a sorted file's header does not fit: ${header}`);
  return `${header.padEnd(HEADER_BYTES - 1)}\n${records
    .sort()
    .map((record) => `${record}\n`)
    .join('')}`;
}

interface Header {
  count: number;
  stamp: number[];
}

/** The header, if the file is of this format and width and whole (its size is its header's). */
function headerOf(text: string, width: number, size: number): Header | null {
  const header = jsonOrNull(text) as { sorted?: unknown; width?: unknown; count?: unknown; stamp?: unknown } | null;
  if (header?.sorted !== SORTED_FORMAT || header.width !== width) return null;
  const { count, stamp } = header;
  if (typeof count !== 'number' || !Number.isInteger(count) || !Array.isArray(stamp)) return null;
  if (size !== HEADER_BYTES + count * width) return null;
  return { count, stamp: stamp as number[] };
}

/**
 * The one buffer every lookup reads into: lookups are synchronous, so none shares it with another,
 * and looking up one order after another makes no garbage for the process to grow by.
 */
const scratch = Buffer.allocUnsafeSlow(WHOLE_BYTES);
/** The key looked for, as bytes: compared in place with the records read, so no step decodes a string. */
const wanted = Buffer.alloc(KEY_CHARS);

/**
 * A file's bytes by range, in the scratch: from a copy of it whole when small (one read), else by
 * positioned reads. Answers where in the scratch the range starts, and how many of its bytes are there.
 */
function reader(fd: number, size: number): (at: number, length: number) => { from: number; got: number } {
  if (size <= WHOLE_BYTES) {
    const read = readSync(fd, scratch, 0, size, 0);
    return (at, length) => ({ from: at, got: Math.max(0, Math.min(read, at + length) - at) });
  }
  // A window of records is a few kilobytes, far within the scratch.
  return (at, length) => ({ from: 0, got: readSync(fd, scratch, 0, Math.min(length, scratch.length), at) });
}

/** The file opened for one lookup (closed after it), or null when it does not exist. */
function openOnce(path: string): OpenFile | null {
  const fd = openIfExists(path);
  return fd === null ? null : { fd, size: fstatSync(fd).size };
}

/**
 * The records with this key (what follows the key and one space, each), or null when the file is
 * missing, torn, of another format, or `trust` refuses its stamp. Synchronous: each step is a
 * small read the page cache answers, far quicker than a hand-off to libuv's thread pool and back.
 * With `files`, the file is kept open among them, else opened and closed for this lookup.
 */
export function findSorted(
  path: string,
  key: string,
  width: number,
  trust: (stamp: readonly number[]) => boolean = () => true,
  files?: OpenFiles,
): string[] | null {
  const file = files === undefined ? openOnce(path) : files.open(path);
  if (file === null) return null;
  const { fd, size } = file;
  try {
    const read = reader(fd, size);
    const head = read(0, HEADER_BYTES);
    const header = headerOf(scratch.toString('latin1', head.from, head.from + head.got), width, size);
    if (header === null || !trust(header.stamp)) return null;
    wanted.write(key, 'latin1');
    const at = (record: number) => HEADER_BYTES + record * width;
    let low = 0;
    let high = header.count;
    while (high - low > WINDOW) {
      const middle = (low + high) >>> 1;
      const { from } = read(at(middle), KEY_CHARS);
      if (scratch.compare(wanted, 0, KEY_CHARS, from, from + KEY_CHARS) < 0) low = middle + 1;
      else high = middle;
    }
    // The first record not below the key is within the window from `low`; its equals may run on past it.
    const found: string[] = [];
    for (let first = low; first < header.count; first += WINDOW) {
      const records = Math.min(WINDOW, header.count - first);
      const { from } = read(at(first), records * width);
      for (let i = 0; i < records; i += 1) {
        const start = from + i * width;
        const order = scratch.compare(wanted, 0, KEY_CHARS, start, start + KEY_CHARS);
        if (order > 0) return found;
        if (order === 0) found.push(scratch.toString('latin1', start + KEY_CHARS + 1, start + width - 1));
      }
    }
    return found;
  } finally {
    if (files === undefined) closeSync(fd);
  }
}

/** Every record of a sorted file of this width (for a merge), or none when it is missing or not trusted whole. */
export function recordsOf(text: string | null, width: number): string[] {
  if (text === null || text.length < HEADER_BYTES) return [];
  const header = jsonOrNull(text.slice(0, HEADER_BYTES)) as {
    sorted?: unknown;
    width?: unknown;
    count?: unknown;
  } | null;
  if (header?.sorted !== SORTED_FORMAT || header.width !== width) return [];
  if (text.length !== HEADER_BYTES + Number(header.count) * width) return [];
  const records: string[] = [];
  for (let at = HEADER_BYTES; at < text.length; at += width) records.push(text.slice(at, at + width - 1));
  return records;
}
