import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../../shared/domain/order';
import { describeError } from '../../../../shared/i18n/error-messages';
import { writeLines } from '../../../../electron/core/orders/shared-store/shared-store-writes';
import { onCleanup } from '../../helpers/cleanup';
import { startOwnSimulator, withLiveCore, type OwnSimulator, type PosHarness } from '../../helpers/pos';
import { QUICK_REPLICATION, shopOnPostgres } from '../../helpers/shop-on-postgres';
import { CARD, payWindow } from '../../helpers/toss-window';
import { hostPortOf, startTcpProxy } from '../../../support/tcp-proxy';

const { freshDatabase, query, register } = shopOnPostgres('refunds');
const TWO_LINES = [
  { productId: 'americano', quantity: 2 },
  { productId: 'croissant', quantity: 1 },
];

/** A card sale on `h`, on the store once its outbox has sent it. */
async function cardSale(h: PosHarness, lines = TWO_LINES): Promise<Order> {
  const order = await h.ok('sale:create', { lines });
  const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
  const paid = await h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
  await h.core.sharedStore.flush();
  return paid;
}

function cancelsAtToss(own: OwnSimulator) {
  return own.sim
    .requests()
    .filter((r) => r.method === 'POST' && /^\/v1\/payments\/[^/]+\/cancel$/.test(r.path) && r.status === 200);
}

async function rowOf(url: string, orderId: string): Promise<Order> {
  const [row] = await query<{ document: Order }>(url, 'SELECT document FROM orders WHERE order_id = $1', [orderId]);
  if (!row) throw new Error(`no row for ${orderId}`);
  return row.document;
}

function refundsOf(order: Order) {
  return order.refunds.map((r) => ({ refundId: r.refundId, status: r.status, amount: r.amount }));
}

/**
 * Toss does the cancel (or the confirm) but its answer is lost, and the payment cannot be read back while `on`:
 * to the register the refund's outcome is unknown (as if it died between Toss and its write).
 */
function answersLost() {
  const lost = { on: true };
  const wrapped: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!lost.on || !url.includes('/v1/payments/')) return fetch(input, init);
    if (init?.method === 'POST') await fetch(input, init);
    throw new TypeError('fetch failed');
  };
  return { lost, fetch: wrapped };
}

