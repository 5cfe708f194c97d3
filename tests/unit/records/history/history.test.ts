import { describe, expect, it } from 'vitest';
import { icedLargeLatte } from '../../../support/cart-lines';
import { CASH_METHOD } from '../../../../shared/domain/cash';
import type { HistoryFilter, HistoryRow } from '../../../../shared/domain/history';
import { asManager, issueCoupons } from '../../helpers/coupons';
import { startOwnSimulator, withCore, withLiveCore, type PosHarness } from '../../helpers/pos';
import { CARD, payWindow } from '../../helpers/toss-window';

/** A clock the test sets: all of main's "now" comes from it. */
function clock(iso: string) {
  let at = Date.parse(iso);
  return { now: () => new Date(at), set: (next: string) => void (at = Date.parse(next)) };
}

async function sell(h: PosHarness, lines: Array<{ productId: string; quantity: number }>) {
  const order = await h.ok('sale:create', { lines });
  const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
  return h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
}

/** Every page of a filter, following the cursor. */
async function allPages(h: PosHarness, filter: HistoryFilter, limit: number): Promise<HistoryRow[][]> {
  const pages: HistoryRow[][] = [];
  let cursor: string | undefined;
  do {
    const page = await h.ok('history:list', { filter, cursor, limit });
    pages.push(page.rows);
    cursor = page.next ?? undefined;
  } while (cursor !== undefined);
  return pages;
}

