import { readdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { catalogSchema } from '../../../../shared/domain/catalog';
import { couponsFileSchema } from '../../../../shared/domain/coupons';
import { dayReportSchema } from '../../../../shared/domain/day-close';
import { heldFileSchema } from '../../../../shared/domain/held';
import { registerDraftSchema } from '../../../../shared/domain/register';
import { settingsSchema } from '../../../../shared/domain/settings';
import { OpenWork } from '../../platform/jobs/open-work';
import { staffFileProblems } from '../../shop/staff/staff-file-report';
import { TRAINING_STAFF_FILE, trainingStaffSchema } from '../../shop/staff/training-manager-file';
import { problemOf, StoreFileCorruptError } from '../../platform/disk/corrupt-file-error';
import type { FileIo } from '../../platform/disk/file-io';
import { TRAINING_DIR } from '../../platform/disk/training-dir';

/** A document the doctor found it cannot trust; `unchecked` when it could not be checked here at all. */
export interface DocumentFinding {
  file: string;
  problem: string;
  unchecked?: true;
}

/**
 * The training simulator reads its ledgers without a schema: these are the fields it relies on
 * (a payment's key and order, a 현금영수증's key), so a file that lacks them is one it cannot use.
 */
const paymentsLedgerSchema = z.object({
  entries: z.array(z.object({ payment: z.object({ paymentKey: z.string(), orderId: z.string() }) })),
});
const cashReceiptsLedgerSchema = z.object({ receipts: z.array(z.object({ receiptKey: z.string() })) });

const CLOSE_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;

type Problem = Omit<DocumentFinding, 'file'>;
type Check = (path: string) => Promise<Problem[]>;

/**
 * Every document of the data folder the app opens, read as the app reads it, and reported,
 * never rewritten: the shop's (catalog, settings, staff) once, each books' (live in the folder,
 * training in `training/`) coupons, open work, register draft, held carts and day closes, and training's own
 * staff file and simulator ledgers.
 */
export async function documentFindings(
  dataDir: string,
  io: FileIo,
  hasSales: () => Promise<boolean>,
): Promise<DocumentFinding[]> {
  const parsedBy =
    (schema: z.ZodType): Check =>
    async (path) => {
      const text = await io.read(path);
      if (text === null) return [];
      try {
        schema.parse(JSON.parse(text));
        return [];
      } catch (error) {
        return [{ problem: problemOf(error) }];
      }
    };
  // Its schema is the file's own: opened through it (reading an existing file writes nothing).
  const openWork: Check = async (path) => {
    if ((await io.read(path)) === null) return [];
    try {
      await OpenWork.open(dirname(path), io);
      return [];
    } catch (error) {
      if (error instanceof StoreFileCorruptError) return [{ problem: error.problem }];
      throw error;
    }
  };

  const documents: Array<[file: string, check: Check]> = [
    ['catalog.json', parsedBy(catalogSchema)],
    ['settings.json', parsedBy(settingsSchema)],
    ['staff.json', () => staffFileProblems(dataDir, io, hasSales)],
  ];
  for (const books of ['', TRAINING_DIR]) {
    documents.push(
      [join(books, 'coupons.json'), parsedBy(couponsFileSchema)],
      [join(books, 'open-work.json'), openWork],
      [join(books, 'register.json'), parsedBy(registerDraftSchema)],
      [join(books, 'held.json'), parsedBy(heldFileSchema)],
    );
    const closes = await readdir(join(dataDir, books, 'day-closes')).catch(() => [] as string[]);
    for (const name of closes.filter((n) => CLOSE_FILE.test(n)).sort())
      documents.push([join(books, 'day-closes', name), parsedBy(dayReportSchema)]);
  }
  documents.push(
    [TRAINING_STAFF_FILE, parsedBy(trainingStaffSchema)],
    [join(TRAINING_DIR, 'payments.json'), parsedBy(paymentsLedgerSchema)],
    [join(TRAINING_DIR, 'payments-cash-receipts.json'), parsedBy(cashReceiptsLedgerSchema)],
  );

  const findings: DocumentFinding[] = [];
  for (const [file, check] of documents) {
    for (const problem of await check(join(dataDir, file))) findings.push({ file, ...problem });
  }
  return findings;
}
