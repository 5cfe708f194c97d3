import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../../shared/domain/order';
import { seoulDay } from '../../../../shared/domain/time';
import { describeError } from '../../../../shared/i18n/error-messages';
import { writeLines } from '../../../../electron/core/orders/shared-store/shared-store-writes';
import { recordCashReceiptCalls } from '../../helpers/cash-receipt-calls';
import { asManager } from '../../helpers/coupons';
import { startOwnSimulator, withLiveCore, type OwnSimulator, type PosHarness } from '../../helpers/pos';
import { QUICK_REPLICATION, shopOnPostgres } from '../../helpers/shop-on-postgres';

// 현금영수증 work a register gone for good left under way, settled by a manager on another register.

const TWO_LINES = [
  { productId: 'americano', quantity: 2 },
  { productId: 'croissant', quantity: 1 },
];
const RECEIPT = { type: '소득공제', identity: '010-2345-6789' } as const;

const { freshDatabase, query, register } = shopOnPostgres('receipts_elsewhere');

/** A cash sale on `h` with a 현금영수증 asked for (issued or not, as Toss answers). */
async function cashSale(h: PosHarness): Promise<Order> {
  const order = await h.ok('sale:create', { lines: TWO_LINES });
  return h.ok('cash:sale', { orderId: order.orderId, received: order.amount, cashReceipt: RECEIPT });
}

async function rowOf(url: string, orderId: string): Promise<Order> {
  const [row] = await query<{ document: Order }>(url, 'SELECT document FROM orders WHERE order_id = $1', [orderId]);
  if (!row) throw new Error(`no row for ${orderId}`);
  return row.document;
}

/** The requests that reached Toss and were done there: issues, or cancels, of a 현금영수증. */
function atToss(own: OwnSimulator, what: 'issue' | 'cancel') {
  const path = what === 'issue' ? /^\/v1\/cash-receipts$/ : /^\/v1\/cash-receipts\/[^/]+\/cancel$/;
  return own.sim.requests().filter((r) => r.method === 'POST' && path.test(r.path) && r.status === 200);
}

function changesOf(url: string, orderId: string) {
  return query<{ version: number; applied: boolean }>(
    url,
    'SELECT version, applied_at IS NOT NULL AS applied FROM order_changes WHERE order_id = $1',
    [orderId],
  );
}

/** One of A's journal lines for the order (the newest matching `where`), replayed to the store as though later in its journal. */
async function replayOldLine(url: string, orderId: string, where: string): Promise<void> {
  const [old] = await query<{ register_id: string; business_day: string; line: Order }>(
    url,
    `SELECT register_id, business_day::text, line FROM journal_lines
      WHERE order_id = $1 AND ${where} ORDER BY line_no DESC LIMIT 1`,
    [orderId],
  );
  if (!old) throw new Error(`no line of ${orderId} where ${where}`);
  const pool = new pg.Pool({ connectionString: url });
  const client = await pool.connect();
  try {
    await writeLines(client, old.register_id, old.business_day, [{ lineNo: 900, orderId, line: old.line }]);
  } finally {
    client.release();
    await pool.end();
  }
}

