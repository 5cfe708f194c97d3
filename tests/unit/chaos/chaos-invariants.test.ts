import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { IssuedCoupon } from '../../../shared/domain/coupons';
import { orderSchema, type Order } from '../../../shared/domain/order';
import type { RefundEntry } from '../../../shared/domain/refunds';
import { checkBooks, checkFolder, type Books, type LedgerPayment, type ViolationKind } from '../../chaos/invariants';
import { tempDir } from '../helpers/temp-dir';
import { aCardPayment, aCouponDiscount, anOrder } from '../../support/an-order';

// The chaos matrix's verdict is only as good as this checker: each rule is shown to fire.

const PAID_ID = '20261201-PAIDPAIDPAID';
const OPEN_ID = '20261201-OPENOPENOPEN';

/** An order as the journal reads one back (the schema fills in what an older line leaves out). */
function order(orderId: string, changes: Partial<z.input<typeof orderSchema>> = {}): Order {
  return orderSchema.parse({
    ...anOrder({
      orderId,
      createdAt: '2026-12-01T12:00:00+09:00',
      updatedAt: '2026-12-01T12:00:00+09:00',
      training: false,
      lines: [
        {
          productId: 'americano',
          name: '아메리카노',
          unitPrice: 4_500,
          quantity: 2,
          lineTotal: 9_000,
          discount: 1_000,
          options: [],
          memo: null,
        },
      ],
      orderName: '아메리카노 외',
      amount: 8_000,
      supplyAmount: 7_273,
      vatAmount: 727,
      discounts: [aCouponDiscount()],
    }),
    ...changes,
  });
}

function paidOrder(changes: Partial<z.input<typeof orderSchema>> = {}): Order {
  const payment = {
    ...aCardPayment('key-1', 8_000),
    approvedAt: '2026-12-01T12:00:05+09:00',
    cardNumber: null,
    approveNo: '12345678',
    issuerCode: null,
  };
  return order(PAID_ID, { status: 'PAID', payment, callNumber: 1, ...changes });
}

function refund(amount: number, transactionKey: string, changes: Partial<RefundEntry> = {}): RefundEntry {
  return {
    refundId: 'r1',
    kind: 'amount',
    amount,
    lines: [],
    reason: '고객 변심',
    approvedBy: '김토스',
    requestedAt: '2026-12-01T13:00:00+09:00',
    status: 'DONE',
    transactionKey,
    canceledAt: '2026-12-01T13:00:01+09:00',
    tossBalance: 8_000 - amount,
    failure: null,
    coupon: 'kept',
    ...changes,
  };
}

function payment(changes: Partial<LedgerPayment> = {}): LedgerPayment {
  return {
    paymentKey: 'key-1',
    orderId: PAID_ID,
    status: 'DONE',
    totalAmount: 8_000,
    balanceAmount: 8_000,
    cancels: null,
    ...changes,
  };
}

function coupon(changes: Partial<IssuedCoupon> = {}): IssuedCoupon {
  return {
    code: 'COUPON-A',
    definitionId: 'd1',
    name: '1,000원',
    batchId: 'b1',
    validFrom: '2020-01-01T00:00:00+09:00',
    validUntil: '2099-12-31T23:59:59+09:00',
    isValid: false,
    isUsed: true,
    usedAt: '2026-12-01T12:00:05+09:00',
    orderId: PAID_ID,
    reservedBy: null,
    voidedAt: null,
    state: 'used',
    ...changes,
  };
}

/** One sale paid with a coupon, and the register told of it: books that agree with Toss. */
function sound(): Books {
  return {
    payments: [payment()],
    orders: new Map([[PAID_ID, paidOrder()]]),
    coupons: [coupon()],
    told: { created: new Set([PAID_ID]), paid: new Map([[PAID_ID, 'key-1']]), refunded: [] },
  };
}

function kinds(books: Books): ViolationKind[] {
  return checkBooks(books).map((violation) => violation.kind);
}

