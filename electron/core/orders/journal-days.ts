import { join } from 'node:path';
import type { FileIo } from '../platform/disk/file-io';

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;

/** The business day a file in `orders/` is the journal of, or null for any other file. */
export function dayOfJournalFile(name: string): string | null {
  return DAY_FILE.exec(name)?.[1] ?? null;
}

/** The business days that have a journal in `ordersDir`, oldest first: the books and the outbox list them alike. */
export async function journalDays(ordersDir: string, io: FileIo): Promise<string[]> {
  const days = (await io.list(ordersDir)).map(dayOfJournalFile).filter((day): day is string => day !== null);
  // Stryker disable next-line MethodExpression: Node's readdir (libuv's scandir) already answers names sorted; the sort says the order is relied on
  return days.sort();
}

export function journalPath(ordersDir: string, day: string): string {
  return join(ordersDir, `${day}.jsonl`);
}
