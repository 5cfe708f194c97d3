import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { couponRecordSchema } from '../../../../shared/domain/coupons';
import { drawerShiftSchema } from '../../../../shared/domain/drawer';
import { orderSchema } from '../../../../shared/domain/order';
import { problemOf } from '../../platform/disk/corrupt-file-error';
import { lockDataDir } from '../../platform/disk/data-dir-lock';
import { documentFindings } from './doctor-documents';
import type { FileIo } from '../../platform/disk/file-io';
import { jsonOrNull } from '../../platform/disk/json-or-null';
import { wholeLines } from '../../platform/disk/keyed-journal';
import { dayOfJournalFile } from '../../orders/journal-days';
import { dayOfDrawerFile, DRAWER_DIR } from '../../money/drawer/drawer-journal';
import { CATALOG_EDITS_FILE, catalogEditSchema } from '../../shop/catalog/catalog-store';
import { TRAINING_DIR } from '../../platform/disk/training-dir';

/** One thing the doctor found: a bad journal line it moved aside, or a document it can only report. */
export interface Finding {
  file: string;
  line?: number;
  problem: string;
  /** Where the bad line now is (relative to the data folder); absent when nothing was moved. */
  quarantinedTo?: string;
  /** Could not be checked here (staff signatures sealed by the desktop app's keychain): not a fault. */
  unchecked?: true;
}

/** The whole lines of a journal that its schema refuses, by line number; a torn last line is the app's to drop, not a finding. */
function badLines(lines: readonly string[], schema: z.ZodType): Array<{ line: number; text: string; problem: string }> {
  const bad: Array<{ line: number; text: string; problem: string }> = [];
  for (const [at, line] of lines.entries()) {
    try {
      schema.parse(JSON.parse(line));
    } catch (error) {
      bad.push({ line: at + 1, text: line, problem: problemOf(error) });
    }
  }
  return bad;
}

/**
 * `npm run doctor`: with the app closed (it takes the folder's lock), moves every journal line
 * the app cannot read — live books and training's (`training/`) alike — into `quarantine/` (the
 * lines as they were, never deleted), rewrites the journal without them (atomically), and has the
 * history index rebuild those days at the next start. Every document the app opens (catalog,
 * settings, staff and its signatures, coupons, open work, register, day closes, training's own)
 * is read as the app reads it and reported, never rewritten.
 */
export async function mendDataDir(dataDir: string, io: FileIo, now: () => Date = () => new Date()): Promise<Finding[]> {
  const unlock = await lockDataDir(dataDir);
  try {
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    const live = await mendJournals(dataDir, '', io, stamp);
    const training = await mendJournals(dataDir, TRAINING_DIR, io, stamp);
    return [...live.findings, ...training.findings, ...(await documentFindings(dataDir, io, async () => live.sales))];
  } finally {
    await unlock();
  }
}

/** One books' journals (`books`: '' for live, 'training'): bad lines quarantined, their days left for the index to rebuild. */
async function mendJournals(
  dataDir: string,
  books: string,
  io: FileIo,
  stamp: string,
): Promise<{ findings: Finding[]; sales: boolean }> {
  const findings: Finding[] = [];
  const journals: Array<{ file: string; schema: z.ZodType; day: string | null }> = [
    { file: join(books, 'coupons', 'issued.jsonl'), schema: couponRecordSchema, day: null },
  ];
  // The catalog is the shop's, not a books': its edits since the last snapshot, beside catalog.json.
  if (books === '') journals.push({ file: CATALOG_EDITS_FILE, schema: catalogEditSchema, day: null });
  const orderFiles = await readdir(join(dataDir, books, 'orders')).catch(() => [] as string[]);
  // Stryker disable next-line MethodExpression: Node's readdir (libuv's scandir) already answers names sorted; the sort says the order is relied on
  for (const name of orderFiles.sort()) {
    const day = dayOfJournalFile(name);
    if (day !== null) journals.push({ file: join(books, 'orders', name), schema: orderSchema, day });
  }
  // The drawer's shifts: a shift's last whole line is its state, so a bad one dropped leaves the one before.
  const drawerFiles = await readdir(join(dataDir, books, DRAWER_DIR)).catch(() => [] as string[]);
  for (const name of drawerFiles.sort())
    if (dayOfDrawerFile(name) !== null)
      journals.push({ file: join(books, DRAWER_DIR, name), schema: drawerShiftSchema, day: null });
  const mendedDays: string[] = [];
  for (const { file, schema, day } of journals) {
    const text = await io.read(join(dataDir, file));
    if (text === null) continue;
    const { lines, torn } = wholeLines(text);
    const bad = badLines(lines, schema);
    if (bad.length === 0) continue;
    const quarantinedTo = join('quarantine', `${file}.${stamp}.bad`);
    await io.writeAtomic(join(dataDir, quarantinedTo), bad.map((b) => `${b.text}\n`).join(''));
    const dropped = new Set(bad.map((b) => b.line));
    await io.writeAtomic(
      join(dataDir, file),
      lines
        .filter((_, at) => !dropped.has(at + 1))
        .map((line) => `${line}\n`)
        .join('') + torn,
    );
    for (const b of bad) findings.push({ file, line: b.line, problem: b.problem, quarantinedTo });
    if (day !== null) mendedDays.push(day);
  }
  if (mendedDays.length > 0) await rebuildDays(join(dataDir, books), io, mendedDays);
  return { findings, sales: journals.some((journal) => journal.day !== null) };
}

/** The index's rows of mended days go, and the days are listed dirty: the next start rebuilds them from their journals. */
async function rebuildDays(booksDir: string, io: FileIo, days: readonly string[]): Promise<void> {
  const indexDir = join(booksDir, 'orders', 'index');
  for (const day of days) await rm(join(indexDir, `${day}.rows`), { force: true });
  const listed = await io.read(join(indexDir, 'dirty.json')).catch(() => null);
  const dirty = jsonOrNull(listed);
  const before = Array.isArray(dirty) ? dirty.filter((day): day is string => typeof day === 'string') : [];
  await io.writeAtomic(join(indexDir, 'dirty.json'), JSON.stringify([...new Set([...before, ...days])]));
}