describe('refunds across registers on the shared store', () => {
  it('a manager on B refunds part of A’s card sale, then the rest; A takes both into its books and figures', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const b = await register(own, db.url, '카운터 B');
    const sale = await cardSale(a);

    const preview = await b.ok('refund:preview', { orderId: sale.orderId, request: { kind: 'amount', amount: 2_000 } });
    expect(preview).toMatchObject({ amount: 2_000, balanceAfter: sale.amount - 2_000 });
    const part = await b.ok('refund:create', {
      orderId: sale.orderId,
      request: { kind: 'amount', amount: 2_000 },
      reason: '한 잔 취소',
    });
    expect(refundsOf(part)).toEqual([{ refundId: 'r1', status: 'DONE', amount: 2_000 }]);
    // The store has it at once, before A hears of it.
    expect(refundsOf(await rowOf(db.url, sale.orderId))).toEqual(refundsOf(part));

    const rest = await b.ok('refund:create', { orderId: sale.orderId, request: { kind: 'full' }, reason: '전체 취소' });
    expect(refundsOf(rest)).toEqual([
      { refundId: 'r1', status: 'DONE', amount: 2_000 },
      { refundId: 'r2', status: 'DONE', amount: sale.amount - 2_000 },
    ]);
    expect((await own.toss.getPayment(sale.payment?.paymentKey ?? '')).status).toBe('CANCELED');
    expect(cancelsAtToss(own)).toHaveLength(2);
    // Nothing is left to give back, whichever register asks.
    expect(
      (await b.fail('refund:create', { orderId: sale.orderId, request: { kind: 'full' }, reason: 'x' })).code,
    ).toBe('REFUND_NOTHING_LEFT');

    // A learns of it on its own, within seconds: its history and its day's figures show both refunds.
    await expect
      .poll(async () => refundsOf(await a.ok('history:order', { orderId: sale.orderId })), { timeout: 30_000 })
      .toEqual(refundsOf(rest));
    const totals = await a.ok('history:totals', { from: sale.businessDay, to: sale.businessDay });
    expect(totals).toMatchObject({ orders: 1, paid: sale.amount, refunded: sale.amount });
    expect(
      (await a.fail('refund:create', { orderId: sale.orderId, request: { kind: 'full' }, reason: 'x' })).code,
    ).toBe('REFUND_NOTHING_LEFT');
    // A's line that took them in reaches the store and keeps them; nothing is waiting to be taken in again.
    await a.core.sharedStore.flush();
    expect(refundsOf(await rowOf(db.url, sale.orderId))).toEqual(refundsOf(rest));
    expect(
      await query(db.url, 'SELECT order_id FROM order_changes WHERE applied_at IS NULL AND order_id = $1', [
        sale.orderId,
      ]),
    ).toEqual([]);
    // B's history shows A's sale as the shop has it: refunded in full, under A's name.
    const atB = await b.ok('history:order', { orderId: sale.orderId });
    expect(refundsOf(atB)).toEqual(refundsOf(rest));
    expect(atB.registerName).toBe('카운터 A');
  });

  it('B refunds part of A’s cash sale: its 현금영수증 is cancelled by that much, and A’s books follow', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const b = await register(own, db.url, '카운터 B');
    const order = await a.ok('sale:create', { lines: TWO_LINES });
    const paid = await a.ok('cash:sale', {
      orderId: order.orderId,
      received: order.amount,
      cashReceipt: { type: '소득공제', identity: '010-2345-6789' },
    });
    expect(paid.cash?.cashReceipt?.status).toBe('ISSUED');
    await a.core.sharedStore.flush();

    const refunded = await b.ok('refund:create', {
      orderId: order.orderId,
      request: { kind: 'amount', amount: 3_000 },
      reason: '부분 환불',
    });
    expect(refundsOf(refunded)).toEqual([{ refundId: 'r1', status: 'DONE', amount: 3_000 }]);
    const receiptCancels = () =>
      own.sim.requests().filter((r) => r.method === 'POST' && /^\/v1\/cash-receipts\/[^/]+\/cancel$/.test(r.path));
    expect(receiptCancels()).toHaveLength(1);
    // The store has the receipt as it stands after the cancel, and so does A once it has taken the refund in.
    expect((await rowOf(db.url, order.orderId)).cash?.cashReceipt).toMatchObject({
      status: 'ISSUED',
      canceledAmount: 3_000,
    });
    await a.core.settleNow();
    const atA = await a.ok('history:order', { orderId: order.orderId });
    expect(refundsOf(atA)).toEqual(refundsOf(refunded));
    expect(atA.cash?.cashReceipt).toMatchObject({ status: 'ISSUED', canceledAmount: 3_000 });
    // No card went through Toss, and A asks for no second receipt cancel.
    expect(cancelsAtToss(own)).toHaveLength(0);
    expect(receiptCancels()).toHaveLength(1);
  });

  it('A’s lines from before B’s refund, sent again, never move the store’s order back', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const b = await register(own, db.url, '카운터 B');
    const sale = await cardSale(a);
    await b.ok('refund:create', { orderId: sale.orderId, request: { kind: 'full' }, reason: 'x' });

    // A's PAID line, replayed as though later in its journal (an outbox that had not sent it, a cursor lost).
    const [paidLine] = await query<{ register_id: string; business_day: string; line: Order }>(
      db.url,
      `SELECT register_id, business_day::text, line FROM journal_lines
        WHERE order_id = $1 AND line->>'status' = 'PAID' ORDER BY line_no DESC LIMIT 1`,
      [sale.orderId],
    );
    if (!paidLine) throw new Error('no PAID line');
    const pool = new pg.Pool({ connectionString: db.url });
    const client = await pool.connect();
    try {
      await writeLines(client, paidLine.register_id, paidLine.business_day, [
        { lineNo: 900, orderId: sale.orderId, line: paidLine.line },
      ]);
    } finally {
      client.release();
      await pool.end();
    }
    expect(refundsOf(await rowOf(db.url, sale.orderId))).toEqual([
      { refundId: 'r1', status: 'DONE', amount: sale.amount },
    ]);
    // The replayed line was never taken as the order; once A has taken the refund in, its own next line is.
    await a.core.settleNow();
    await a.core.sharedStore.flush();
    const [row] = await query<{ line_no: number; newest: number }>(
      db.url,
      `SELECT o.line_no, (SELECT max(line_no) FROM journal_lines j WHERE j.order_id = o.order_id AND j.line_no < 900)
              AS newest
         FROM orders o WHERE o.order_id = $1`,
      [sale.orderId],
    );
    expect(row?.line_no).toBe(row?.newest);
    expect(refundsOf(await rowOf(db.url, sale.orderId))).toEqual([
      { refundId: 'r1', status: 'DONE', amount: sale.amount },
    ]);
  });

  it('A and B refund one order at once: one refund is made, the other refused, Toss asked for one cancel', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const b = await register(own, db.url, '카운터 B');
    for (let round = 0; round < 3; round += 1) {
      const sale = await cardSale(a);
      const before = cancelsAtToss(own).length;
      const results = await Promise.all(
        [a, b].map((h) =>
          h.call('refund:create', { orderId: sale.orderId, request: { kind: 'full' }, reason: '동시 환불' }),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      const refused = results.find((r) => !r.ok);
      expect(refused?.ok === false && refused.error.code).toBe('REFUND_NOTHING_LEFT');
      expect(cancelsAtToss(own).length - before).toBe(1);
      expect(refundsOf(await rowOf(db.url, sale.orderId))).toEqual([
        { refundId: 'r1', status: 'DONE', amount: sale.amount },
      ]);
    }
  });

  it('a refund waiting on another register’s refund of the same order is refused after a while, asking to try again', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const b = await register(own, db.url, '카운터 B');
    const sale = await cardSale(a);
    // Another register holds the row (its Toss slow to answer).
    const holder = new pg.Client({ connectionString: db.url });
    await holder.connect();
    onCleanup(() => holder.end());
    await holder.query('BEGIN');
    await holder.query('SELECT 1 FROM orders WHERE order_id = $1 FOR UPDATE', [sale.orderId]);
    const refused = await b.fail('refund:create', { orderId: sale.orderId, request: { kind: 'full' }, reason: 'x' });
    expect(refused).toMatchObject({ code: 'REFUND_IN_FLIGHT', retryable: true });
    expect(cancelsAtToss(own)).toHaveLength(0);
    await holder.query('ROLLBACK');
    expect(
      refundsOf(await b.ok('refund:create', { orderId: sale.orderId, request: { kind: 'full' }, reason: 'x' })),
    ).toEqual([{ refundId: 'r1', status: 'DONE', amount: sale.amount }]);
  });

  it('B’s refund whose answer it never got is settled when B starts again: the cancel is made once', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const faulty = answersLost();
    const b = await register(own, db.url, '카운터 B', { fetch: faulty.fetch });
    const sale = await cardSale(a);

    const unknown = await b.fail('refund:create', { orderId: sale.orderId, request: { kind: 'full' }, reason: 'x' });
    expect(unknown.code).toBe('TOSS_UNREACHABLE');
    expect(cancelsAtToss(own)).toHaveLength(1);
    // The store shows the refund under way, so no register gives the money back again meanwhile.
    expect(refundsOf(await rowOf(db.url, sale.orderId))).toEqual([
      { refundId: 'r1', status: 'REFUNDING', amount: sale.amount },
    ]);
    await b.close();

    const again = await withLiveCore(own, {
      dataDir: b.dataDir,
      env: { POS_STORE_URL: db.url },
      replicationTiming: QUICK_REPLICATION,
    });
    await again.core.settled;
    expect(refundsOf(await rowOf(db.url, sale.orderId))).toEqual([
      { refundId: 'r1', status: 'DONE', amount: sale.amount },
    ]);
    expect(cancelsAtToss(own)).toHaveLength(1);
    await a.core.settleNow();
    expect(refundsOf(await a.ok('history:order', { orderId: sale.orderId }))).toEqual([
      { refundId: 'r1', status: 'DONE', amount: sale.amount },
    ]);
    expect(
      (await a.fail('refund:create', { orderId: sale.orderId, request: { kind: 'full' }, reason: 'x' })).code,
    ).toBe('REFUND_NOTHING_LEFT');
    expect(cancelsAtToss(own)).toHaveLength(1);
  });

  it('the store lost between Toss’s answer and B’s write: B’s own journal has the refund, and B tells the store once it is back', async () => {
    const db = await freshDatabase();
    const { host, port } = hostPortOf(db.url);
    const proxy = await startTcpProxy(host, port);
    onCleanup(() => proxy.close());
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const cutAfterCancel: typeof fetch = async (input, init) => {
      const answer = await fetch(input, init);
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (init?.method === 'POST' && url.endsWith('/cancel')) proxy.cut();
      return answer;
    };
    const b = await register(own, proxy.url(db.url), '카운터 B', { fetch: cutAfterCancel });
    const sale = await cardSale(a);

    // The manager is told the refund is made: it is, at Toss and in B's journal.
    const refunded = await b.ok('refund:create', { orderId: sale.orderId, request: { kind: 'full' }, reason: 'x' });
    expect(refundsOf(refunded)).toEqual([{ refundId: 'r1', status: 'DONE', amount: sale.amount }]);
    expect(refundsOf(await rowOf(db.url, sale.orderId))).toEqual([]);
    await b.close();

    proxy.restore();
    const again = await withLiveCore(own, {
      dataDir: b.dataDir,
      env: { POS_STORE_URL: proxy.url(db.url) },
      replicationTiming: QUICK_REPLICATION,
    });
    await again.core.settled;
    expect(refundsOf(await rowOf(db.url, sale.orderId))).toEqual(refundsOf(refunded));
    expect(cancelsAtToss(own)).toHaveLength(1);
    await a.core.settleNow();
    expect(refundsOf(await a.ok('history:order', { orderId: sale.orderId }))).toEqual(refundsOf(refunded));
  });

  it('a register refunding an order whose refund another register left under way settles that one first, never a second cancel', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const faulty = answersLost();
    const b = await register(own, db.url, '카운터 B', { fetch: faulty.fetch });
    const sale = await cardSale(a);
    expect(
      (await b.fail('refund:create', { orderId: sale.orderId, request: { kind: 'full' }, reason: 'x' })).code,
    ).toBe('TOSS_UNREACHABLE');
    // A asks Toss about B's refund by its key, finds it made, records it, and has nothing left to give back.
    expect(
      (await a.fail('refund:create', { orderId: sale.orderId, request: { kind: 'full' }, reason: 'x' })).code,
    ).toBe('REFUND_NOTHING_LEFT');
    expect(refundsOf(await a.ok('history:order', { orderId: sale.orderId }))).toEqual([
      { refundId: 'r1', status: 'DONE', amount: sale.amount },
    ]);
    expect(refundsOf(await rowOf(db.url, sale.orderId))).toEqual([
      { refundId: 'r1', status: 'DONE', amount: sale.amount },
    ]);
    // B, back on its feet, finds it settled: its copy follows, and it is not open work any more.
    faulty.lost.on = false;
    await b.core.settleNow();
    expect(cancelsAtToss(own)).toHaveLength(1);
    expect(await a.ok('refund:open-elsewhere', {})).toEqual([]);
  });

  it('with the store down, another register’s sale is refused in plain words and this register’s own is refunded', async () => {
    const db = await freshDatabase();
    const { host, port } = hostPortOf(db.url);
    const proxy = await startTcpProxy(host, port);
    onCleanup(() => proxy.close());
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const b = await register(own, proxy.url(db.url), '카운터 B');
    const theirs = await cardSale(a);
    const mine = await cardSale(b);
    proxy.cut();

    const refused = await b.fail('refund:create', { orderId: theirs.orderId, request: { kind: 'full' }, reason: 'x' });
    expect(refused.code).toBe('REFUND_STORE_OFFLINE');
    expect(describeError(refused, 'ko')).toContain('다른 계산대의 주문은 환불할 수 없습니다');
    expect(describeError(refused, 'en')).toContain('an order from another register cannot be refunded');
    const refunded = await b.ok('refund:create', { orderId: mine.orderId, request: { kind: 'full' }, reason: 'x' });
    expect(refundsOf(refunded)).toEqual([{ refundId: 'r1', status: 'DONE', amount: mine.amount }]);
    expect(cancelsAtToss(own)).toHaveLength(1);

    // Back: the outbox brings B's own refund to the store.
    proxy.restore();
    await expect
      .poll(
        async () => {
          await b.core.sharedStore.flush();
          return refundsOf(await rowOf(db.url, mine.orderId));
        },
        { timeout: 30_000 },
      )
      .toEqual(refundsOf(refunded));
  });

  it('a refund left under way by a register gone for good is settled by a manager on another one', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const faulty = answersLost();
    const a = await register(own, db.url, '카운터 A', { fetch: faulty.fetch });
    const b = await register(own, db.url, '카운터 B');
    faulty.lost.on = false;
    const sale = await cardSale(a);
    faulty.lost.on = true;
    expect(
      (await a.fail('refund:create', { orderId: sale.orderId, request: { kind: 'full' }, reason: 'x' })).code,
    ).toBe('TOSS_UNREACHABLE');
    await a.core.sharedStore.flush();
    // A is gone for good (its machine broke): B's manager sees the refund it left open.
    await a.close();
    expect(await b.ok('refund:open-elsewhere', {})).toEqual([
      expect.objectContaining({
        orderId: sale.orderId,
        registerName: '카운터 A',
        kind: 'refund',
        refundId: 'r1',
        amount: sale.amount,
      }),
    ]);
    const settled = await b.ok('refund:settle-elsewhere', { orderId: sale.orderId });
    expect(refundsOf(settled)).toEqual([{ refundId: 'r1', status: 'DONE', amount: sale.amount }]);
    // Toss had made it: it is recorded, never sent a second time.
    expect(cancelsAtToss(own)).toHaveLength(1);
    expect(refundsOf(await rowOf(db.url, sale.orderId))).toEqual(refundsOf(settled));
    expect(await b.ok('refund:open-elsewhere', {})).toEqual([]);
  });

  it('a card confirm left open by a register gone for good is settled on another one: paid, as Toss says', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const faulty = answersLost();
    const a = await register(own, db.url, '카운터 A', { fetch: faulty.fetch });
    const b = await register(own, db.url, '카운터 B');
    const order = await a.ok('sale:create', { lines: TWO_LINES });
    const paymentKey = await payWindow(a.sim, a.clientKey, order, CARD.approves);
    // Toss approves the confirm, but its answer never reaches A, nor can A read the payment back.
    expect((await a.fail('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount })).code).toBe(
      'TOSS_UNREACHABLE',
    );
    await a.core.sharedStore.flush();
    await a.close();
    expect((await rowOf(db.url, order.orderId)).status).toBe('CONFIRMING');

    expect(await b.ok('refund:open-elsewhere', {})).toEqual([
      expect.objectContaining({
        orderId: order.orderId,
        registerName: '카운터 A',
        kind: 'confirm',
        amount: order.amount,
      }),
    ]);
    const settled = await b.ok('refund:settle-elsewhere', { orderId: order.orderId });
    expect(settled.status).toBe('PAID');
    expect(settled.payment?.paymentKey).toBe(paymentKey);
    // Toss had approved it once: asked again, it answered with that approval, and charged nothing more.
    expect((await own.toss.getPayment(paymentKey)).totalAmount).toBe(order.amount);
    expect((await rowOf(db.url, order.orderId)).status).toBe('PAID');
    expect(await b.ok('refund:open-elsewhere', {})).toEqual([]);
    // Now it is a sale like any other: a manager on B refunds it.
    const refunded = await b.ok('refund:create', { orderId: order.orderId, request: { kind: 'full' }, reason: 'x' });
    expect(refundsOf(refunded)).toEqual([{ refundId: 'r1', status: 'DONE', amount: order.amount }]);
  });
});
