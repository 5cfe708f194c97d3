import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cashReceiptIdentityKind, changeFor, maskCashReceiptIdentity } from '../../../../shared/domain/cash';
import { REFUSED_IDENTITY } from '../../../../electron/training/cash-receipts';
import { asManager } from '../../helpers/coupons';
import { withCore, type PosHarness } from '../../helpers/pos';

const PHONE = '010-2345-6789';
const LINES = [
  { productId: 'americano', quantity: 2 },
  { productId: 'croissant', quantity: 1 },
];

async function ringUp(h: PosHarness) {
  return h.ok('sale:create', { lines: LINES });
}

function cashReceiptCalls(h: PosHarness) {
  return h.sim.requests().filter((r) => r.path.startsWith('/v1/cash-receipts'));
}

/** Every file in the data folder, as text: to prove what is (not) kept. */
async function folderText(dir: string): Promise<string> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const texts = await Promise.all(
    entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name), 'utf8')),
  );
  return texts.join('\n');
}

async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > 10_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('a 현금영수증 identity number', () => {
  it('is told apart by form: a mobile number, a 사업자등록번호 whose check digit holds, a card number; anything else is refused', () => {
    expect(cashReceiptIdentityKind('010-1234-5678')).toBe('phone');
    expect(cashReceiptIdentityKind('0111234567')).toBe('phone');
    expect(cashReceiptIdentityKind('123-45-67891')).toBe('business');
    expect(cashReceiptIdentityKind('123-45-67890')).toBeNull();
    expect(cashReceiptIdentityKind('1234 5678 9012 345678')).toBe('card');
    expect(cashReceiptIdentityKind('02-123-4567')).toBeNull();
    expect(cashReceiptIdentityKind('abc')).toBeNull();
    expect(cashReceiptIdentityKind('')).toBeNull();
  });

  it('is masked to its last four digits wherever it is shown (the business number keeps its office and type part)', () => {
    expect(maskCashReceiptIdentity('010-1234-5678')).toBe('010-****-5678');
    expect(maskCashReceiptIdentity('1234567891')).toBe('123-45-*****');
    expect(maskCashReceiptIdentity('123456789012345678')).toBe('****-****-****-**56-78');
  });

  it('change is what was handed over less the amount; short cash has none', () => {
    expect(changeFor(12_900, 20_000)).toBe(7_100);
    expect(changeFor(12_900, 12_900)).toBe(0);
    expect(changeFor(12_900, 12_899)).toBeNull();
  });
});

