import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diskIo } from '../../../electron/core/platform/disk/file-io';
import { JournalOrderBook } from '../../../electron/core/orders/journal-order-book';
import { OrderLifecycle, newOrder, ownOrder } from '../../../electron/core/orders/order-lifecycle';
import { OrderLocks } from '../../../electron/core/orders/order-locks';
import type { Order } from '../../../shared/domain/order';
import type { CashReceipt } from '../../../shared/domain/cash';
import { orderTimeline } from '../../../shared/domain/order-timeline';
import { paidBy, refundedBy } from '../../../shared/domain/paid-by';
import { aCardPayment, aCouponDiscount, anOrder } from '../../support/an-order';
import { tempDir } from '../helpers/temp-dir';

const AT = '2026-12-01T10:05:00+09:00';

function aCashReceipt(): CashReceipt {
  return {
    type: '소득공제',
    identityMasked: '010****5678',
    status: 'ISSUED',
    receiptKey: 'rk-1',
    issueNumber: '000000001',
    receiptUrl: null,
    canceledAmount: 0,
    failure: null,
    requestedAt: AT,
    requestId: 'cr-1',
    amount: 9_000,
    identityDigest: null,
    issueStatus: 'IN_PROGRESS',
    statusCheckedAt: null,
    statusChecks: 0,
    selfIssued: false,
  };
}

async function aBook(...orders: Order[]) {
  const book = new JournalOrderBook(await tempDir(), diskIo);
  for (const order of orders) await book.insert(order);
  const locks = new OrderLocks();
  return { book, locks, lifecycle: new OrderLifecycle(book, locks) };
}

