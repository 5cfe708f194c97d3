import { describe, expect, it } from 'vitest';
import { samples, wrongParticles } from '../helpers/particle-check';
import { strings } from '../../../renderer/src/i18n/strings';
import { catalogTexts } from '../../../renderer/src/features/catalog/catalog-strings';
import { receiptTexts } from '../../../renderer/src/features/receipt/receipt-strings';
import { settlementTexts } from '../../../renderer/src/features/settlements/settlement-strings';
import { historyTexts } from '../../../renderer/src/features/history/history-strings';
import { cashPaymentTexts } from '../../../renderer/src/features/history/cash-payment-strings';
import { heldTexts } from '../../../renderer/src/features/held/held-strings';
import { splitTexts } from '../../../renderer/src/features/split/split-strings';
import { dayCloseTexts } from '../../../renderer/src/features/day-close/day-close-strings';
import { optionTexts } from '../../../renderer/src/features/register/option-strings';
import { discountTexts } from '../../../renderer/src/features/register/discount-strings';
import { settingsTexts } from '../../../renderer/src/features/settings/settings-strings';
import { staffTexts } from '../../../renderer/src/features/staff/staff-strings';
import { cashTexts } from '../../../renderer/src/features/checkout/cash-strings';
import { phaseTexts } from '../../../renderer/src/features/checkout/checkout-strings';
import { couponsTexts } from '../../../renderer/src/features/coupons/coupons-strings';
import { callingStrings } from '../../../renderer/src/features/calling/calling-strings';
import { failedCashReceiptsTexts } from '../../../renderer/src/features/day-close/failed-cash-receipts-strings';
import { taxTexts } from '../../../renderer/src/features/day-close/tax-strings';
import { drawerTexts } from '../../../renderer/src/features/drawer/drawer-strings';
import { firstStartTexts } from '../../../renderer/src/features/first-start/first-start-strings';
import { recentReceiptsTexts } from '../../../renderer/src/features/recent-receipts/recent-receipts-strings';
import { mandatoryCashReceiptTexts } from '../../../renderer/src/features/settings/mandatory-cash-receipt-strings';
import { updatesTexts } from '../../../renderer/src/features/settings/updates-strings';
import { customerScreenTexts } from '../../../renderer/src/features/settings/customer-screen-strings';
import { sharedStoreTexts } from '../../../renderer/src/features/shared-store/shared-store-strings';
import { shopDayTexts } from '../../../renderer/src/features/day-close/shop-day-strings';

/** The Korean table of every `*-strings.ts` and the shell's own (tests/unit/shared/particles.test.ts checks none is missing). */
const tables: Record<string, unknown> = {
  strings: strings.ko,
  'catalog-strings': catalogTexts.ko,
  'receipt-strings': receiptTexts.ko,
  'settlement-strings': settlementTexts.ko,
  'history-strings': historyTexts.ko,
  'cash-payment-strings': cashPaymentTexts.ko,
  'held-strings': heldTexts.ko,
  'split-strings': splitTexts.ko,
  'day-close-strings': dayCloseTexts.ko,
  'option-strings': optionTexts.ko,
  'discount-strings': discountTexts.ko,
  'settings-strings': settingsTexts.ko,
  'staff-strings': staffTexts.ko,
  'cash-strings': cashTexts.ko,
  'checkout-strings': phaseTexts.ko,
  'coupons-strings': couponsTexts.ko,
  'calling-strings': callingStrings.ko,
  'failed-cash-receipts-strings': failedCashReceiptsTexts.ko,
  'tax-strings': taxTexts.ko,
  'drawer-strings': drawerTexts.ko,
  'first-start-strings': firstStartTexts.ko,
  'recent-receipts-strings': recentReceiptsTexts.ko,
  'mandatory-cash-receipt-strings': mandatoryCashReceiptTexts.ko,
  'updates-strings': updatesTexts.ko,
  'customer-screen-strings': customerScreenTexts.ko,
  'shared-store-strings': sharedStoreTexts.ko,
  'shop-day-strings': shopDayTexts.ko,
};

/** Every function in a table, with its path; texts without a placeholder have nothing to check. */
function functionsOf(value: unknown, path: string): Array<[string, (...args: unknown[]) => unknown]> {
  if (typeof value === 'function') return [[path, value as (...args: unknown[]) => unknown]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => functionsOf(item, `${path}.${key}`));
}

/** Renders a text with every argument the same sample; one that needs another kind of argument is tried with the next sample. */
function render(fn: (...args: unknown[]) => unknown, sample: string | number): string | null {
  try {
    const out = fn(...Array.from({ length: Math.max(fn.length, 1) }, () => sample));
    return typeof out === 'string' ? out : null;
  } catch {
    return null;
  }
}

describe('Korean particles after a placeholder', () => {
  it('fit the word before them in every text of every strings file, with or without 받침', () => {
    const wrong: string[] = [];
    let rendered = 0;
    for (const [file, table] of Object.entries(tables)) {
      for (const [path, fn] of functionsOf(table, file)) {
        for (const sample of samples) {
          const text = render(fn, sample);
          if (text === null) continue;
          rendered += 1;
          wrong.push(...wrongParticles(text, sample).map((t) => `${path}: ${t}`));
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(rendered).toBeGreaterThan(500);
  });
});