describe('a cash sale', () => {
  it('is recorded PAID with the change, a call number, and nothing sent to Toss', async () => {
    const h = await withCore();
    const order = await ringUp(h);
    const paid = await h.ok('cash:sale', { orderId: order.orderId, received: 20_000 });
    expect(paid).toMatchObject({
      status: 'PAID',
      payment: null,
      callNumber: 1,
      cash: { received: 20_000, change: 20_000 - order.amount, cashReceipt: null },
    });
    expect(h.sim.requests().filter((r) => r.path.startsWith('/v1/'))).toEqual([]);
    expect((await h.ok('history:order', { orderId: order.orderId }).catch(() => null)) ?? 'manager only').toBeTruthy();
  });

  it('short cash is refused in words and the order stays payable, nothing written', async () => {
    const h = await withCore();
    const order = await ringUp(h);
    const before = await folderText(h.dataDir);
    expect(await h.fail('cash:sale', { orderId: order.orderId, received: order.amount - 1 })).toMatchObject({
      code: 'CASH_NOT_ENOUGH',
    });
    expect(await folderText(h.dataDir)).toBe(before);
    expect((await h.ok('sale:get', { orderId: order.orderId })).status).toBe('PENDING');
  });

  it('a double press records one sale; another tender for the paid order is refused', async () => {
    const h = await withCore();
    const order = await ringUp(h);
    const [first, second] = await Promise.all([
      h.ok('cash:sale', { orderId: order.orderId, received: 50_000 }),
      h.ok('cash:sale', { orderId: order.orderId, received: 50_000 }),
    ]);
    expect(second).toEqual(first);
    expect((await h.fail('cash:sale', { orderId: order.orderId, received: 20_000 })).code).toBe('ORDER_ALREADY_PAID');
  });

  it('an order whose card payment is being confirmed cannot also be paid in cash', async () => {
    const h = await withCore();
    const order = await ringUp(h);
    h.sim.faults.add({ route: 'any', times: 'always', fault: { kind: 'reset', processed: false } });
    const { payWindow, CARD } = await import('../../helpers/toss-window');
    const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
    expect((await h.fail('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount })).code).toBe(
      'TOSS_UNREACHABLE',
    );
    expect(await h.fail('cash:sale', { orderId: order.orderId, received: 20_000 })).toMatchObject({
      code: 'PAYMENT_IN_FLIGHT',
      retryable: true,
    });
  });
});

describe('the 현금영수증 of a cash sale', () => {
  it('is issued through Toss on request; the order keeps the number masked and the full number is nowhere in the data folder', async () => {
    const h = await withCore();
    const order = await ringUp(h);
    const paid = await h.ok('cash:sale', {
      orderId: order.orderId,
      received: 15_000,
      cashReceipt: { type: '소득공제', identity: PHONE },
    });
    expect(paid.cash?.cashReceipt).toMatchObject({
      status: 'ISSUED',
      type: '소득공제',
      identityMasked: '010-****-6789',
      issueNumber: expect.stringMatching(/^\d{9}$/),
      receiptKey: expect.any(String),
    });
    expect(cashReceiptCalls(h)).toEqual([
      expect.objectContaining({ method: 'POST', status: 200, orderId: order.orderId }),
    ]);
    const kept = await folderText(h.dataDir);
    expect(kept).toContain('010-****-6789');
    // The training simulator's own ledger (Toss's side) lives in the folder too, and keeps it masked as well.
    expect(kept).not.toContain('01023456789');
  });

  it('refused by Toss: the sale stands, the order says why, and it can be issued again with a corrected number', async () => {
    const h = await withCore();
    const order = await ringUp(h);
    const paid = await h.ok('cash:sale', {
      orderId: order.orderId,
      received: order.amount,
      cashReceipt: { type: '소득공제', identity: REFUSED_IDENTITY },
    });
    expect(paid.status).toBe('PAID');
    expect(paid.cash?.cashReceipt).toMatchObject({ status: 'FAILED', failure: { code: 'INVALID_REQUEST' } });
    const again = await h.ok('cash:receipt', {
      orderId: order.orderId,
      request: { type: '지출증빙', identity: '123-45-67891' },
    });
    expect(again.cash?.cashReceipt).toMatchObject({
      status: 'ISSUED',
      type: '지출증빙',
      identityMasked: '123-45-*****',
    });
    expect(
      await h.fail('cash:receipt', { orderId: order.orderId, request: { type: '소득공제', identity: PHONE } }),
    ).toMatchObject({
      code: 'CASH_RECEIPT_ALREADY_ISSUED',
      details: { type: '지출증빙', identity: '123-45-*****' },
    });
  });

  it('answer lost on the way back: left ISSUING, and asking again replays the same request, so Toss issues one receipt', async () => {
    const h = await withCore();
    const order = await ringUp(h);
    h.sim.faults.add({ route: 'cash-receipt', fault: { kind: 'reset', processed: true } });
    const paid = await h.ok('cash:sale', {
      orderId: order.orderId,
      received: order.amount,
      cashReceipt: { type: '소득공제', identity: PHONE },
    });
    expect(paid.cash?.cashReceipt?.status).toBe('ISSUING');
    const settled = await h.ok('cash:receipt', {
      orderId: order.orderId,
      request: { type: '소득공제', identity: PHONE },
    });
    expect(settled.cash?.cashReceipt?.status).toBe('ISSUED');
    const keys = cashReceiptCalls(h).map((r) => r.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(new Set(keys).size).toBe(1);
  });

  it('a mistyped number never reaches main: the contract refuses it', async () => {
    const h = await withCore();
    const order = await ringUp(h);
    expect(
      (
        await h.fail('cash:sale', {
          orderId: order.orderId,
          received: 20_000,
          cashReceipt: { type: '소득공제', identity: '123' },
        })
      ).code,
    ).toBe('INVALID_INPUT');
    expect((await h.ok('sale:get', { orderId: order.orderId })).status).toBe('PENDING');
  });
});

describe('refunding a cash sale', () => {
  it('goes through the refund ledger without Toss, and cancels its 현금영수증 by what was refunded, partly then wholly', async () => {
    const h = await withCore({ settleTiming: { sweepMs: 60_000, firstRetryMs: 50, maxRetryMs: 200 } });
    const order = await ringUp(h);
    await h.ok('cash:sale', {
      orderId: order.orderId,
      received: 20_000,
      cashReceipt: { type: '소득공제', identity: PHONE },
    });
    await asManager(h);
    const partly = await h.ok('refund:create', {
      orderId: order.orderId,
      request: { kind: 'amount', amount: 3_000 },
      reason: 'x',
    });
    expect(partly.refunds).toEqual([expect.objectContaining({ status: 'DONE', amount: 3_000, transactionKey: null })]);
    expect(h.sim.requests().filter((r) => r.path.startsWith('/v1/payments'))).toEqual([]);
    await until(
      'the receipt to be cancelled by 3,000 won',
      async () => (await h.ok('sale:get', { orderId: order.orderId })).cash?.cashReceipt?.canceledAmount === 3_000,
    );

    // Toss is down for the rest: the refund is done at the counter, the receipt follows once Toss is back.
    h.sim.faults.add({ route: 'cash-receipt', times: 2, fault: { kind: 'answer', status: 503, processed: false } });
    await h.ok('refund:create', { orderId: order.orderId, request: { kind: 'full' }, reason: 'x' });
    await until(
      'the receipt to be cancelled in full',
      async () => (await h.ok('sale:get', { orderId: order.orderId })).cash?.cashReceipt?.status === 'CANCELED',
    );
    expect((await h.ok('sale:get', { orderId: order.orderId })).cash?.cashReceipt?.canceledAmount).toBe(order.amount);
  });
});