describe('the chaos invariant checker', () => {
  it('finds nothing wrong with books that agree with Toss, refunds and a compensated attempt included', () => {
    const books = sound();
    expect(checkBooks(books)).toEqual([]);
    const refunded = paidOrder({ refunds: [refund(3_000, 'tx-1')] });
    const compensated = order(OPEN_ID, { discounts: [] });
    expect(
      checkBooks({
        ...books,
        payments: [
          payment({
            status: 'PARTIAL_CANCELED',
            balanceAmount: 5_000,
            cancels: [{ cancelAmount: 3_000, transactionKey: 'tx-1' }],
          }),
          payment({
            paymentKey: 'key-2',
            orderId: OPEN_ID,
            status: 'CANCELED',
            balanceAmount: 0,
            cancels: [{ cancelAmount: 8_000, transactionKey: 'tx-2' }],
          }),
        ],
        orders: new Map([
          [PAID_ID, refunded],
          [OPEN_ID, compensated],
        ]),
        told: {
          ...books.told,
          created: new Set([PAID_ID, OPEN_ID]),
          refunded: [{ orderId: PAID_ID, refundId: 'r1', amount: 3_000 }],
        },
      }),
    ).toEqual([]);
  });

  it('an order the register was told of that is gone, or a paid one that is no longer paid, is a lost order', () => {
    const books = sound();
    expect(kinds({ ...books, orders: new Map() })).toContain('lost-order');
    expect(
      kinds({ ...books, orders: new Map([[PAID_ID, paidOrder({ status: 'PENDING', payment: null })]]) }),
    ).toContain('lost-order');
  });

  it('money Toss holds that no paid order claims is an orphan charge; a second charge for one order is a double charge', () => {
    const books = sound();
    const open = order(OPEN_ID, { discounts: [] });
    expect(
      kinds({
        ...books,
        payments: [...books.payments, payment({ paymentKey: 'key-2', orderId: OPEN_ID })],
        orders: new Map([...books.orders, [OPEN_ID, open]]),
      }),
    ).toEqual(['orphan-charge']);
    expect(kinds({ ...books, payments: [...books.payments, payment({ paymentKey: 'key-2' })] })).toEqual([
      'double-charge',
    ]);
    // Neither charge recorded: one orphan, one more on top of it.
    expect(
      kinds({
        ...books,
        payments: [payment({ orderId: OPEN_ID }), payment({ paymentKey: 'key-2', orderId: OPEN_ID })],
        orders: new Map([[OPEN_ID, open]]),
        coupons: [],
        told: { created: new Set([OPEN_ID]), paid: new Map(), refunded: [] },
      }),
    ).toEqual(['orphan-charge', 'double-charge']);
  });

  it('a paid order needs its own approved payment of its amount at Toss, unless it was paid in cash', () => {
    const books = sound();
    expect(kinds({ ...books, payments: [] })).toEqual(['unbacked-sale']);
    const cash = paidOrder({
      payment: null,
      discounts: [],
      cash: { received: 10_000, change: 2_000, paidAt: '2026-12-01T12:00:05+09:00', cashReceipt: null },
    });
    expect(
      kinds({
        ...books,
        payments: [],
        coupons: [],
        orders: new Map([[PAID_ID, cash]]),
        told: { ...books.told, paid: new Map() },
      }),
    ).toEqual([]);
    expect(kinds({ ...books, payments: [payment({ status: 'ABORTED' })] })).toEqual(['unbacked-sale']);
    expect(kinds({ ...books, payments: [payment({ totalAmount: 9_000, balanceAmount: 9_000 })] })).toEqual([
      'amount-mismatch',
    ]);
  });

  it('refunds recorded must be Toss’s cancels, and a refund the register was told of must stay done', () => {
    const books = sound();
    // Toss cancelled (a compensation after the sale was recorded, say) and the order records no refund.
    expect(
      kinds({
        ...books,
        payments: [
          payment({ status: 'CANCELED', balanceAmount: 0, cancels: [{ cancelAmount: 8_000, transactionKey: 'tx-9' }] }),
        ],
      }),
    ).toEqual(['refund-mismatch']);
    expect(kinds({ ...books, orders: new Map([[PAID_ID, paidOrder({ refunds: [refund(3_000, 'tx-1')] })]]) })).toEqual([
      'refund-mismatch',
    ]);
    expect(
      kinds({ ...books, told: { ...books.told, refunded: [{ orderId: PAID_ID, refundId: 'r1', amount: 3_000 }] } }),
    ).toEqual(['refund-mismatch']);
  });

  it('a split order: each paid card part needs its own payment under its part orderId, for its amount; Toss money under a part the books did not record is an orphan; a part told paid must stay paid', () => {
    const card = { ...aCardPayment('key-p1', 5_000), issuerCode: null };
    const parts = (first: Partial<Order['parts'][number]> = {}): Order['parts'] => [
      {
        part: 1,
        method: 'card',
        amount: 5_000,
        tossOrderId: `${PAID_ID}-p1`,
        status: 'PAID',
        payment: card,
        cash: null,
        openedAt: '2026-12-01T12:00:00+09:00',
        endedAt: '2026-12-01T12:00:05+09:00',
        ...first,
      },
      {
        part: 2,
        method: 'cash',
        amount: 3_000,
        tossOrderId: null,
        status: 'PAID',
        payment: null,
        cash: { received: 3_000, change: 0, paidAt: '2026-12-01T12:01:00+09:00', cashReceipt: null },
        openedAt: '2026-12-01T12:01:00+09:00',
        endedAt: '2026-12-01T12:01:00+09:00',
      },
    ];
    const split = (first: Partial<Order['parts'][number]> = {}, changes: Partial<z.input<typeof orderSchema>> = {}) =>
      order(PAID_ID, { status: 'PAID', callNumber: 1, parts: parts(first), ...changes });
    const partPayment = payment({
      paymentKey: 'key-p1',
      orderId: `${PAID_ID}-p1`,
      totalAmount: 5_000,
      balanceAmount: 5_000,
    });
    const books: Books = {
      payments: [partPayment],
      orders: new Map([[PAID_ID, split()]]),
      coupons: [coupon()],
      told: {
        created: new Set([PAID_ID]),
        paid: new Map(),
        refunded: [],
        paidParts: [
          { orderId: PAID_ID, part: 1, paymentKey: 'key-p1' },
          { orderId: PAID_ID, part: 2, paymentKey: null },
        ],
      },
    };
    expect(checkBooks(books)).toEqual([]);
    expect(kinds({ ...books, payments: [] })).toEqual(['unbacked-sale']);
    expect(kinds({ ...books, payments: [{ ...partPayment, totalAmount: 6_000 }] })).toEqual(['amount-mismatch']);
    expect(kinds({ ...books, payments: [{ ...partPayment, orderId: PAID_ID }] })).toContain('unbacked-sale');
    // The parts add up to less than the PAID order.
    expect(kinds({ ...books, orders: new Map([[PAID_ID, split({ amount: 4_000 })]]) })).toContain('amount-mismatch');
    // Toss holds the part's money, and the books have the part FAILED: an orphan, and the register was told otherwise.
    expect(
      kinds({
        ...books,
        orders: new Map([[PAID_ID, split({ status: 'FAILED', payment: null }, { status: 'PENDING' })]]),
      }),
    ).toEqual(['lost-order', 'orphan-charge', 'coupon-conflict']);
    // A second charge under the part's orderId.
    expect(kinds({ ...books, payments: [partPayment, { ...partPayment, paymentKey: 'key-p1b' }] })).toEqual([
      'double-charge',
    ]);
    expect(
      kinds({
        ...books,
        orders: new Map([[PAID_ID, split({ status: 'CONFIRMING', payment: null }, { status: 'CONFIRMING' })]]),
      }),
    ).toContain('unsettled');
  });

  it('a coupon is used by its paid order only: used by an order given up, or free while its order is paid, is a conflict', () => {
    const books = sound();
    const abandoned = order(OPEN_ID, { status: 'ABANDONED' });
    expect(
      kinds({
        ...books,
        coupons: [coupon({ orderId: OPEN_ID })],
        orders: new Map([...books.orders, [OPEN_ID, abandoned]]),
      }),
    ).toEqual(['coupon-conflict', 'coupon-conflict']);
    expect(
      kinds({
        ...books,
        coupons: [coupon({ isUsed: false, isValid: true, orderId: null, usedAt: null, state: 'available' })],
      }),
    ).toEqual(['coupon-conflict']);
    expect(
      kinds({
        ...books,
        coupons: [
          coupon({ isUsed: false, orderId: null, usedAt: null, reservedBy: OPEN_ID, state: 'reserved' }),
          coupon({ code: 'COUPON-B' }),
        ],
        orders: new Map([...books.orders, [OPEN_ID, abandoned]]),
      }),
    ).toContain('coupon-conflict');
  });

  it('an order still mid-confirm, or a refund still open, after the app had time to settle is unsettled', () => {
    const books = sound();
    expect(
      kinds({
        ...books,
        orders: new Map([...books.orders, [OPEN_ID, order(OPEN_ID, { status: 'CONFIRMING', discounts: [] })]]),
      }),
    ).toEqual(['unsettled']);
    expect(
      kinds({
        ...books,
        orders: new Map([
          [PAID_ID, paidOrder({ refunds: [refund(3_000, 'tx-1', { status: 'REFUNDING', transactionKey: null })] })],
        ]),
      }),
    ).toEqual(['unsettled']);
  });

  it('reads every file in the data folder: a bad middle line or a broken document is found, a torn last line is not', async () => {
    const dir = await tempDir('chaos-folder');
    await mkdir(join(dir, 'orders', 'index'), { recursive: true });
    await mkdir(join(dir, 'coupons'));
    const line = `${JSON.stringify(paidOrder())}\n`;
    await writeFile(join(dir, 'orders', '2026-12-01.jsonl'), `${line}${line}{"orderId":"20261201-TORN`);
    await writeFile(join(dir, 'settings.json'), '{"store":{}}');
    await writeFile(join(dir, 'coupons', 'issued.jsonl'), '{"code":"COUPONAAAAAA","batchId":"cbat-0123456789ab"}\n');
    await writeFile(join(dir, '.settings.json.1a2b.tmp'), '{"half');
    expect(await checkFolder(dir)).toEqual([]);

    await writeFile(join(dir, 'orders', '2026-11-30.jsonl'), `${line}{"orderId":"20261130-TORN\n${line}`);
    await writeFile(join(dir, 'staff.json'), '{"staff": [');
    await writeFile(join(dir, 'orders', '2026-11-29.jsonl'), `${JSON.stringify({ ...paidOrder(), amount: -1 })}\n`);
    const found = await checkFolder(dir);
    expect(found.map((v) => v.kind)).toEqual(['unparsable-file', 'unparsable-file', 'unparsable-file']);
    expect(found.map((v) => v.detail).sort()).toEqual([
      expect.stringMatching(/^orders\/2026-11-29\.jsonl, line 1: /),
      expect.stringMatching(/^orders\/2026-11-30\.jsonl, line 2: /),
      expect.stringMatching(/^staff\.json: /),
    ]);
  });
});