describe('an order’s life', () => {
  it('refuses a step taken without the order’s lock, and the stored order stays as it was', async () => {
    const order = anOrder();
    const { book, locks, lifecycle } = await aBook(order);
    await expect(lifecycle.startAttempt(order.orderId, 'pk-1', AT)).rejects.toThrow(
      `order ${order.orderId} changed without holding its lock`,
    );
    // Another order's lock is not this one's.
    const other = anOrder();
    await book.insert(other);
    await expect(locks.run(other.orderId, () => lifecycle.abandon(order.orderId, AT))).rejects.toThrow(
      'without holding its lock',
    );
    expect(await book.get(order.orderId)).toEqual(order);
  });

  it('keeps the lock through awaits inside the task, and lets go of it after', async () => {
    const locks = new OrderLocks();
    const seen = await locks.run('o-1', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return [locks.heldHere('o-1'), locks.heldHere('o-2')];
    });
    expect(seen).toEqual([true, false]);
    expect(locks.heldHere('o-1')).toBe(false);
  });

  it('starts a card attempt as CONFIRMING, and an approval makes it PAID with the payment and the day’s first 대기번호', async () => {
    const order = anOrder();
    const { locks, lifecycle } = await aBook(order);
    const started = await locks.run(order.orderId, () => lifecycle.startAttempt(order.orderId, 'pk-1', AT));
    expect(started).toMatchObject({
      status: 'CONFIRMING',
      updatedAt: AT,
      attempts: [{ paymentKey: 'pk-1', startedAt: AT, outcome: 'CONFIRMING' }],
    });
    const later = '2026-12-01T10:06:00+09:00';
    const paid = await locks.run(order.orderId, () =>
      lifecycle.endAttempt(order.orderId, 'pk-1', later, { outcome: 'APPROVED', payment: aCardPayment('pk-1') }),
    );
    expect(paid).toMatchObject({
      status: 'PAID',
      updatedAt: later,
      callNumber: 1,
      payment: { paymentKey: 'pk-1' },
      attempts: [{ paymentKey: 'pk-1', outcome: 'APPROVED', endedAt: later }],
    });
  });

  it('opens a declined order again: PENDING, or ABANDONED when it holds a coupon (the next Pay checks the coupon again)', async () => {
    const plain = anOrder();
    const withCoupon = anOrder({ discounts: [aCouponDiscount()], amount: 8_000 });
    const { locks, lifecycle } = await aBook(plain, withCoupon);
    const decline = async (order: Order) =>
      locks.run(order.orderId, async () => {
        await lifecycle.startAttempt(order.orderId, 'pk-9', AT);
        return lifecycle.endAttempt(order.orderId, 'pk-9', AT, {
          outcome: 'FAILED',
          code: 'REJECT_CARD_COMPANY',
          message: '카드사 거절',
        });
      });
    expect(await decline(plain)).toMatchObject({
      status: 'PENDING',
      payment: null,
      callNumber: null,
      attempts: [{ outcome: 'FAILED', code: 'REJECT_CARD_COMPANY', message: '카드사 거절' }],
    });
    expect((await decline(withCoupon)).status).toBe('ABANDONED');
  });

  it('takes a sale Toss shows cancelled by our compensation off the books: no payment, the attempt COMPENSATED', async () => {
    const order = anOrder({
      status: 'PAID',
      payment: aCardPayment('pk-1'),
      attempts: [{ paymentKey: 'pk-1', startedAt: AT, outcome: 'APPROVED' }],
    });
    const { locks, lifecycle } = await aBook(order);
    const off = await locks.run(order.orderId, () => lifecycle.takeOff(order.orderId, 'pk-1', AT, 'not recorded'));
    expect(off).toMatchObject({
      status: 'PENDING',
      payment: null,
      attempts: [{ outcome: 'COMPENSATED', code: 'COMPENSATED', message: 'not recorded', endedAt: AT }],
    });
  });

  it('pays in cash or by discounts with a 대기번호 each, in the order they were paid', async () => {
    const cash = anOrder();
    const free = anOrder({ amount: 0 });
    const { locks, lifecycle } = await aBook(cash, free);
    const tender = { received: 10_000, change: 1_000, paidAt: AT, cashReceipt: null };
    expect(await locks.run(cash.orderId, () => lifecycle.paidInCash(cash.orderId, tender))).toMatchObject({
      status: 'PAID',
      cash: tender,
      callNumber: 1,
      updatedAt: AT,
    });
    expect(await locks.run(free.orderId, () => lifecycle.paidByDiscounts(free.orderId, AT))).toMatchObject({
      status: 'PAID',
      callNumber: 2,
      payment: null,
      cash: null,
    });
  });

  it('journals a refund and then how it ended, on the refund of that id only', async () => {
    const order = anOrder({ status: 'PAID', payment: aCardPayment('pk-1') });
    const { locks, lifecycle } = await aBook(order);
    const entry = {
      refundId: 'r1',
      kind: 'full' as const,
      amount: 9_000,
      lines: [],
      reason: '단순 변심',
      approvedBy: '점장',
      requestedAt: AT,
      status: 'REFUNDING' as const,
      transactionKey: null,
      canceledAt: null,
      tossBalance: null,
      failure: null,
      coupon: null,
    };
    const ended = await locks.run(order.orderId, async () => {
      await lifecycle.startRefund(order.orderId, entry);
      return lifecycle.endRefund(order.orderId, 'r1', '2026-12-01T10:07:00+09:00', {
        status: 'DONE',
        transactionKey: 'tx-1',
        tossBalance: 0,
        coupon: 'none',
      });
    });
    expect(ended.status).toBe('PAID');
    expect(ended.refunds).toEqual([
      { ...entry, status: 'DONE', transactionKey: 'tx-1', tossBalance: 0, coupon: 'none' },
    ]);
    expect(ended.updatedAt).toBe('2026-12-01T10:07:00+09:00');
  });

  it('ends the attempt of the paymentKey it names, not the order’s last one, and keeps no code or message it was not given', async () => {
    const order = anOrder({
      status: 'CONFIRMING',
      attempts: [
        { paymentKey: 'pk-1', startedAt: AT, outcome: 'CONFIRMING' },
        { paymentKey: 'pk-2', startedAt: AT, outcome: 'FAILED', endedAt: AT, code: 'REJECT_CARD_COMPANY' },
      ],
    });
    const { locks, lifecycle } = await aBook(order);
    const ended = await locks.run(order.orderId, () =>
      lifecycle.endAttempt(order.orderId, 'pk-1', AT, { outcome: 'FAILED' }),
    );
    expect(ended.attempts).toStrictEqual([
      { paymentKey: 'pk-1', startedAt: AT, outcome: 'FAILED', endedAt: AT },
      order.attempts[1],
    ]);
    const off = await locks.run(order.orderId, () => lifecycle.takeOff(order.orderId, 'pk-1', AT, 'not recorded'));
    expect(off.attempts[1]).toStrictEqual(order.attempts[1]);
    expect(off.attempts[0]).toMatchObject({ outcome: 'COMPENSATED', message: 'not recorded' });
  });

  it('ends the refund of the id it names, not the order’s first one', async () => {
    const first = {
      refundId: 'r1',
      kind: 'amount' as const,
      amount: 4_500,
      lines: [],
      reason: '단순 변심',
      approvedBy: '점장',
      requestedAt: AT,
      status: 'DONE' as const,
      transactionKey: 'tx-1',
      canceledAt: AT,
      tossBalance: 4_500,
      failure: null,
      coupon: 'none' as const,
    };
    const order = anOrder({ status: 'PAID', payment: aCardPayment('pk-1'), refunds: [first] });
    const { locks, lifecycle } = await aBook(order);
    const ended = await locks.run(order.orderId, async () => {
      await lifecycle.startRefund(order.orderId, {
        ...first,
        refundId: 'r2',
        status: 'REFUNDING',
        transactionKey: null,
        canceledAt: null,
        tossBalance: null,
        coupon: null,
      });
      return lifecycle.endRefund(order.orderId, 'r2', AT, {
        status: 'FAILED',
        failure: { code: 'NOT_CANCELABLE', message: '취소 불가' },
      });
    });
    expect(ended.refunds[0]).toEqual(first);
    expect(ended.refunds[1]).toMatchObject({ refundId: 'r2', status: 'FAILED', failure: { code: 'NOT_CANCELABLE' } });
  });

  it('changes no attempt, refund or receipt the order does not hold', async () => {
    const card = anOrder({ status: 'PAID', payment: aCardPayment('pk-1') });
    const { locks, lifecycle } = await aBook(card);
    const step = <T>(task: () => Promise<T>) => locks.run(card.orderId, task);
    expect((await step(() => lifecycle.endAttempt(card.orderId, 'pk-9', AT, { outcome: 'FAILED' }))).attempts).toEqual(
      [],
    );
    expect((await step(() => lifecycle.takeOff(card.orderId, 'pk-9', AT, 'gone'))).attempts).toEqual([]);
    expect((await step(() => lifecycle.endRefund(card.orderId, 'r9', AT, { status: 'DONE' }))).refunds).toEqual([]);
    const receipt = aCashReceipt();
    expect((await step(() => lifecycle.recordCashReceipt(card.orderId, AT, receipt))).cash).toBeNull();
    expect(
      (await step(() => lifecycle.cashReceiptCancelRefused(card.orderId, { code: 'X', message: 'x' }))).cash,
    ).toBeNull();
    expect((await step(() => lifecycle.cashReceiptCanceled(card.orderId, AT, 9_000, () => 9_000))).cash).toBeNull();
  });

  it('records a cash sale’s 현금영수증, Toss’s refusal to cancel it, and how much of it is cancelled', async () => {
    const tender = { received: 10_000, change: 1_000, paidAt: AT, cashReceipt: null };
    const order = anOrder({ status: 'PAID', cash: tender });
    const { locks, lifecycle } = await aBook(order);
    const step = <T>(task: () => Promise<T>) => locks.run(order.orderId, task);
    // No receipt yet: a cancel has nothing to change.
    expect((await step(() => lifecycle.cashReceiptCanceled(order.orderId, AT, 9_000, () => 9_000))).cash).toEqual(
      tender,
    );
    const receipt = aCashReceipt();
    expect((await step(() => lifecycle.recordCashReceipt(order.orderId, AT, receipt))).cash?.cashReceipt).toEqual(
      receipt,
    );
    const refused = await step(() =>
      lifecycle.cashReceiptCancelRefused(order.orderId, { code: 'ALREADY_CANCELED', message: '이미 취소' }),
    );
    expect(refused.cash?.cashReceipt?.failure).toEqual({ code: 'ALREADY_CANCELED', message: '이미 취소' });
    const part = await step(() => lifecycle.cashReceiptCanceled(order.orderId, AT, 4_000, () => 9_000));
    expect(part.cash?.cashReceipt).toMatchObject({ canceledAmount: 4_000, status: 'ISSUED' });
    const whole = await step(() => lifecycle.cashReceiptCanceled(order.orderId, AT, 9_000, () => 9_000));
    expect(whole.cash?.cashReceipt).toMatchObject({ canceledAmount: 9_000, status: 'CANCELED' });
  });

  it('gives up an open order', async () => {
    const order = anOrder();
    const { locks, lifecycle } = await aBook(order);
    expect(await locks.run(order.orderId, () => lifecycle.abandon(order.orderId, AT))).toMatchObject({
      status: 'ABANDONED',
      updatedAt: AT,
    });
  });

  it('pays an order in parts: a card part under its own Toss orderId, PAID or FAILED by its attempt; the order PAID with a 대기번호 only once the parts add up', async () => {
    const order = anOrder({ discounts: [aCouponDiscount()] });
    const { locks, lifecycle } = await aBook(order);
    const step = (change: () => Promise<Order>) => locks.run(order.orderId, change);
    const opened = await step(() => lifecycle.openCardPart(order.orderId, 4_000, AT));
    expect(opened.parts).toEqual([
      {
        part: 1,
        method: 'card',
        amount: 4_000,
        tossOrderId: `${order.orderId}-p1`,
        status: 'OPEN',
        payment: null,
        cash: null,
        openedAt: AT,
        endedAt: null,
      },
    ]);
    const confirming = await step(() => lifecycle.startAttempt(order.orderId, 'pk-1', AT, 1));
    expect(confirming).toMatchObject({ status: 'CONFIRMING', attempts: [{ part: 1, paymentKey: 'pk-1' }] });
    expect(confirming.parts[0]?.status).toBe('CONFIRMING');
    const paidPart = await step(() =>
      lifecycle.endAttempt(order.orderId, 'pk-1', AT, { outcome: 'APPROVED', payment: aCardPayment('pk-1', 4_000) }),
    );
    // One part paid of 9,000: the order stays open, no 대기번호, no payment of its own.
    expect(paidPart).toMatchObject({ status: 'PENDING', callNumber: null, payment: null });
    expect(paidPart.parts[0]).toMatchObject({ status: 'PAID', payment: { paymentKey: 'pk-1' }, endedAt: AT });

    await step(() => lifecycle.openCardPart(order.orderId, 3_000, AT));
    await step(() => lifecycle.startAttempt(order.orderId, 'pk-2', AT, 2));
    const declined = await step(() =>
      lifecycle.endAttempt(order.orderId, 'pk-2', AT, { outcome: 'FAILED', code: 'REJECT_CARD_PAYMENT' }),
    );
    // A declined part never gives up the order, coupon or not: its paid part stands.
    expect(declined.status).toBe('PENDING');
    expect(declined.parts.map((p) => p.status)).toEqual(['PAID', 'FAILED']);
    // An attempt ended again (a late answer) leaves the part as it ended.
    const again = await step(() =>
      lifecycle.endAttempt(order.orderId, 'pk-2', AT, { outcome: 'APPROVED', payment: aCardPayment('pk-2', 3_000) }),
    );
    expect(again.parts[1]).toMatchObject({ status: 'FAILED', payment: null });

    await step(() => lifecycle.openCardPart(order.orderId, 1_000, AT));
    const dropped = await step(() => lifecycle.dropPart(order.orderId, 3, AT));
    expect(dropped.parts[2]).toMatchObject({ status: 'FAILED', endedAt: AT });

    const cash = { received: 5_000, change: 0, paidAt: AT, cashReceipt: null };
    const paid = await step(() => lifecycle.paidPartInCash(order.orderId, 5_000, cash));
    expect(paid).toMatchObject({ status: 'PAID', callNumber: 1, cash: null });
    expect(paid.parts[3]).toMatchObject({
      part: 4,
      method: 'cash',
      amount: 5_000,
      status: 'PAID',
      cash,
      tossOrderId: null,
    });
    expect(paidBy(paid)).toBe('split');
    expect(orderTimeline(paid).find((e) => e.kind === 'paid')).toEqual({
      kind: 'paid',
      at: AT,
      amount: 9_000,
      by: 'split',
    });
    // A cash part's 현금영수증 is kept on that part.
    const withReceipt = await step(() => lifecycle.recordCashReceipt(order.orderId, AT, aCashReceipt()));
    expect(withReceipt.parts[3]?.cash?.cashReceipt).toEqual(aCashReceipt());

    // Compensation found later takes the card part off: FAILED, and the order open again.
    const takenOff = await step(() => lifecycle.takeOff(order.orderId, 'pk-1', AT, 'compensated'));
    expect(takenOff).toMatchObject({ status: 'PENDING', callNumber: 1 });
    expect(takenOff.parts[0]).toMatchObject({ status: 'FAILED', payment: null });
  });

  it('ends a partly paid order ABANDONED once refunds gave back all its parts took; an abandoned order’s open part goes with it', async () => {
    const order = anOrder();
    const { locks, lifecycle } = await aBook(order);
    const step = (change: () => Promise<Order>) => locks.run(order.orderId, change);
    await step(() =>
      lifecycle.paidPartInCash(order.orderId, 2_000, { received: 2_000, change: 0, paidAt: AT, cashReceipt: null }),
    );
    const refund = {
      refundId: 'r1',
      kind: 'full' as const,
      amount: 2_000,
      lines: [],
      reason: 'x',
      approvedBy: '김토스',
      requestedAt: AT,
      status: 'REFUNDING' as const,
      transactionKey: null,
      canceledAt: null,
      tossBalance: null,
      failure: null,
      coupon: null,
      part: 1,
    };
    await step(() => lifecycle.startRefund(order.orderId, refund));
    const failed = await step(() => lifecycle.endRefund(order.orderId, 'r1', AT, { status: 'FAILED' }));
    expect(failed.status).toBe('PENDING');
    await step(() => lifecycle.startRefund(order.orderId, { ...refund, refundId: 'r2' }));
    const ended = await step(() => lifecycle.endRefund(order.orderId, 'r2', AT, { status: 'DONE' }));
    expect(ended.status).toBe('ABANDONED');
    expect(refundedBy(ended, { part: 1 })).toBe('cash');

    const other = anOrder();
    const { locks: otherLocks, lifecycle: otherLife } = await aBook(other);
    await otherLocks.run(other.orderId, () => otherLife.openCardPart(other.orderId, 4_000, AT));
    const abandoned = await otherLocks.run(other.orderId, () => otherLife.abandon(other.orderId, AT));
    expect(abandoned.parts[0]).toMatchObject({ status: 'FAILED', endedAt: AT });
  });

  it('opens every new order PENDING with nothing paid, tried or refunded, and stores it', async () => {
    const { status, attempts, payment, cash, callNumber, refunds, ...fields } = anOrder({ status: 'PAID' });
    expect({ status, attempts, payment, cash, callNumber, refunds }).toMatchObject({ status: 'PAID' });
    const opened = {
      ...fields,
      status: 'PENDING',
      attempts: [],
      payment: null,
      cash: null,
      callNumber: null,
      refunds: [],
    };
    expect(newOrder(fields)).toEqual(opened);
    const { book, lifecycle } = await aBook();
    expect(await lifecycle.open(fields)).toEqual(opened);
    expect(await book.get(fields.orderId)).toEqual(opened);
  });

  it('finds an order only in the mode it was rung up in', () => {
    const order = anOrder({ training: false });
    expect(ownOrder(order, order.orderId, false)).toBe(order);
    expect(() => ownOrder(order, order.orderId, true)).toThrow(
      expect.objectContaining({
        code: 'ORDER_WRONG_MODE',
        message: `order ${order.orderId} was rung up in the other mode`,
      }),
    );
    expect(() => ownOrder(null, 'o-missing', false)).toThrow(expect.objectContaining({ code: 'ORDER_NOT_FOUND' }));
  });
});

