import { dayAfter } from '../../../../shared/domain/day-close';
import type { MonthReport } from '../../../../shared/domain/month-report';
import type { DayTaxFigures } from '../../../../shared/domain/tax-report';
import { addSplits } from '../../../../shared/domain/tax-split';
import { sumWon } from '../../../../shared/domain/money';
import type { DayCloseService } from '../day/day-close-service';
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

/**
 * The month for the 세무사: every business day of it as the day close shows it (a closed day's
 * figures are its Z report's, kept as they were), the days that sold or refunded nothing left out.
 */
export async function monthReport(days: Pick<DayCloseService, 'view'>, month: string): Promise<MonthReport> {
  const listed: MonthReport['days'] = [];
  for (let day = `${month}-01`; day.startsWith(month); day = dayAfter(day, 1)) {
    const view = await days.view(day);
    const taxes = view.figures.taxes;
    if (taxes === undefined || (view.figures.orders === 0 && view.figures.refunds.count === 0)) continue;
    listed.push({ day, closed: view.close !== null, taxes });
  }
  return { month, days: listed, total: addTaxFigures(listed.map((d) => d.taxes)) };
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