describe('현금영수증 work of a register gone for good, settled from another register', () => {
  it('issues whose answer A never had: B lists them, asks Toss what it did, and records issued or refused; none is asked again', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const b = await register(own, db.url, '카운터 B');
    // Toss issues the first receipt but its answer is lost; the second request never reaches Toss's books.
    own.sim.faults.add({ route: 'cash-receipt', fault: { kind: 'reset', processed: true } });
    const issued = await cashSale(a);
    own.sim.faults.add({ route: 'cash-receipt', fault: { kind: 'reset', processed: false } });
    const never = await cashSale(a);
    expect([issued, never].map((o) => o.cash?.cashReceipt?.status)).toEqual(['ISSUING', 'ISSUING']);
    // Not open work: a receipt asked for after a refund covers only what is still paid, so that refund owes no cancel.
    const order = await a.ok('sale:create', { lines: TWO_LINES });
    await a.ok('cash:sale', { orderId: order.orderId, received: order.amount });
    await a.ok('refund:create', { orderId: order.orderId, request: { kind: 'amount', amount: 3_000 }, reason: 'x' });
    const later = await a.ok('cash:receipt', { orderId: order.orderId, request: RECEIPT });
    expect(later.cash?.cashReceipt).toMatchObject({ status: 'ISSUED', amount: order.amount - 3_000 });
    await a.core.sharedStore.flush();
    await a.close();

    const listed = await b.ok('refund:open-elsewhere', {});
    expect(listed).toEqual([
      expect.objectContaining({
        orderId: issued.orderId,
        registerName: '카운터 A',
        kind: 'cash-receipt-issue',
        refundId: null,
        amount: issued.amount,
        startedAt: issued.cash?.cashReceipt?.requestedAt,
      }),
      expect.objectContaining({ orderId: never.orderId, kind: 'cash-receipt-issue', amount: never.amount }),
    ]);
    const issuesBefore = own.sim.requests().filter((r) => r.method === 'POST' && r.path === '/v1/cash-receipts');

    // Toss cannot list the day's receipts: it cannot say what it did, so nothing is recorded yet.
    own.sim.faults.add({ route: 'lookup', fault: { kind: 'reset', processed: true }, times: 'always' });
    const before = await rowOf(db.url, issued.orderId);
    expect(await b.fail('refund:settle-elsewhere', { orderId: issued.orderId })).toMatchObject({
      code: 'TOSS_UNREACHABLE',
      retryable: true,
    });
    expect(await rowOf(db.url, issued.orderId)).toEqual(before);
    expect(await b.ok('refund:open-elsewhere', {})).toHaveLength(2);
    own.sim.faults.clear();

    const one = await b.ok('refund:settle-elsewhere', { orderId: issued.orderId });
    expect(one.cash?.cashReceipt).toMatchObject({ status: 'ISSUED', amount: issued.amount, identityDigest: null });
    expect(one.cash?.cashReceipt?.receiptKey).toEqual(expect.any(String));
    const other = await b.ok('refund:settle-elsewhere', { orderId: never.orderId });
    expect(other.cash?.cashReceipt).toMatchObject({ status: 'FAILED', receiptKey: null });
    // Toss was only asked: no issue request went out again, and it holds the one receipt it made.
    expect(own.sim.requests().filter((r) => r.method === 'POST' && r.path === '/v1/cash-receipts')).toEqual(
      issuesBefore,
    );
    const heldAtToss = await own.toss.listCashReceipts(seoulDay(new Date()));
    expect(heldAtToss.filter((r) => r.orderId === issued.orderId)).toHaveLength(1);
    expect(heldAtToss.filter((r) => r.orderId === never.orderId)).toHaveLength(0);
    expect((await rowOf(db.url, issued.orderId)).cash?.cashReceipt?.status).toBe('ISSUED');
    expect((await rowOf(db.url, never.orderId)).cash?.cashReceipt?.status).toBe('FAILED');
    expect(await b.ok('refund:open-elsewhere', {})).toEqual([]);
    // B's history shows A's sale with its receipt as Toss has it.
    expect((await b.ok('history:order', { orderId: issued.orderId })).cash?.cashReceipt?.status).toBe('ISSUED');
  });

  it('a receipt cancel A’s refund owed: refused while Toss is down (nothing changes), then sent once by B, and once only', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const sent = recordCashReceiptCalls();
    const b = await register(own, db.url, '카운터 B', { fetch: sent.fetch });
    const c = await register(own, db.url, '카운터 C');
    const sale = await cashSale(a);
    expect(sale.cash?.cashReceipt?.status).toBe('ISSUED');
    // Toss does not answer receipt cancels: A's refund is made (the cash went back), its receipt cancel left open.
    own.sim.faults.add({ route: 'cash-receipt', fault: { kind: 'reset', processed: false }, times: 'always' });
    const refunded = await a.ok('refund:create', {
      orderId: sale.orderId,
      request: { kind: 'amount', amount: 3_000 },
      reason: '부분 환불',
    });
    expect(refunded.refunds.map((r) => r.status)).toEqual(['DONE']);
    await a.core.sharedStore.flush();
    await a.close();
    expect(await b.ok('refund:open-elsewhere', {})).toEqual([
      expect.objectContaining({
        orderId: sale.orderId,
        registerName: '카운터 A',
        kind: 'cash-receipt-cancel',
        amount: 3_000,
      }),
    ]);

    // Toss still down: the manager is told so, in plain words; the store is as it was, and the work still listed.
    const before = await rowOf(db.url, sale.orderId);
    const refused = await b.fail('refund:settle-elsewhere', { orderId: sale.orderId });
    expect(refused).toMatchObject({ code: 'TOSS_UNREACHABLE', retryable: true });
    expect(describeError(refused, 'ko')).toContain('토스페이먼츠에 연결할 수 없습니다');
    expect(describeError(refused, 'en')).toContain('Cannot reach Toss Payments');
    expect(await rowOf(db.url, sale.orderId)).toEqual(before);
    expect(await changesOf(db.url, sale.orderId)).toEqual([]);
    expect((await b.ok('refund:open-elsewhere', {})).map((w) => w.kind)).toEqual(['cash-receipt-cancel']);
    expect(atToss(own, 'cancel')).toHaveLength(0);

    // Toss back: two managers settle it at once; Toss is asked to cancel once, by what was refunded.
    own.sim.faults.clear();
    const both = await Promise.all([b, c].map((h) => h.ok('refund:settle-elsewhere', { orderId: sale.orderId })));
    for (const settled of both)
      expect(settled.cash?.cashReceipt).toMatchObject({ status: 'ISSUED', canceledAmount: 3_000 });
    expect(atToss(own, 'cancel')).toHaveLength(1);
    const cancels = sent.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/cancel'));
    expect(cancels.at(-1)?.body).toMatchObject({ amount: 3_000 });
    expect((await rowOf(db.url, sale.orderId)).cash?.cashReceipt).toMatchObject({
      status: 'ISSUED',
      canceledAmount: 3_000,
    });
    expect(await b.ok('refund:open-elsewhere', {})).toEqual([]);
    expect((await b.ok('history:order', { orderId: sale.orderId })).cash?.cashReceipt?.canceledAmount).toBe(3_000);

    // Settled again: nothing is sent, and nothing in the store changes.
    const row = await rowOf(db.url, sale.orderId);
    const changes = await changesOf(db.url, sale.orderId);
    await b.ok('refund:settle-elsewhere', { orderId: sale.orderId });
    expect(atToss(own, 'cancel')).toHaveLength(1);
    expect(await rowOf(db.url, sale.orderId)).toEqual(row);
    expect(await changesOf(db.url, sale.orderId)).toEqual(changes);
  });

  it('the cash part of an order paid in parts: the cancel its refund owes is listed and settled by that part’s figures', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const b = await register(own, db.url, '카운터 B');
    const order = await a.ok('sale:create', { lines: TWO_LINES });
    const part = await a.ok('cash:pay-part', {
      orderId: order.orderId,
      amount: 5_000,
      received: 5_000,
      cashReceipt: RECEIPT,
    });
    expect(part.parts[0]?.cash?.cashReceipt).toMatchObject({ status: 'ISSUED', amount: 5_000 });
    own.sim.faults.add({ route: 'cash-receipt', fault: { kind: 'reset', processed: false }, times: 'always' });
    await a.ok('refund:create', {
      orderId: order.orderId,
      part: 1,
      request: { kind: 'amount', amount: 2_000 },
      reason: '부분 환불',
    });
    await a.core.sharedStore.flush();
    await a.close();
    own.sim.faults.clear();

    expect(await b.ok('refund:open-elsewhere', {})).toEqual([
      expect.objectContaining({ orderId: order.orderId, kind: 'cash-receipt-cancel', amount: 2_000 }),
    ]);
    const settled = await b.ok('refund:settle-elsewhere', { orderId: order.orderId });
    expect(settled.parts[0]?.cash?.cashReceipt).toMatchObject({ status: 'ISSUED', canceledAmount: 2_000 });
    expect(atToss(own, 'cancel')).toHaveLength(1);
    expect(await b.ok('refund:open-elsewhere', {})).toEqual([]);
  });

  it('A was only thought gone: its older lines never undo B’s settling, and back on its feet it takes the receipt in', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url, '카운터 A');
    const b = await register(own, db.url, '카운터 B');
    own.sim.faults.add({ route: 'cash-receipt', fault: { kind: 'reset', processed: true } });
    const pending = await cashSale(a);
    const sale = await cashSale(a);
    own.sim.faults.add({ route: 'cash-receipt', fault: { kind: 'reset', processed: false }, times: 'always' });
    await a.ok('refund:create', { orderId: sale.orderId, request: { kind: 'full' }, reason: '전체 환불' });
    await a.core.sharedStore.flush();
    await a.close();
    own.sim.faults.clear();
    await b.ok('refund:settle-elsewhere', { orderId: pending.orderId });
    await b.ok('refund:settle-elsewhere', { orderId: sale.orderId });
    expect((await rowOf(db.url, sale.orderId)).cash?.cashReceipt).toMatchObject({
      status: 'CANCELED',
      canceledAmount: sale.amount,
    });

    // A's lines from before, sent again (a cursor lost): the store keeps what B settled.
    await replayOldLine(db.url, pending.orderId, `line #>> '{cash,cashReceipt,status}' = 'ISSUING'`);
    await replayOldLine(db.url, sale.orderId, `line #>> '{cash,cashReceipt,canceledAmount}' = '0'`);
    expect((await rowOf(db.url, pending.orderId)).cash?.cashReceipt?.status).toBe('ISSUED');
    expect((await rowOf(db.url, sale.orderId)).cash?.cashReceipt).toMatchObject({
      status: 'CANCELED',
      canceledAmount: sale.amount,
    });

    // A starts again (two hours on): it takes both receipts in, asks Toss nothing more, and its next lines are the store's.
    const twoHoursOn = () => new Date(Date.now() + 2 * 60 * 60 * 1000);
    const again = await withLiveCore(own, {
      dataDir: a.dataDir,
      env: { POS_STORE_URL: db.url },
      replicationTiming: QUICK_REPLICATION,
      now: twoHoursOn,
    });
    await again.core.settled;
    await asManager(again);
    expect((await again.ok('history:order', { orderId: pending.orderId })).cash?.cashReceipt?.status).toBe('ISSUED');
    expect((await again.ok('history:order', { orderId: sale.orderId })).cash?.cashReceipt).toMatchObject({
      status: 'CANCELED',
      canceledAmount: sale.amount,
    });
    expect(atToss(own, 'cancel')).toHaveLength(1);
    // The receipt B found issued is on its way to the tax office: A, its register, watches it again.
    await again.core.settleNow();
    expect((await again.ok('history:order', { orderId: pending.orderId })).cash?.cashReceipt).toMatchObject({
      issueStatus: 'IN_PROGRESS',
      statusChecks: 1,
    });
    await again.core.sharedStore.flush();
    for (const order of [pending, sale]) {
      const [row] = await query<{ line_no: number; newest: number }>(
        db.url,
        `SELECT o.line_no, (SELECT max(line_no) FROM journal_lines j WHERE j.order_id = o.order_id AND j.line_no < 900)
                AS newest
           FROM orders o WHERE o.order_id = $1`,
        [order.orderId],
      );
      expect(row?.line_no).toBe(row?.newest);
    }
    expect((await rowOf(db.url, pending.orderId)).cash?.cashReceipt?.status).toBe('ISSUED');
    expect(
      await query(db.url, 'SELECT order_id FROM order_changes WHERE applied_at IS NULL AND order_id = ANY($1)', [
        [pending.orderId, sale.orderId],
      ]),
    ).toEqual([]);
  });
});