/** Every .ts file under a folder. */
async function sourcesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => join(e.parentPath, e.name));
}

describe('the one place an order changes', () => {
  it('no core file but the lifecycle sets an order’s status, stores a new order or changes a stored one', async () => {
    const core = join(import.meta.dirname, '../../../electron/core');
    // The following book (stock, the number board) passes the lifecycle's own writes through unchanged, then follows them.
    const allowed = new Set([
      'orders/order-lifecycle.ts',
      'orders/journal-order-book.ts',
      'orders/order-book.ts',
      'orders/following-book.ts',
      // The lifecycle's own step (takeRefundsFrom) applies it inside its change.
      'orders/refunds-from-elsewhere.ts',
      // Reads a status in SQL (`o.status = 'CONFIRMING'`): it sets none.
      'orders/shared-store/shared-order-store.ts',
    ]);
    const strays: string[] = [];
    for (const file of await sourcesIn(core)) {
      const name = relative(core, file);
      if (allowed.has(name)) continue;
      const text = await readFile(file, 'utf8');
      if (
        /\b(orders|book)\.(update|insert)\(|\.status = '(PENDING|CONFIRMING|PAID|ABANDONED)'|status: '(PENDING|CONFIRMING|PAID|ABANDONED)'/.test(
          text,
        )
      )
        strays.push(name);
    }
    expect(strays).toEqual([]);
  });
});
