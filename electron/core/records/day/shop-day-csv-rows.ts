import type { ShopDay } from '../../../../shared/domain/shop-day';
import { formatSeoulTime } from '../../../../shared/domain/time';
import { drawerRows } from './drawer-csv-rows';

/**
 * The shop's part of a day-close CSV (section `register`), in the day close's columns: where the
 * report was made and that its totals are the whole shop's, then each register's sales, refunds,
 * net and tenders, and its drawer's shifts (their rows named after the register). A report made
 * while the store was down says so in one row: its totals are this register's alone.
 */
export function* shopDayRows(shop: ShopDay | undefined): Generator<string[]> {
  if (shop === undefined) return;
  if (shop.status === 'store-offline') {
    yield ['register', 'shared store offline: this register only, not the shop', '', '', '', '', ''];
    return;
  }
  if (shop.status === 'closed-by-shop') {
    const at = formatSeoulTime(shop.at);
    yield [
      'register',
      `shop closed on ${shop.closedOn.name} ${at} by ${shop.by}: this register only`,
      '',
      '',
      '',
      '',
      '',
    ];
    return;
  }
  yield ['register', `shop totals (every register), made on ${shop.madeOn.name}`, '', '', '', '', ''];
  for (const register of shop.registers) {
    const name = register.register.name;
    yield ['register', `${name} sales`, String(register.orders), '', String(register.sales), '', ''];
    yield ['register', `${name} refunds`, String(register.refunds.count), '', '', String(register.refunds.amount), ''];
    yield ['register', `${name} net`, '', '', '', '', String(register.net)];
    for (const line of register.byMethod)
      yield [
        'register',
        `${name} method ${line.method}`,
        String(line.orders),
        '',
        String(line.sales),
        String(line.refunds),
        String(line.net),
      ];
    for (const row of drawerRows(register.drawers)) yield ['register', `${name} ${row[1] ?? ''}`, ...row.slice(2)];
  }
}
