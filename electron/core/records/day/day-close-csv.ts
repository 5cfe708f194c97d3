import { cardCompanyName } from '../../../../shared/domain/card-companies';
import type { DayFigures, Mismatch, DayMatch } from '../../../../shared/domain/day-close';
import type { DrawerShiftView } from '../../../../shared/domain/drawer';
import { formatSeoulTime } from '../../../../shared/domain/time';
import { csvText } from '../../platform/export/csv';
import { drawerRows } from './drawer-csv-rows';

const HEADER = ['section', 'item', 'orders', 'quantity', 'amount', 'refunds', 'net', 'options'];

/** Every row as wide as the header: only a product's row has options. */
function* padded(rows: Iterable<string[]>): Generator<string[]> {
  for (const row of rows) yield [...row, ...Array<string>(Math.max(0, HEADER.length - row.length)).fill('')];
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

/**
 * A business day as CSV (UTF-8 with BOM, CRLF): the report's heading, the totals, then by
 * method, card company, hour and product (with what its units were sold with: "ICE ×12 · 샷 추가 ×8"),
 * and what matching against Toss found, one row each.
 * Refunds are those made during the day, whatever day their orders were sold.
 */
export function dayCloseCsv(
  figures: DayFigures,
  status: CsvStatus,
  reconciliation: DayMatch | null,
  drawers: readonly DrawerShiftView[] = [],
): string {
  function* rows(): Generator<string[]> {
    yield HEADER;
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
    yield* drawerRows(drawers);
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
