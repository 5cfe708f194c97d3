import { cardCompanyName } from '../../../../shared/domain/card-companies';
import type { DayFigures, Mismatch, DayMatch } from '../../../../shared/domain/day-close';
import type { DrawerShiftView } from '../../../../shared/domain/drawer';
import type { DayTaxFigures } from '../../../../shared/domain/tax-report';
import { formatSeoulTime } from '../../../../shared/domain/time';
import type { CsvHeaders } from '../../../../shared/domain/csv-headers';
import { csvText } from '../../platform/export/csv';
import { csvHeaderRow, type CsvColumn } from '../../platform/export/csv-columns';
import { drawerRows } from './drawer-csv-rows';
import { shopDayRows } from './shop-day-csv-rows';
import type { ShopDay } from '../../../../shared/domain/shop-day';

/** The day-close CSV's columns, in order. */
export const DAY_CLOSE_COLUMNS: readonly CsvColumn[] = [
  { machine: 'section', ko: '구분', en: 'Section' },
  { machine: 'item', ko: '항목', en: 'Item' },
  { machine: 'orders', ko: '건수', en: 'Orders' },
  { machine: 'quantity', ko: '수량', en: 'Quantity' },
  { machine: 'amount', ko: '금액', en: 'Amount' },
  { machine: 'refunds', ko: '환불', en: 'Refunds' },
  { machine: 'net', ko: '순매출', en: 'Net' },
  { machine: 'options', ko: '옵션', en: 'Options' },
];

/** What marks a training rehearsal's CSV, in the header's language: no one takes it for the shop's books. */
const PRACTICE_MARK: Record<CsvHeaders, string> = {
  ko: '교육용 연습 마감 — 실제 장부가 아닙니다',
  en: 'Training practice close — not the real books',
  machine: 'training practice close (not the real books)',
};

/** Every row as wide as the header: only a product's row has options. */
function* padded(rows: Iterable<string[]>): Generator<string[]> {
  for (const row of rows) yield [...row, ...Array<string>(Math.max(0, DAY_CLOSE_COLUMNS.length - row.length)).fill('')];
}

/** What the CSV says a day's status is: open (figures so far) or closed, when and by whom. */
export type CsvStatus = { closed: false } | { closed: true; at: string; by: string };

function mismatchRow(mismatch: Mismatch): string[] {
  switch (mismatch.kind) {
    case 'orphan-charge':
      return [
        'mismatch',
        `orphan-charge ${mismatch.orderId} ${mismatch.paymentKey}`,
        '',
        '',
        String(mismatch.amount),
        String(mismatch.canceled),
        '',
      ];
    case 'unknown-to-toss':
      return [
        'mismatch',
        `unknown-to-toss ${mismatch.what} ${mismatch.orderId}${mismatch.refundId === null ? '' : ` ${mismatch.refundId}`}`,
        '',
        '',
        String(mismatch.amount),
        '',
        '',
      ];
    case 'amount-differs':
      return [
        'mismatch',
        `amount-differs ${mismatch.what} ${mismatch.orderId} toss=${mismatch.toss}`,
        '',
        '',
        String(mismatch.ours),
        '',
        '',
      ];
    case 'orphan-refund':
      return [
        'mismatch',
        `orphan-refund ${mismatch.orderId} ${mismatch.transactionKey}`,
        '',
        '',
        '',
        String(mismatch.amount),
        '',
      ];
  }
}

/** The 부가세 신고 figures: sales, refunds and net of each of 과세 공급가액, 부가세 and 면세, and what was taken how. */
function* taxRows(taxes: DayTaxFigures): Generator<string[]> {
  yield ['tax', 'card_toss', '', '', String(taxes.card), '', ''];
  yield ['tax', 'cash_with_cash_receipt', '', '', String(taxes.cashWithReceipt), '', ''];
  yield ['tax', 'cash_without_cash_receipt', '', '', String(taxes.cashWithoutReceipt), '', ''];
  for (const key of ['taxable', 'vat', 'taxFree'] as const) {
    const item = { taxable: 'taxable_supply', vat: 'vat', taxFree: 'tax_free' }[key];
    yield ['tax', item, '', '', String(taxes.sales[key]), String(taxes.refunded[key]), String(taxes.net[key])];
  }
}

