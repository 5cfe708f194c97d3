import { statSync } from 'node:fs';
import { jsonOrNull } from '../../platform/disk/json-or-null';
import type { IndexedDigest } from './day-digests';
import { readRangeSync } from './positioned-read';
import { findSorted, KEY_CHARS, keyOf, sortedText } from './sorted-records';

/**
 * A compacted day's order ids, sorted (`index/YYYY-MM-DD.ids`): per order, its id's key and where
 * its row is in the day's rows file, so an old order is found by bisection and one row read,
 * not by a search through the day's rows. Written with the compacted rows, and trusted only while
 * the rows file and the journal are the sizes it was built from (its stamp); else the caller
 * searches the rows.
 */
const OFFSET_DIGITS = 10;
export const IDS_WIDTH = KEY_CHARS + 1 + OFFSET_DIGITS + 1 + OFFSET_DIGITS + 1;

/** The ids file's text for a compacted rows file: its header line, then each row's line (newline included), covering `covered` journal bytes. */
export function dayIdsText(
  header: string,
  rows: ReadonlyArray<{ orderId: string; line: string }>,
  covered: number,
): string {
  const records: string[] = [];
  let offset = Buffer.byteLength(header);
  for (const { orderId, line } of rows) {
    const length = Buffer.byteLength(line);
    const at = String(offset).padStart(OFFSET_DIGITS, '0');
    records.push(`${keyOf(orderId)} ${at} ${String(length - 1).padStart(OFFSET_DIGITS, '0')}`);
    offset += length;
  }
  return sortedText(records, IDS_WIDTH, [covered, offset]);
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
 * The order's row through the day's ids file, or null when that file cannot answer (missing,
 * torn, or built from other rows or a shorter journal) or does not list the order. Ids sharing
 * a key are told apart by reading their rows.
 */
export function rowFromIds(
  paths: { ids: string; rows: string; journal: string },
  orderId: string,
): IndexedDigest | null {
  const journalBytes = sizeOf(paths.journal);
  const rowsBytes = sizeOf(paths.rows);
  const found = findSorted(
    paths.ids,
    keyOf(orderId),
    IDS_WIDTH,
    (stamp) => stamp[0] === journalBytes && stamp[1] === rowsBytes,
  );
  for (const place of found ?? []) {
    const [offset, length] = place.split(' ').map(Number);
    const row = jsonOrNull(readRangeSync(paths.rows, offset ?? 0, length ?? 0)) as IndexedDigest | null;
    if (row?.orderId === orderId) return row;
  }
  return null;
}
