import { closeSync, fstatSync, readSync } from 'node:fs';
import { jsonOrNull } from '../../platform/disk/json-or-null';
import type { OpenFile, OpenFiles } from './open-files';
import { openIfExists } from './positioned-read';

/**
 * Sorted files of fixed-width text records, found with positioned reads where the key's hash
 * places it, then by bisection if need be: a lookup reads a few kilobytes, never the file whole.
 * Each record is one line of `width` bytes (newline included) starting with its key (16 hex
 * digits, see `keyOf`); lines sort as bytes, so equal keys are neighbours. A 64-byte header line says the format, the width, the
 * count and a stamp the caller checks (what the file was built from): a file torn, of another
 * format or built from other data is not trusted, and the caller answers the slow way.
 */
export const SORTED_FORMAT = 1;
const HEADER_BYTES = 64;
export const KEY_CHARS = 16;
/** Below this many records left, the rest is read at once instead of bisected further. */
const WINDOW = 64;
const SCRATCH_BYTES = 64 * 1024;

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
const scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);
/** The key looked for, as bytes: compared in place with the records read, so no step decodes a string. */
const wanted = Buffer.alloc(KEY_CHARS);

/** Bytes of the file from `at` into the scratch (fewer at its end): how many were read. */
function readAt(fd: number, at: number, length: number): number {
  return readSync(fd, scratch, 0, Math.min(length, scratch.length), at);
}

/** The wanted key against the record at `from` in the scratch: below 0 when the key sorts first. */
function against(from: number): number {
  return wanted.compare(scratch, from, from + KEY_CHARS, 0, KEY_CHARS);
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
 *
 * Keys are hashes, spread evenly over their range, so the key's first digits say about where it
 * sorts: one read of the records around that place nearly always holds the first record not below
 * it (the place is off by about √count / 2 records; the read spans 4√count). When it does not, the
 * read narrows the range, which is bisected.
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
    const header = headerOf(scratch.toString('latin1', 0, readAt(fd, 0, HEADER_BYTES)), width, size);
    if (header === null || !trust(header.stamp)) return null;
    const { count } = header;
    wanted.write(key, 'latin1');
    const at = (record: number) => HEADER_BYTES + record * width;
    // The first record not below the key is at `low` or after, and at `high` or before.
    let low = 0;
    let high = count;
    const span = Math.min(4 * Math.ceil(Math.sqrt(count)), Math.floor(scratch.length / width));
    const place = Math.floor((parseInt(key.slice(0, 8), 16) / 2 ** 32) * count);
    const first = Math.max(0, Math.min(count - span, place - (span >> 1)));
    const records = Math.min(span, count - first);
    if (records > 0 && readAt(fd, at(first), records * width) === records * width) {
      if (first > 0 && against(0) <= 0) high = first;
      else if (first + records < count && against((records - 1) * width) > 0) low = first + records;
      else {
        // Within this read: the first not below the key, then its equals (which may run on past it).
        let i = 0;
        let past = records;
        while (i < past) {
          const middle = (i + past) >>> 1;
          if (against(middle * width) > 0) i = middle + 1;
          else past = middle;
        }
        const found: string[] = [];
        for (; i < records; i += 1) {
          if (against(i * width) < 0) return found;
          found.push(scratch.toString('latin1', i * width + KEY_CHARS + 1, (i + 1) * width - 1));
        }
        return [...found, ...recordsFrom(fd, first + records, count, width)];
      }
    }
    while (high - low > WINDOW) {
      const middle = (low + high) >>> 1;
      readAt(fd, at(middle), KEY_CHARS);
      if (against(0) > 0) low = middle + 1;
      else high = middle;
    }
    return recordsFrom(fd, low, count, width);
  } finally {
    if (files === undefined) closeSync(fd);
  }
}

/** From record `low` on (the first not below the key is within a window of it), the records with the key. */
function recordsFrom(fd: number, low: number, count: number, width: number): string[] {
  const found: string[] = [];
  for (let first = low; first < count; first += WINDOW) {
    const records = Math.min(WINDOW, count - first);
    readAt(fd, HEADER_BYTES + first * width, records * width);
    for (let i = 0; i < records; i += 1) {
      const start = i * width;
      const order = against(start);
      if (order < 0) return found;
      if (order === 0) found.push(scratch.toString('latin1', start + KEY_CHARS + 1, start + width - 1));
    }
  }
  return found;
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