/**
 * A business day as CSV (UTF-8 with BOM, CRLF): the report's heading, the totals, then by
 * method, card company, hour and product (with what its units were sold with: "ICE ×12 · 샷 추가 ×8"),
 * and what matching against Toss found, one row each.
 * Refunds are those made during the day, whatever day their orders were sold. The header is in
 * `headers`' words; a training rehearsal says so in its second row.
 */
export function dayCloseCsv(
  figures: DayFigures,
  status: CsvStatus,
  reconciliation: DayMatch | null,
  headers: CsvHeaders = 'machine',
  drawers: readonly DrawerShiftView[] = [],
  shop?: ShopDay,
): string {
  function* rows(): Generator<string[]> {
    yield csvHeaderRow(DAY_CLOSE_COLUMNS, headers);
    if (figures.practice) yield ['practice', PRACTICE_MARK[headers]];
    yield ['report', 'business_day', '', '', figures.day, '', ''];
    yield [
      'report',
      status.closed ? `closed ${formatSeoulTime(status.at)} by ${status.by}` : 'open (X, nothing closed)',
      '',
      '',
      '',
      '',
      '',
    ];
    yield [
      'report',
      `window ${formatSeoulTime(figures.window.from)} - ${formatSeoulTime(figures.window.until)}`,
      '',
      '',
      '',
      '',
      '',
    ];
    yield ['report', 'refunds counted on the day they were made', '', '', '', '', ''];
    yield ['total', 'gross', '', '', String(figures.gross), '', ''];
    yield ['total', 'coupon_discounts', '', '', String(figures.couponDiscounts), '', ''];
    yield ['total', 'manual_discounts', '', '', String(figures.manualDiscounts), '', ''];
    yield ['total', 'sales', String(figures.orders), '', String(figures.sales), '', ''];
    yield ['total', 'refunds', String(figures.refunds.count), '', '', String(figures.refunds.amount), ''];
    yield ['total', 'net', '', '', '', '', String(figures.net)];
    yield ['total', 'training_orders_left_out', String(figures.trainingOrders), '', '', '', ''];
    if (figures.taxes !== undefined) yield* taxRows(figures.taxes);
    for (const line of figures.byMethod)
      yield [
        'method',
        line.method,
        String(line.orders),
        '',
        String(line.sales),
        String(line.refunds),
        String(line.net),
      ];
    for (const line of figures.byCardCompany) {
      const name =
        line.issuerCode === null ? 'unknown' : `${cardCompanyName(line.issuerCode, 'ko')} (${line.issuerCode})`;
      yield ['card_company', name, String(line.orders), '', String(line.sales), String(line.refunds), String(line.net)];
    }
    for (const hour of figures.byHour)
      yield ['hour', String(hour.hour).padStart(2, '0'), String(hour.orders), '', String(hour.sales), '', ''];
    for (const product of figures.topProducts)
      yield [
        'product',
        product.name,
        '',
        String(product.quantity),
        String(product.amount),
        '',
        '',
        product.options.map((option) => `${option.name} ×${option.count}`).join(' · '),
      ];
    // The shop's report lists every register's drawer in its register rows, this one's among them.
    if (shop?.status !== 'shop') yield* drawerRows(drawers);
    yield* shopDayRows(shop);
    if (reconciliation?.status === 'checked') {
      yield [
        'toss',
        `checked ${formatSeoulTime(reconciliation.checkedAt)}: ${reconciliation.transactions} transactions`,
        '',
        '',
        String(reconciliation.tossApproved),
        String(reconciliation.tossCanceled),
        '',
      ];
      for (const mismatch of reconciliation.mismatches) yield mismatchRow(mismatch);
    } else if (reconciliation !== null) {
      yield ['toss', `not checked (${reconciliation.reason})`, '', '', '', '', ''];
    }
  }
  return csvText(padded(rows()));
}
