import { existsSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config';

/**
 * Quickest test files first. Stryker stops at a mutant's first failing test, and vitest's own
 * order runs the slowest files first: a mutant the store's unit tests kill in milliseconds would
 * wait for a whole payment flow through the core before them.
 */
class QuickestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    return (await super.sort(files)).reverse();
  }
}

/**
 * The unit tests that exercise the mutated folders (payments, sales, store, money), by their path
 * under tests/unit, listed rather than passed with --testFiles, which leaves static mutants
 * unactivated (stryker-js #6144).
 * Left out, though they touch the core: the IPC fuzz (ten thousand payloads per test, run again
 * for every mutant it covers, and it asserts typed refusals, not outcomes); the history
 * benchmark's smoke run; the file-modes test, which sets process.umask, refused inside the worker
 * threads Stryker's vitest runner always uses; and the lock race, whose locks are taken in child
 * processes Stryker does not watch.
 */
const EXERCISING = [
  'app/busy-day',
  'app/disk-refusal',
  'app/doctor/doctor',
  'app/training-sandbox',
  'compose/chaos-switches',
  'host/browser-host',
  'money/cash/cash',
  'money/cash/cash-receipt-amounts',
  'money/cash/cash-receipt-retry',
  'money/coupons/coupons',
  'money/discount/discounts',
  'money/payment/background-settling',
  'money/payment/payment-outcomes',
  'money/payment/payment-service',
  'money/payment/split-payment',
  'money/refund/refunds',
  'money/sale/sale-service',
  'orders/index/day-digests',
  'orders/index/index-files',
  'orders/index/index-writer',
  'orders/index/open-files',
  'orders/index/open-lookups',
  'orders/index/order-index',
  'orders/index/recent-lookups',
  'orders/index/row-scan',
  'orders/index/sorted-lookups',
  'orders/journal-order-book',
  'orders/order-lifecycle',
  'platform/disk/data-dir-lock',
  'platform/disk/file-io',
  'platform/disk/json-document',
  'platform/disk/keyed-journal',
  'platform/disk/keyed-mutex',
  'platform/disk/store-errors',
  'platform/jobs/background-settler',
  'platform/jobs/settlement-board',
  'records/day/day-close',
  'records/day/split-day',
  'records/history/history',
  'shared/domain/money',
  'shop/catalog/catalog-edit',
  'shop/catalog/pricing',
  'shop/register/register',
  'shop/secrets/secret-key',
  'shop/secrets/secret-key-file',
  'shop/settings/settings',
  'shop/staff/staff',
  'shop/staff/staff-file',
  'toss/idempotency-key',
  'toss/toss-client',
  'toss/toss-client-http',
  'toss/toss-endpoints',
  'toss/toss-errors',
  'training/simulator-cash-receipts',
];

// A test moved or renamed must not drop out of the run unnoticed: vitest would just find no file.
const missing = EXERCISING.filter((name) => !existsSync(`tests/unit/${name}.test.ts`));
if (missing.length > 0)
  throw new Error(`vitest.stryker.config.ts lists tests that do not exist: ${missing.join(', ')}`);

const config = mergeConfig(base, defineConfig({ test: { sequence: { sequencer: QuickestFirst } } }));

// Set after merging: mergeConfig would add the list to the base config's glob instead of replacing it.
export default { ...config, test: { ...config.test, include: EXERCISING.map((name) => `tests/unit/${name}.test.ts`) } };