describe('order history', () => {
  it('lists newest first across days, filters, searches by id, approval number, card digits and product name, and pages by cursor without gaps or repeats', async () => {
    const time = clock('2026-11-28T10:00:00+09:00');
    const h = await withCore({ now: time.now });
    const sold: string[] = [];
    for (const [day, hour] of [
      ['2026-11-28', 10],
      ['2026-11-28', 11],
      ['2026-11-29', 9],
      ['2026-11-30', 12],
      ['2026-11-30', 13],
    ] as const) {
      time.set(`${day}T${String(hour).padStart(2, '0')}:00:00+09:00`);
      sold.push((await sell(h, [{ productId: hour % 2 === 0 ? 'cheesecake' : 'americano', quantity: 1 }])).orderId);
    }
    time.set('2026-11-30T14:00:00+09:00');
    const unpaid = await h.ok('sale:create', { lines: [{ productId: 'bagel', quantity: 1 }] });
    await asManager(h);
    const range = { from: '2026-11-28', to: '2026-11-30' };

    const pages = await allPages(h, range, 2);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 2]);
    expect(pages.flat().map((r) => r.orderId)).toEqual([unpaid.orderId, ...[...sold].reverse()]);
    expect(pages.flat()[0]).toMatchObject({ status: 'unpaid', method: null, training: true });

    const list = (filter: Partial<HistoryFilter>) =>
      h.ok('history:list', { filter: { ...range, ...filter }, limit: 50 }).then((p) => p.rows.map((r) => r.orderId));
    expect(await list({ status: 'unpaid' })).toEqual([unpaid.orderId]);
    expect(await list({ from: '2026-11-29', to: '2026-11-29' })).toEqual([sold[2]]);
    // The cheesecakes were sold at 10:00 on the 28th and 12:00 on the 30th.
    expect(await list({ search: '치즈' })).toEqual([sold[3], sold[0]]);
    expect(await list({ minAmount: 6_000 })).toEqual([sold[3], sold[0]]);
    expect(await list({ search: 'cheese' })).toEqual([]);

    const paid = await h.ok('history:order', { orderId: sold[1] ?? '' });
    const approveNo = paid.payment?.approveNo ?? '';
    expect(await list({ search: approveNo })).toEqual([sold[1]]);
    expect(await list({ search: (sold[3] ?? '').slice(-6).toLowerCase() })).toEqual([sold[3]]);
    expect((await list({ search: (paid.payment?.cardNumber ?? '').slice(0, 4) })).length).toBe(5);
    expect(await list({ method: 'none' })).toEqual([unpaid.orderId]);
  });

  it('keeps training orders apart: badged in the list, never in the totals', async () => {
    const h = await withCore();
    await sell(h, [{ productId: 'americano', quantity: 1 }]);
    await asManager(h);
    const today = (await h.ok('history:list', { filter: { from: '2000-01-01', to: '2100-01-01' }, limit: 10 })).rows;
    expect(today).toEqual([expect.objectContaining({ training: true, status: 'paid', amount: 4_500 })]);
    const day = today[0]?.businessDay ?? '';
    expect(await h.ok('history:totals', { from: day, to: day })).toEqual({
      orders: 0,
      paid: 0,
      refunded: 0,
      byMethod: [],
    });
    expect((await h.ok('history:list', { filter: { from: day, to: day, training: false }, limit: 10 })).rows).toEqual(
      [],
    );
    expect((await h.ok('history:list', { filter: { from: day, to: day, training: true }, limit: 10 })).rows).toEqual(
      today,
    );
  });

  it('counts a real sale in the totals by its method, and never a real order left unpaid', async () => {
    const h = await withLiveCore(await startOwnSimulator());
    const paid = await sell(h, [{ productId: 'americano', quantity: 2 }]);
    const unpaid = await h.ok('sale:create', { lines: [{ productId: 'croissant', quantity: 1 }] });
    await asManager(h);
    const day = paid.businessDay;
    const rows = (await h.ok('history:list', { filter: { from: day, to: day }, limit: 10 })).rows;
    expect(rows.map((r) => [r.orderId, r.status, r.training])).toEqual([
      [unpaid.orderId, 'unpaid', false],
      [paid.orderId, 'paid', false],
    ]);
    expect(await h.ok('history:totals', { from: day, to: day })).toEqual({
      orders: 1,
      paid: 9_000,
      refunded: 0,
      byMethod: [{ method: '카드', orders: 1, paid: 9_000, refunded: 0 }],
    });
  });

  it('exports the filtered list as CSV with a BOM, so spreadsheets read the Korean names', async () => {
    const h = await withCore();
    const order = await sell(h, [{ productId: 'croissant', quantity: 2 }]);
    await asManager(h);
    const { csv, fileName } = await h.ok('history:export', {
      filter: { from: order.businessDay, to: order.businessDay },
    });
    expect(fileName).toBe(`orders-${order.businessDay}-${order.businessDay}.csv`);
    expect(csv.startsWith('\uFEFForder_id,')).toBe(true);
    expect(csv).toContain(`${order.orderId},${order.businessDay},`);
    expect(csv).toContain(',크루아상,7800,0,');
  });

  it('exports each order’s options and memos in columns of their own, escaped for a spreadsheet', async () => {
    const h = await withCore();
    const order = await h.ok('sale:create', {
      lines: [icedLargeLatte('얼음 적게, "연하게"'), { productId: 'croissant', quantity: 1, options: [], memo: null }],
      // A memo a spreadsheet would take for a formula.
      memo: '=5번 테이블',
    });
    const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
    const paid = await h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
    await asManager(h);
    const { csv } = await h.ok('history:export', { filter: { from: paid.businessDay, to: paid.businessDay } });
    const [header, row] = csv.slice(1).trimEnd().split('\r\n');
    expect(header?.endsWith(',call_number,options,memo,tenders,cashier')).toBe(true);
    expect(row?.startsWith(`${order.orderId},`)).toBe(true);
    expect(row).toMatch(
      /,카페라테: ICE · 라지 · 샷 추가 ×2,"'=5번 테이블 \/ 카페라테: 얼음 적게, ""연하게""",,교육용 관리자$/,
    );
  });

  it('a cash sale is listed, filtered and exported as 현금, apart from card sales and orders its discounts paid (also after a restart)', async () => {
    const h = await withCore();
    const card = await sell(h, [{ productId: 'americano', quantity: 1 }]);
    const rungUp = await h.ok('sale:create', { lines: [{ productId: 'croissant', quantity: 2 }] });
    const cash = await h.ok('cash:sale', { orderId: rungUp.orderId, received: 10_000 });
    const [code = ''] = await issueCoupons(h, { benefit: { type: 'percent', percent: 100, maxDiscount: 10_000 } });
    const free = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }], couponCode: code });
    await h.ok('payment:complete-free', { orderId: free.orderId });
    await asManager(h);
    const range = { from: cash.businessDay, to: cash.businessDay };
    await h.ok('refund:create', {
      orderId: cash.orderId,
      request: { kind: 'amount', amount: 1_000 },
      reason: '고객 변심',
    });

    const byMethod = async (core: typeof h) =>
      Object.fromEntries(
        await Promise.all(
          [CASH_METHOD, '카드', 'none'].map(
            async (method) =>
              [
                method,
                (await core.ok('history:list', { filter: { ...range, method }, limit: 10 })).rows.map((r) => r.orderId),
              ] as const,
          ),
        ),
      );
    const expected = { [CASH_METHOD]: [cash.orderId], 카드: [card.orderId], none: [free.orderId] };
    expect(await byMethod(h)).toEqual(expected);
    expect((await h.ok('history:list', { filter: { ...range, method: CASH_METHOD }, limit: 10 })).rows).toEqual([
      expect.objectContaining({
        orderId: cash.orderId,
        method: CASH_METHOD,
        status: 'partially-refunded',
        refunded: 1_000,
        approveNo: null,
        cardNumber: null,
      }),
    ]);

    const { csv } = await h.ok('history:export', { filter: range });
    const methodColumn = (orderId: string) =>
      csv
        .split('\r\n')
        .find((line) => line.startsWith(`${orderId},`))
        ?.split(',')[8];
    expect([methodColumn(cash.orderId), methodColumn(card.orderId), methodColumn(free.orderId)]).toEqual([
      CASH_METHOD,
      '카드',
      '',
    ]);
    expect(
      (await h.ok('history:export', { filter: { ...range, method: CASH_METHOD } })).csv.trim().split('\r\n'),
    ).toHaveLength(2);

    await h.close();
    const again = await withCore({ dataDir: h.dataDir });
    await asManager(again);
    expect(await byMethod(again)).toEqual(expected);
  });

  it('needs a manager, and refuses a range that ends before it starts or a forged cursor', async () => {
    const h = await withCore();
    expect((await h.fail('history:list', { filter: { from: '2026-12-01', to: '2026-12-01' }, limit: 10 })).code).toBe(
      'MANAGER_REQUIRED',
    );
    await asManager(h);
    expect((await h.fail('history:list', { filter: { from: '2026-12-02', to: '2026-12-01' }, limit: 10 })).code).toBe(
      'INVALID_INPUT',
    );
    expect(
      (
        await h.fail('history:list', {
          filter: { from: '2026-12-01', to: '2026-12-01' },
          cursor: 'not-a-cursor',
          limit: 10,
        })
      ).code,
    ).toBe('INVALID_INPUT');
  });
});
