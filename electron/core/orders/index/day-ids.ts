import { statSync } from 'node:fs';
import type { OpenFiles } from './open-files';
import { findSorted, KEY_CHARS, keyOf, sortedText } from './sorted-records';

/**
 * A compacted day's order ids, sorted (`index/YYYY-MM-DD.ids`): per order, its id's key and
 * where its latest line is in the day's journal, so an old order is found by bisection and one
 * read of its line, without its day's rows. Written with the compacted rows, and trusted only
 * while the journal is the length it was built from (its stamp): a journal written since is
 * looked up through its rows instead.
 */
const DIGITS = 12;
/** A canonical line's hash in hex, or NO_HASH. */
const HASH_CHARS = 8;
const NO_HASH = '-'.repeat(HASH_CHARS);
export const IDS_WIDTH = KEY_CHARS + 1 + DIGITS + 1 + DIGITS + 1 + HASH_CHARS + 1;

/**
 * Where a journal line is: bytes from its start, and its length with its newline; `lineHash`
 * when the line is in the order schema's form already (see canonical-lines).
 */
export interface LinePlace {
  offset: number;
  length: number;
  lineHash?: number;
}

/** The ids file's text for a day's orders (each at its latest line), covering `covered` journal bytes. */
export function dayIdsText(rows: Iterable<{ orderId: string } & LinePlace>, covered: number): string {
  const records: string[] = [];
  for (const { orderId, offset, length, lineHash } of rows) {
    const hash = lineHash === undefined ? NO_HASH : lineHash.toString(16).padStart(HASH_CHARS, '0');
    records.push(
      `${keyOf(orderId)} ${String(offset).padStart(DIGITS, '0')} ${String(length).padStart(DIGITS, '0')} ${hash}`,
    );
  }
  return sortedText(records, IDS_WIDTH, [covered]);
}

function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return -1;
    throw error;
  }
}

/**
 * Where the order's line may be (each id sharing its key: the caller reads each line and keeps
 * the one that is the order's), or null when the ids file cannot answer (missing, torn, or built
 * from a journal of another length).
 */
export function placesFromIds(
  paths: { ids: string; journal: string },
  orderId: string,
  files?: OpenFiles,
): LinePlace[] | null {
  const journalBytes = files === undefined ? sizeOf(paths.journal) : (files.open(paths.journal)?.size ?? -1);
  const found = findSorted(paths.ids, keyOf(orderId), IDS_WIDTH, (stamp) => stamp[0] === journalBytes, files);
  return (
    found?.map((place) => {
      const [offset, length, hash] = place.split(' ');
      const where: LinePlace = { offset: Number(offset), length: Number(length) };
      return hash === undefined || hash === NO_HASH ? where : { ...where, lineHash: parseInt(hash, 16) };
    }) ?? null
  );
}
