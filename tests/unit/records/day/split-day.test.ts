import { describe, expect, it } from 'vitest';
import { CASH_METHOD } from '../../../../shared/domain/cash';
import type { DayFigures, Mismatch } from '../../../../shared/domain/day-close';
import type { Order, PaymentPart } from '../../../../shared/domain/order';
import { describeError } from '../../../../shared/i18n/error-messages';
import { mendDataDir } from '../../../../electron/core/app/doctor/doctor';
import { diskIo } from '../../../../electron/core/platform/disk/file-io';
import { asManager } from '../../helpers/coupons';
import { startOwnSimulator, withLiveCore, type OwnSimulator, type PosHarness } from '../../helpers/pos';
import { CARD, payWindow } from '../../helpers/toss-window';

type Created = { orderId: string; orderName: string; amount: number };
type Tender = { card: number } | { cash: number };

/** An order of `lines` paid tender by tender: card parts through the window and confirm, the cash part at the counter. */
async function splitSale(
  h: PosHarness,
  own: OwnSimulator,
  lines: Array<{ productId: string; quantity: number }>,
  tenders: readonly Tender[],
): Promise<{ created: Created; order: Order }> {
  const created = await h.ok('sale:create', { lines });
  let order = await h.ok('sale:get', { orderId: created.orderId });
  for (const tender of tenders) {
    if ('cash' in tender) {
      order = await h.ok('cash:pay-part', { orderId: created.orderId, amount: tender.cash, received: tender.cash });
      continue;
    }
    const { part } = await h.ok('payment:open-part', { orderId: created.orderId, amount: tender.card });
    order = await confirmPart(h, own, created, part);
  }
  return { created, order };
}

async function confirmPart(h: PosHarness, own: OwnSimulator, created: Created, part: PaymentPart): Promise<Order> {
  const orderId = part.tossOrderId ?? '';
  const paymentKey = await payWindow(
    own.sim,
    own.clientKey,
    { orderId, orderName: created.orderName, amount: part.amount },
    CARD.approves,
  );
  return h.ok('payment:confirm', { orderId, paymentKey, amount: part.amount });
}

function line(figures: DayFigures, method: string) {
  return figures.byMethod.find((l) => l.method === method);
}

/**
 * A live day with split orders: two cards (A), card and cash (B) with a refund of each part, a
 * whole card sale (C), a whole cash sale (D), and one left half paid then refunded (E).
 */
async function splitDay() {
  const own = await startOwnSimulator();
  const h = await withLiveCore(own);
  await asManager(h);
  const a = await splitSale(
    h,
    own,
    [
      { productId: 'americano', quantity: 2 },
      { productId: 'croissant', quantity: 1 },
    ],
    [{ card: 6_450 }, { card: 6_450 }],
  );
  const b = await splitSale(
    h,
    own,
    [
      { productId: 'americano', quantity: 2 },
      { productId: 'croissant', quantity: 1 },
    ],
    [{ card: 5_000 }, { cash: 7_900 }],
  );
  const c = await splitSale(h, own, [{ productId: 'croissant', quantity: 1 }], []);
  const cPaid = await confirmWhole(h, own, c.created);
  const d = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
  await h.ok('cash:sale', { orderId: d.orderId, received: d.amount });
  const e = await splitSale(h, own, [{ productId: 'americano', quantity: 1 }], [{ card: 3_000 }]);
  await h.ok('refund:create', {
    orderId: b.created.orderId,
    request: { kind: 'amount', amount: 1_000 },
    part: 1,
    reason: '고객 변심',
  });
  await h.ok('refund:create', {
    orderId: b.created.orderId,
    request: { kind: 'amount', amount: 900 },
    part: 2,
    reason: '고객 변심',
  });
  const eEnded = await h.ok('refund:create', {
    orderId: e.created.orderId,
    request: { kind: 'full' },
    part: 1,
    reason: '주문 실수',
  });
  expect([a.order.status, b.order.status, cPaid.status, eEnded.status]).toEqual(['PAID', 'PAID', 'PAID', 'ABANDONED']);
  return { own, h, a, b, c: cPaid, d, e, day: cPaid.businessDay };
}

