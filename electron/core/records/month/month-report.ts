import { z } from 'zod';
import { dayAfter } from '../../../../shared/domain/day-close';
import type { HistorySource } from '../../../../shared/domain/history';
import type { MonthReport } from '../../../../shared/domain/month-report';
import { dayTaxFiguresSchema, type DayTaxFigures } from '../../../../shared/domain/tax-report';
import { addSplits } from '../../../../shared/domain/tax-split';
import { sumWon } from '../../../../shared/domain/money';
import type { DayCloseService } from '../day/day-close-service';
import type { ShopMonthFacts } from '../day/shop-month-facts';
import { csvText } from '../../platform/export/csv';

/** Adds days' figures field by field (the month's total). */
export function addTaxFigures(days: readonly DayTaxFigures[]): DayTaxFigures {
  const sum = (pick: (d: DayTaxFigures) => number) => days.reduce((total, d) => total + pick(d), 0);
  return {
    card: sumWon(days.map((d) => d.card)),
    cashWithReceipt: sumWon(days.map((d) => d.cashWithReceipt)),
    cashWithoutReceipt: sumWon(days.map((d) => d.cashWithoutReceipt)),
    refunds: sumWon(days.map((d) => d.refunds)),
    sales: addSplits(days.map((d) => d.sales)),
    refunded: addSplits(days.map((d) => d.refunded)),
    net: { taxable: sum((d) => d.net.taxable), vat: sum((d) => d.net.vat), taxFree: sum((d) => d.net.taxFree) },
  };
}

/** The day close as the month reads it. */
export type MonthDays = Pick<DayCloseService, 'today' | 'ownDay' | 'openFigures' | 'shopMonth'>;

type Listed = MonthReport['days'];

/** What a day's figures must have for the month: how many sold or refunded, and the 부가세 figures. */
interface DayCounts {
  orders: number;
  refunds: { count: number };
  taxes?: DayTaxFigures;
}

/** A day in the list, unless it sold and refunded nothing (or its close was kept before the 부가세 figures were). */
function list(listed: Listed, day: string, closed: boolean, figures: DayCounts): void {
  if (figures.taxes === undefined || (figures.orders === 0 && figures.refunds.count === 0)) return;
  listed.push({ day, closed, taxes: figures.taxes });
}

/** What the month reads of the shop's close kept in the store (one this version cannot read is counted from the orders). */
const keptClose = z.object({
  figures: z.object({
    orders: z.number(),
    refunds: z.object({ count: z.number() }),
    taxes: dayTaxFiguresSchema.optional(),
  }),
});

/** Each day as this register's 마감 screen has it without a store: its Z once closed, else its books so far. */
async function ownDays(days: MonthDays, dates: readonly string[]): Promise<Listed> {
  const listed: Listed = [];
  for (const day of dates) {
    const own = await days.ownDay(day);
    list(listed, day, own.close !== null, own.figures);
  }
  return listed;
}

/**
 * Each day as the shop's: the shop's Z from the store (made on any register), else every
 * register's day so far. Null when the store stops answering part way: the month is then this
 * register's whole, never half the shop's.
 */
async function shopDays(days: MonthDays, shop: ShopMonthFacts, dates: readonly string[]): Promise<Listed | null> {
  const today = await days.today();
  const listed: Listed = [];
  for (const day of dates) {
    if (day > today) break;
    const kept = keptClose.safeParse(shop.closes.get(day));
    if (kept.success) {
      list(listed, day, true, kept.data.figures);
      continue;
    }
    const closed = shop.closes.has(day);
    const own = await days.ownDay(day);
    // A Z this register made before it was on a shared store was the shop's close of that day.
    if (own.close !== null && own.close.shop === undefined) list(listed, day, true, own.figures);
    else if (!shop.othersBusy.has(day)) list(listed, day, closed, own.figures);
    else {
      const open = await days.openFigures(day);
      if (open.source === 'this-register') return null;
      list(listed, day, closed, open.figures);
    }
  }
  return listed;
}

function report(month: string, listed: Listed, source?: HistorySource): MonthReport {
  return {
    month,
    days: listed,
    total: addTaxFigures(listed.map((d) => d.taxes)),
    ...(source === undefined ? {} : { source }),
  };
}

/**
 * The month for the 세무사: every business day of it as the day close has it (a closed day's
 * figures are its Z report's, kept as they were), the days that sold or refunded nothing left out.
 * On a shared store each day is the shop's; while the store cannot be read, this register's days, saying so.
 */
export async function monthReport(days: MonthDays, month: string): Promise<MonthReport> {
  const dates: string[] = [];
  for (let day = `${month}-01`; day.startsWith(month); day = dayAfter(day, 1)) dates.push(day);
  const shop = await days.shopMonth(dates);
  if (shop === null) return report(month, await ownDays(days, dates));
  const listed = shop === 'offline' ? null : await shopDays(days, shop, dates);
  return listed === null ? report(month, await ownDays(days, dates), 'this-register') : report(month, listed, 'shop');
}

const HEADER = [
  'business_day',
  'closed',
  'card_toss',
  'cash_with_cash_receipt',
  'cash_without_cash_receipt',
  'refunds',
  'taxable_supply',
  'vat',
  'tax_free',
];

function row(label: string, closed: string, t: DayTaxFigures): string[] {
  return [
    label,
    closed,
    ...[t.card, t.cashWithReceipt, t.cashWithoutReceipt, t.refunds, t.net.taxable, t.net.vat, t.net.taxFree].map(
      String,
    ),
  ];
}

/** The month as CSV (UTF-8 with BOM, CRLF): a row per business day, then the total; 과세/부가세/면세 net of refunds. */
export function monthCsv(report: MonthReport): string {
  return csvText([
    HEADER,
    ...report.days.map((d) => row(d.day, d.closed ? 'Z' : 'open', d.taxes)),
    row('total', '', report.total),
  ]);
}
