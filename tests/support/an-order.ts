import type { Order, OrderDiscount, PaymentRecord, SoldOption } from '../../shared/domain/order';

let made = 0;

/** An id of the order id's form (the business day, then 12 characters), new each time: no Node module, so the renderer's tests can build orders too. */
export function anOrderId(businessDay: string): string {
  made += 1;
  return `${businessDay.replaceAll('-', '')}-${String(made).padStart(12, '0')}`;
}

/**
 * One order as the book stores it: two americanos, open, rung up in training on the day given.
 * Each test says only what differs from it.
 */
export function anOrder(changes: Partial<Order> = {}, businessDay = changes.businessDay ?? '2026-12-01'): Order {
  return {
    orderId: anOrderId(businessDay),
    businessDay,
    createdAt: `${businessDay}T10:00:00+09:00`,
    updatedAt: `${businessDay}T10:00:00+09:00`,
    training: true,
    lines: [
      {
        productId: 'americano',
        name: '아메리카노',
        unitPrice: 4_500,
        quantity: 2,
        lineTotal: 9_000,
        discount: 0,
        options: [],
        memo: null,
      },
    ],
    orderName: '아메리카노',
    amount: 9_000,
    supplyAmount: 8_182,
    vatAmount: 818,
    status: 'PENDING',
    attempts: [],
    payment: null,
    cash: null,
    parts: [],
    callNumber: null,
    discounts: [],
    memo: null,
    refunds: [],
    ...changes,
  };
}

/** One americano at 4,500 won (named `name`): what an order of a single line changes from anOrder's two. */
export function oneAmericano(
  name = '아메리카노',
): Pick<Order, 'lines' | 'orderName' | 'amount' | 'supplyAmount' | 'vatAmount'> {
  return {
    lines: [
      {
        productId: 'americano',
        name,
        unitPrice: 4_500,
        quantity: 1,
        lineTotal: 4_500,
        discount: 0,
        options: [],
        memo: null,
      },
    ],
    orderName: name,
    amount: 4_500,
    supplyAmount: 4_091,
    vatAmount: 409,
  };
}

/** The demo café's usual coffee (a plain "아메리카노" from a request that names no option): hot, regular. */
export const HOT_REGULAR: SoldOption[] = [
  { groupId: 'temperature', optionId: 'hot', name: 'HOT', count: 1, unitPrice: 0 },
  { groupId: 'size', optionId: 'size-r', name: '레귤러', count: 1, unitPrice: 0 },
];

/** A 1,000-won coupon on the order's americanos. */
export function aCouponDiscount(code = 'COUPON-A'): OrderDiscount {
  return {
    source: 'coupon',
    code,
    name: '1,000원',
    definitionId: 'd1',
    amount: 1_000,
    shares: [{ lineKey: 'americano', amount: 1_000 }],
  };
}

/** Toss's approval of a card payment, as the order keeps it. */
export function aCardPayment(paymentKey: string, totalAmount = 9_000): PaymentRecord {
  return {
    paymentKey,
    method: '카드',
    totalAmount,
    approvedAt: '2026-12-01T10:01:00+09:00',
    cardNumber: '4330****1234',
    approveNo: '00000001',
    cardType: '신용',
    installmentPlanMonths: 0,
    receiptUrl: null,
    issuerCode: '11',
  };
}