async function confirmWhole(h: PosHarness, own: OwnSimulator, created: Created): Promise<Order> {
  const paymentKey = await payWindow(own.sim, own.clientKey, created, CARD.approves);
  return h.ok('payment:confirm', { orderId: created.orderId, paymentKey, amount: created.amount });
}

describe('a day with split orders', () => {
  it('counts each part under its method: card and cash totals are exact, sales are the orders’ totals, refunds go to the part’s method; an order never paid in full counts nowhere', async () => {
    const { h, a, b, c, d, day } = await splitDay();
    const { figures } = await h.ok('day:view', { day });
    expect(figures.orders).toBe(4);
    expect(figures.sales).toBe(a.created.amount + b.created.amount + c.amount + d.amount);
    expect(line(figures, '카드')).toEqual({
      method: '카드',
      orders: 3,
      sales: 6_450 + 6_450 + 5_000 + c.amount,
      refunds: 1_000,
      net: 6_450 + 6_450 + 5_000 + c.amount - 1_000,
    });
    expect(line(figures, CASH_METHOD)).toEqual({
      method: CASH_METHOD,
      orders: 2,
      sales: 7_900 + d.amount,
      refunds: 900,
      net: 7_900 + d.amount - 900,
    });
    expect(figures.byMethod.reduce((sum, l) => sum + l.sales, 0)).toBe(figures.sales);
    expect(figures.refunds).toEqual({ count: 2, amount: 1_900 });
    expect(figures.byCardCompany.reduce((sum, l) => sum + l.sales, 0)).toBe(6_450 + 6_450 + 5_000 + c.amount);
    expect(figures.unsettled).toEqual({ payments: 0, refunds: 0, partlyPaid: 0 });
  });

  it('matches Toss’s transactions through the parts’ own Toss orderIds: nothing differs; a part Toss lacks, or one Toss has and the books do not, is found', async () => {
    const { own, h, a, day } = await splitDay();
    const checked = await h.ok('day:match', { day });
    if (checked.status !== 'checked') throw new Error(`not checked: ${JSON.stringify(checked)}`);
    expect(checked.mismatches).toEqual([]);
    // Approvals: A's two parts, B's card part, C, E's card part; cancels: B's card refund, E's refund.
    expect(checked.transactions).toBe(7);

    // A card part charged at Toss under an order's part id, with no part of the books (the key used elsewhere).
    const strayId = `${a.created.orderId}-p7`;
    const strayKey = await payWindow(
      own.sim,
      own.clientKey,
      { orderId: strayId, orderName: 'x', amount: 2_000 },
      CARD.approves,
    );
    await own.toss.confirm({ paymentKey: strayKey, orderId: strayId, amount: 2_000 }, 'stray-part');
    // The books drift: a part paid with a key Toss never saw.
    await h.core.orders('live').update(a.created.orderId, (o) => {
      const second = o.parts[1];
      if (second?.payment) second.payment = { ...second.payment, paymentKey: 'not-at-toss-part' };
    });
    const again = await h.ok('day:match', { day });
    if (again.status !== 'checked') throw new Error('not checked');
    const kinds = (m: Mismatch) => `${m.kind}${'what' in m ? `/${m.what}` : ''}`;
    expect(again.mismatches.map(kinds).sort()).toEqual(['orphan-charge', 'orphan-charge', 'unknown-to-toss/payment']);
    expect(again.mismatches).toContainEqual(
      expect.objectContaining({ kind: 'orphan-charge', orderId: strayId, orderKnown: true, amount: 2_000 }),
    );
    expect(again.mismatches).toContainEqual(
      expect.objectContaining({
        kind: 'unknown-to-toss',
        what: 'payment',
        orderId: a.created.orderId,
        paymentKey: 'not-at-toss-part',
        amount: 6_450,
      }),
    );
  });

  it('a partly paid order holds the day close back, saying why; paid in full, the day closes', async () => {
    const own = await startOwnSimulator();
    const h = await withLiveCore(own);
    await asManager(h);
    const { created, order } = await splitSale(h, own, [{ productId: 'americano', quantity: 2 }], [{ card: 4_000 }]);
    expect(order.status).toBe('PENDING');
    const refused = await h.fail('day:close', { day: order.businessDay });
    expect(refused).toMatchObject({ code: 'DAY_HAS_OPEN_WORK', details: { partlyPaid: 1 } });
    expect(describeError(refused, 'ko')).toBe(
      '나눠서 결제하다 남은 금액을 받지 못한 주문이 1건 있어 마감할 수 없습니다. 남은 금액을 받거나 받은 결제를 환불한 뒤 마감해 주세요.',
    );
    expect((await h.ok('sale:get', { orderId: created.orderId })).status).toBe('PENDING');
    await h.ok('cash:pay-part', { orderId: created.orderId, amount: created.amount - 4_000, received: 10_000 });
    const report = await h.ok('day:close', { day: order.businessDay });
    expect(report.figures).toMatchObject({ orders: 1, sales: created.amount });
    expect(report.reconciliation).toMatchObject({ status: 'checked', mismatches: [] });
  });

  it('history finds a split order under each of its methods, lists it as 카드+현금, totals each order once, and exports its tenders; the doctor reads its journal as it is', async () => {
    const { own, h, a, b, c, d, e, day } = await splitDay();
    const range = { from: day, to: day };
    const idsOf = async (core: PosHarness, method: string) =>
      (await core.ok('history:list', { filter: { ...range, method }, limit: 20 })).rows.map((r) => r.orderId).sort();
    const ids = (method: string) => idsOf(h, method);
    // E took a card part (given back since): it is found under 카드 too, though never paid in full.
    expect(await ids('카드')).toEqual([a.created.orderId, b.created.orderId, c.orderId, e.created.orderId].sort());
    expect(await ids(CASH_METHOD)).toEqual([b.created.orderId, d.orderId].sort());
    const rows = (await h.ok('history:list', { filter: range, limit: 20 })).rows;
    expect(rows.find((r) => r.orderId === b.created.orderId)).toMatchObject({
      method: `카드+${CASH_METHOD}`,
      status: 'partially-refunded',
      refunded: 1_900,
      approveNo: expect.stringMatching(/^\d{8}$/),
    });
    expect(rows.find((r) => r.orderId === a.created.orderId)?.method).toBe('카드');
    expect(rows.find((r) => r.orderId === e.created.orderId)).toMatchObject({ method: '카드', status: 'unpaid' });

    // Either card's approval number finds the order paid by two cards, wherever it is in history.
    for (const part of a.order.parts) {
      const search = part.payment?.approveNo ?? '';
      expect(search).toMatch(/^\d{8}$/);
      const found = await h.ok('history:list', { filter: { from: '2020-01-01', to: '2020-01-01', search }, limit: 5 });
      expect(found.rows.map((r) => r.orderId)).toEqual([a.created.orderId]);
    }

    const totals = await h.ok('history:totals', range);
    expect(totals.orders).toBe(4);
    expect(totals.paid).toBe(a.created.amount + b.created.amount + c.amount + d.amount);
    expect(totals.byMethod).toEqual(
      expect.arrayContaining([
        { method: '카드', orders: 3, paid: 6_450 + 6_450 + 5_000 + c.amount, refunded: 1_000 },
        { method: CASH_METHOD, orders: 2, paid: 7_900 + d.amount, refunded: 900 },
      ]),
    );

    const { csv } = await h.ok('history:export', { filter: range });
    const [header, ...lines] = csv.slice(1).trimEnd().split('\r\n');
    expect(header?.split(',').at(-2)).toBe('tenders');
    expect(
      lines
        .find((l) => l.startsWith(`${b.created.orderId},`))
        ?.split(',')
        .at(-2),
    ).toBe(`카드 5000-1000; ${CASH_METHOD} 7900-900`);
    expect(
      lines
        .find((l) => l.startsWith(`${c.orderId},`))
        ?.split(',')
        .at(-2),
    ).toBe('');

    // Read back from the index's files after a restart, the same.
    await h.close();
    const again = await withLiveCore(own, { dataDir: h.dataDir });
    await asManager(again);
    expect(await idsOf(again, CASH_METHOD)).toEqual([b.created.orderId, d.orderId].sort());
    expect((await again.ok('history:totals', range)).orders).toBe(4);
    const second = a.order.parts[1]?.payment?.approveNo ?? '';
    expect(
      (await again.ok('history:list', { filter: { ...range, search: second }, limit: 5 })).rows.map((r) => r.orderId),
    ).toEqual([a.created.orderId]);
    await again.close();
    expect(await mendDataDir(h.dataDir, diskIo)).toEqual([]);
  });
});
