import type { DrawerShiftView } from '../../../../shared/domain/drawer';
import { formatSeoulTime } from '../../../../shared/domain/time';

function who(name: string | null): string {
  return name ?? 'unknown';
}

/**
 * The day's drawer shifts as CSV rows (section `drawer`), in the day close's columns: each
 * shift's opening, float, cash sales (orders, amount), cash refunds, paid in and out, expected,
 * counted and over/short (net: below 0 short), and its close or that it is still open.
 */
export function* drawerRows(shifts: readonly DrawerShiftView[]): Generator<string[]> {
  for (const shift of shifts) {
    const { takings } = shift;
    const name = `shift ${shift.shiftId}`;
    yield ['drawer', `${name} opened ${formatSeoulTime(shift.openedAt)} by ${who(shift.openedBy)}`, '', '', '', '', ''];
    yield ['drawer', `${name} float`, '', '', String(shift.floatTotal), '', ''];
    yield ['drawer', `${name} cash_sales`, String(takings.cashSaleCount), '', String(takings.cashSales), '', ''];
    yield ['drawer', `${name} cash_refunds`, '', '', '', String(takings.cashRefunds), ''];
    yield ['drawer', `${name} paid_in`, '', '', String(takings.paidIn), '', ''];
    yield ['drawer', `${name} paid_out`, '', '', String(takings.paidOut), '', ''];
    for (const movement of shift.movements)
      yield [
        'drawer',
        `${name} paid_${movement.kind} ${formatSeoulTime(movement.at)} ${movement.reason} by ${who(movement.by)}`,
        '',
        '',
        String(movement.amount),
        '',
        '',
      ];
    yield ['drawer', `${name} expected`, '', '', '', '', String(takings.expected)];
    if (shift.closedAt === null) {
      yield ['drawer', `${name} open (not counted yet)`, '', '', '', '', ''];
      continue;
    }
    yield ['drawer', `${name} counted`, '', '', String(shift.counted ?? 0), '', ''];
    yield ['drawer', `${name} over_short`, '', '', '', '', String(shift.overShort ?? 0)];
    yield ['drawer', `${name} closed ${formatSeoulTime(shift.closedAt)} by ${who(shift.closedBy)}`, '', '', '', '', ''];
  }
}
