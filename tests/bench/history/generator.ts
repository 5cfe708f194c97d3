import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  applyDiscounts,
  linesInScope,
  couponAmount,
  type DiscountableLine,
  type DiscountToApply,
} from '../../../electron/core/money/discount/discount-engine';
import { planRefund } from '../../../electron/core/money/refund/refund-plan';
import { orderNameFor } from '../../../electron/core/shop/catalog/pricing';
import { codeFromBytes } from '../../../shared/domain/coupon-code';
import type { CouponBenefit } from '../../../shared/domain/coupons';
import { orderSchema, type Order, type OrderLine, type PaymentRecord } from '../../../shared/domain/order';
import { REFUND_REASONS, type RefundEntry, type RefundRequest } from '../../../shared/domain/refunds';
import { BENCH_CATALOG, type BenchProduct } from './catalog';
import { addDays } from './plan';
import { Rng } from '../../support/rng';
import { WeightedPicker } from './weighted-picker';

/** The order id alphabet (electron/core/orders/order-id.ts): no I, L, O, U. */
const ID_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const OPEN_SECOND = 7 * 3600;
const CLOSE_SECOND = 22 * 3600;
/** A fixed multiplier coprime with 10^8: `seq → seq·A + B mod 10^8` gives every order its own 8-digit approval number. */
const APPROVE_A = 73_939_133;
const APPROVE_B = 12_345_679;
const CARD_BINS = ['43301234', '53651234', '94904512', '37712345', '45184211', '62104523', '51651900', '94115500'];
/** Toss card company codes the shop's customers carry (shared/domain/card-companies). */
const ISSUER_CODES = ['41', '51', '61', '11', '31', '71', '21', '91'];
const MANAGERS = ['김점장', '이매니저'];

function clock(day: string, second: number): string {
  const s = Math.min(second, 24 * 3600 - 1);
  const hh = String(Math.floor(s / 3600)).padStart(2, '0');
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return `${day}T${hh}:${mm}:${ss}+09:00`;
}

export function approveNoOf(seq: number): string {
  return String((seq * APPROVE_A + APPROVE_B) % 100_000_000).padStart(8, '0');
}

/** How many orders each business day holds, oldest first: ~1,000 a day (busier weekends), back from `today`, `orders` in all. */
export function planDays(orders: number, today: string, random: Rng): Array<{ day: string; count: number }> {
  const weekday = [0.9, 0.95, 0.95, 0.95, 1.0, 1.1, 1.15];
  const days: Array<{ day: string; count: number }> = [];
  let left = orders;
  for (let back = 0; left > 0; back += 1) {
    const day = addDays(today, -back);
    const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
    const count = Math.min(left, Math.max(1, Math.round(1000 * (weekday[dow] ?? 1) * (0.9 + 0.2 * random.next()))));
    days.push({ day, count });
    left -= count;
  }
  return days.reverse();
}

interface Coupon {
  definitionId: string;
  name: string;
  benefit: CouponBenefit;
  categoryIds: string[];
}

const COUPONS: Coupon[] = [
  {
    definitionId: 'cdef-0c0ffee10001',
    name: '신규 가입 1,000원 할인',
    benefit: { type: 'fixed', amount: 1000 },
    categoryIds: [],
  },
  {
    definitionId: 'cdef-b1d7ada10010',
    name: '생일 10% 할인 (최대 3,000원)',
    benefit: { type: 'percent', percent: 10, maxDiscount: 3000 },
    categoryIds: [],
  },
  {
    definitionId: 'cdef-bake5000000a',
    name: '베이커리 500원 할인',
    benefit: { type: 'fixed', amount: 500 },
    categoryIds: ['bakery'],
  },
];

/** What the history holds, in figures (printed with the benchmark, checked by the smoke test). */
export interface HistoryCounts {
  orders: number;
  days: number;
  paid: number;
  unpaid: number;
  training: number;
  coupon: number;
  refunded: number;
  journalBytes: number;
  journalLines: number;
}

/**
 * Builds realistic orders one at a time from a seed: 1–4 lines of a ~40-product café (popular
 * products far more often), ~10% with a coupon shared over the lines (the discount engine's own
 * allocation), ~3% refunded in part or whole (the refund planner's own amounts, DONE with Toss's
 * transactionKey), a Toss payment record (card or easy pay by card, masked number, a unique
 * approval number, receipt link), ~2% never paid, a few training orders.
 */
export class OrderFactory {
  private readonly products = new WeightedPicker<BenchProduct>(BENCH_CATALOG, (product) => product.weight);

  constructor(private readonly random: Rng) {}

  private id(day: string): string {
    return `${day.replaceAll('-', '')}-${this.random.chars(ID_ALPHABET, 12)}`;
  }

  private lines(): DiscountableLine[] {
    const roll = this.random.next();
    const count = roll < 0.45 ? 1 : roll < 0.75 ? 2 : roll < 0.92 ? 3 : 4;
    const chosen = new Map<string, BenchProduct>();
    for (let tries = 0; chosen.size < count && tries < 20; tries += 1) {
      const product = this.products.pick(this.random);
      chosen.set(product.productId, product);
    }
    return [...chosen.values()].map((product) => {
      const q = this.random.next();
      const quantity = q < 0.85 ? 1 : q < 0.97 ? 2 : 3;
      return {
        productId: product.productId,
        categoryId: product.categoryId,
        name: product.name,
        unitPrice: product.price,
        quantity,
        lineTotal: product.price * quantity,
        discount: 0,
        options: [],
        memo: null,
      };
    });
  }

  private coupon(lines: DiscountableLine[]): DiscountToApply {
    let coupon = this.random.pick(COUPONS);
    let scoped = linesInScope(lines, { categoryIds: coupon.categoryIds, productIds: [] });
    if (scoped.length === 0) {
      coupon = COUPONS[0] ?? coupon;
      scoped = lines;
    }
    const code = codeFromBytes(this.random.bytes(12));
    const chosen = coupon;
    return {
      amount: (net) => couponAmount(chosen.benefit, net),
      lineKeys: scoped.map((line) => line.productId),
      record: (amount, shares) => ({
        source: 'coupon',
        code,
        name: chosen.name,
        definitionId: chosen.definitionId,
        amount,
        shares,
      }),
    };
  }

  private payment(seq: number, day: string, approvedSecond: number, amount: number, training: boolean): PaymentRecord {
    const stamp = `${day.replaceAll('-', '')}${clock(day, approvedSecond).slice(11, 19).replaceAll(':', '')}`;
    const paymentKey = training
      ? `tsim_${this.random.chars(KEY_ALPHABET, 24)}`
      : `tviva${stamp}${this.random.chars(KEY_ALPHABET, 5)}`;
    const easyPay = this.random.chance(0.1);
    return {
      paymentKey,
      method: easyPay ? '간편결제' : '카드',
      totalAmount: amount,
      approvedAt: clock(day, approvedSecond),
      cardNumber: `${this.random.pick(CARD_BINS)}****${String(this.random.int(0, 999)).padStart(3, '0')}*`,
      approveNo: approveNoOf(seq),
      cardType: this.random.chance(0.7) ? '신용' : '체크',
      installmentPlanMonths: amount >= 50_000 && this.random.chance(0.3) ? 3 : 0,
      receiptUrl: training
        ? `http://127.0.0.1:5181/receipt/${paymentKey}`
        : `https://dashboard.tosspayments.com/receipt/redirection?transactionId=${paymentKey}&ref=PX`,
      issuerCode: this.random.pick(ISSUER_CODES),
    };
  }

  private refund(order: Order, second: number): RefundEntry {
    const roll = this.random.next();
    const lineToRefund =
      order.lines.find((line) => line.quantity > 1) ??
      (order.lines.length > 1 ? order.lines[this.random.int(0, order.lines.length - 1)] : undefined);
    let request: RefundRequest;
    if (roll < 0.4 || order.amount < 1000) request = { kind: 'full' };
    else if (roll < 0.7 && lineToRefund)
      request = { kind: 'lines', lines: [{ lineKey: lineToRefund.productId, quantity: 1 }] };
    else
      request = {
        kind: 'amount',
        amount: Math.max(100, Math.floor((order.amount * this.random.int(10, 50)) / 100 / 100) * 100),
      };
    const plan = planRefund(order, request);
    const couponHeld = order.discounts.some((discount) => discount.source === 'coupon');
    return {
      refundId: 'r1',
      kind: request.kind,
      amount: plan.amount,
      lines: plan.lines,
      reason: this.random.pick(REFUND_REASONS),
      approvedBy: this.random.pick(MANAGERS),
      requestedAt: clock(order.businessDay, second),
      status: 'DONE',
      transactionKey: this.random.chars('0123456789abcdef', 32),
      canceledAt: clock(order.businessDay, second + 1),
      tossBalance: plan.balanceAfter,
      failure: null,
      coupon: couponHeld ? (request.kind === 'full' ? 'restored' : 'kept') : 'none',
    };
  }

  /**
   * Order number `seq` of the history (its approval number comes from it), created on `day` at
   * `second` (of the Seoul day). `paid` forces a plain paid sale (the benchmark's commits).
   */
  order(seq: number, day: string, second: number, callNumber: number, options: { plainPaid?: boolean } = {}): Order {
    const plain = options.plainPaid === true;
    const lines = this.lines();
    const withCoupon = !plain && this.random.chance(0.1);
    const priced = applyDiscounts(lines, withCoupon ? [this.coupon(lines)] : []);
    const orderLines: OrderLine[] = priced.lines.map(({ categoryId: _category, ...line }) => line);
    const training = !plain && this.random.chance(0.003);
    const statusRoll = plain ? 1 : this.random.next();
    const status = statusRoll < 0.01 ? 'PENDING' : statusRoll < 0.02 ? 'ABANDONED' : 'PAID';
    const createdAt = clock(day, second);
    const approvedSecond = second + this.random.int(15, 60);
    const order: Order = {
      orderId: this.id(day),
      businessDay: day,
      createdAt,
      updatedAt: createdAt,
      training,
      lines: orderLines,
      orderName: orderNameFor(orderLines),
      amount: priced.amount,
      supplyAmount: priced.supplyAmount,
      vatAmount: priced.vatAmount,
      status,
      attempts: [],
      payment: null,
      cash: null,
      parts: [],
      callNumber: null,
      discounts: priced.discounts,
      memo: null,
      refunds: [],
    };
    const key = () => `tviva${day.replaceAll('-', '')}${this.random.chars(KEY_ALPHABET, 11)}`;
    if (status === 'PAID') {
      const payment = this.payment(seq, day, approvedSecond, order.amount, training);
      order.payment = payment;
      order.attempts = [
        {
          paymentKey: payment.paymentKey,
          startedAt: clock(day, second + 5),
          outcome: 'APPROVED',
          endedAt: payment.approvedAt,
        },
      ];
      order.updatedAt = payment.approvedAt;
      order.callNumber = callNumber;
      if (!plain && !training && this.random.chance(0.03)) {
        const refund = this.refund(order, approvedSecond + this.random.int(300, 3600));
        order.refunds = [refund];
        order.updatedAt = refund.canceledAt ?? order.updatedAt;
      }
    } else if (status === 'ABANDONED' || this.random.chance(0.5)) {
      order.attempts = [
        {
          paymentKey: key(),
          startedAt: clock(day, second + 5),
          outcome: 'FAILED',
          endedAt: clock(day, approvedSecond),
          code: 'REJECT_CARD_COMPANY',
          message: '카드사에서 결제를 거절했습니다.',
        },
      ];
      order.updatedAt = clock(day, approvedSecond);
    }
    return order;
  }
}

/**
 * The journal lines the app writes for an order, oldest first: created (PENDING), the confirm
 * under way (CONFIRMING) when a payment was tried, its outcome; a refund as REFUNDING then its
 * settled state, which come later in the day (`later`). The last line is the order itself.
 */
export function lifecycle(order: Order): { now: Order[]; later: Order[] } {
  const created: Order = {
    ...order,
    status: 'PENDING',
    updatedAt: order.createdAt,
    attempts: [],
    payment: null,
    callNumber: null,
    refunds: [],
  };
  const [attempt] = order.attempts;
  if (attempt === undefined) return { now: [order], later: [] };
  const confirming: Order = {
    ...created,
    status: 'CONFIRMING',
    updatedAt: attempt.startedAt,
    attempts: [{ paymentKey: attempt.paymentKey, startedAt: attempt.startedAt, outcome: 'CONFIRMING' }],
  };
  const [refund] = order.refunds;
  if (refund === undefined) return { now: [created, confirming, order], later: [] };
  const paid: Order = { ...order, refunds: [], updatedAt: order.payment?.approvedAt ?? order.updatedAt };
  const refunding: Order = {
    ...order,
    updatedAt: refund.requestedAt,
    refunds: [
      { ...refund, status: 'REFUNDING', transactionKey: null, canceledAt: null, tossBalance: null, coupon: null },
    ],
  };
  return { now: [created, confirming, paid], later: [refunding, order] };
}

/** Where generated days go: the day journals, the SQLite baseline. Called once per day, oldest first. */
export interface HistorySink {
  /** A day's orders in their final state, each with its JSON. */
  day(day: string, orders: readonly Order[], json: readonly string[]): void | Promise<void>;
}

/**
 * The inputs the measured queries use, chosen while generating: ids of old (cold) days, approval
 * numbers over all history; and as many others of each, which warm the lookups up untimed.
 */
export interface Probes {
  oldIds: string[];
  approvals: string[];
  warmIds: string[];
  warmApprovals: string[];
}

export interface GeneratedHistory {
  today: string;
  oldest: string;
  counts: HistoryCounts;
  probes: Probes;
}

export const HISTORY_SEED = 20_261_128;
/**
 * Lookups made before each lookup op, of other orders, and printed apart (`… warm-up`): the first
 * few hundred calls of a path run before V8 has optimised it (SQLite's code is compiled already),
 * and with 1,000 calls the 10 slowest are the p99.
 */
export const WARM_UPS = 200;

/** Sorted random seconds of the business day (07:00–22:00): the journal is in creation order. */
function secondsOfDay(random: Rng, count: number): Int32Array {
  const seconds = new Int32Array(count);
  for (let i = 0; i < count; i += 1) seconds[i] = random.int(OPEN_SECOND, CLOSE_SECOND - 1);
  return seconds.sort();
}

/**
 * Generates `orders` orders day by day (oldest first) and hands each day to the sinks, so only one
 * day (~1,000 orders) is ever in memory. Writes the day journals under `dataDir/orders` as the app
 * writes them (each order's lifecycle, see `lifecycle`; buffered, no fsync), after removing any index there.
 */
export async function generateHistory(options: {
  dataDir: string;
  orders: number;
  today: string;
  sinks?: HistorySink[];
  probeCount?: number;
  /** Checks every order with the store's schema (slow at millions; the smoke test does it). */
  validate?: boolean;
}): Promise<GeneratedHistory> {
  const random = new Rng(HISTORY_SEED);
  const pickProbes = new Rng(HISTORY_SEED + 7);
  // Its own stream: the measured probes are the ones earlier runs measured.
  const pickWarm = new Rng(HISTORY_SEED + 11);
  const factory = new OrderFactory(random);
  const days = planDays(options.orders, options.today, random);
  const ordersDir = join(options.dataDir, 'orders');
  await mkdir(ordersDir, { recursive: true, mode: 0o700 });
  await rm(join(ordersDir, 'index'), { recursive: true, force: true });

  // Old ids come from days outside the last 40 (colder than any cache), when the history has them.
  const probeCount = options.probeCount ?? 100;
  const oldDays = days.length > 40 ? days.length - 40 : days.length;
  const wantId = new Map<number, Set<number>>();
  const wantApproval = new Map<number, Set<number>>();
  const wantWarmId = new Map<number, Set<number>>();
  const wantWarmApproval = new Map<number, Set<number>>();
  const want = (into: Map<number, Set<number>>, dayCount: number, pick = pickProbes) => {
    const dayIndex = pick.int(0, dayCount - 1);
    const position = pick.int(0, (days[dayIndex]?.count ?? 1) - 1);
    const set = into.get(dayIndex) ?? new Set<number>();
    set.add(position);
    into.set(dayIndex, set);
  };
  for (let i = 0; i < probeCount; i += 1) want(wantId, oldDays);
  // More candidates than needed: an unpaid order has no approval number.
  for (let i = 0; i < probeCount * 2; i += 1) want(wantApproval, days.length);
  for (let i = 0; i < WARM_UPS; i += 1) want(wantWarmId, oldDays, pickWarm);
  for (let i = 0; i < WARM_UPS * 2; i += 1) want(wantWarmApproval, days.length, pickWarm);

  const counts: HistoryCounts = {
    orders: 0,
    days: days.length,
    paid: 0,
    unpaid: 0,
    training: 0,
    coupon: 0,
    refunded: 0,
    journalBytes: 0,
    journalLines: 0,
  };
  const probes: Probes = { oldIds: [], approvals: [], warmIds: [], warmApprovals: [] };
  let seq = 0;
  for (const [dayIndex, { day, count }] of days.entries()) {
    const seconds = secondsOfDay(random, count);
    const orders: Order[] = [];
    const finals: string[] = [];
    const lines: string[] = [];
    const laterLines: string[] = [];
    const write = (into: string[], states: readonly Order[]) => {
      for (const state of states) {
        if (options.validate) orderSchema.parse(state);
        into.push(`${JSON.stringify(state)}\n`);
      }
    };
    let callNumber = 0;
    for (let i = 0; i < count; i += 1) {
      const order = factory.order(seq, day, seconds[i] ?? OPEN_SECOND, callNumber + 1);
      seq += 1;
      if (order.status === 'PAID') callNumber += 1;
      const { now, later } = lifecycle(order);
      write(lines, now);
      write(laterLines, later);
      orders.push(order);
      finals.push(JSON.stringify(order));
      counts.orders += 1;
      if (order.status === 'PAID') counts.paid += 1;
      else counts.unpaid += 1;
      if (order.training) counts.training += 1;
      if (order.discounts.length > 0) counts.coupon += 1;
      if (order.refunds.length > 0) counts.refunded += 1;
      if (wantId.get(dayIndex)?.has(i)) probes.oldIds.push(order.orderId);
      if (wantApproval.get(dayIndex)?.has(i) && order.payment?.approveNo)
        probes.approvals.push(order.payment.approveNo);
      const measured = wantId.get(dayIndex)?.has(i) === true || wantApproval.get(dayIndex)?.has(i) === true;
      if (!measured && wantWarmId.get(dayIndex)?.has(i)) probes.warmIds.push(order.orderId);
      if (!measured && wantWarmApproval.get(dayIndex)?.has(i) && order.payment?.approveNo)
        probes.warmApprovals.push(order.payment.approveNo);
    }
    const text = lines.join('') + laterLines.join('');
    counts.journalBytes += Buffer.byteLength(text);
    counts.journalLines += lines.length + laterLines.length;
    await writeFile(join(ordersDir, `${day}.jsonl`), text, { mode: 0o600 });
    for (const sink of options.sinks ?? []) await sink.day(day, orders, finals);
  }
  shuffle(probes.oldIds, pickProbes);
  shuffle(probes.approvals, pickProbes);
  probes.approvals.length = Math.min(probes.approvals.length, probeCount);
  probes.warmApprovals.length = Math.min(probes.warmApprovals.length, WARM_UPS);
  return { today: options.today, oldest: days[0]?.day ?? options.today, counts, probes };
}

function shuffle<T>(items: T[], random: Rng): void {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    const a = items[i] as T;
    items[i] = items[j] as T;
    items[j] = a;
  }
}

/** The benchmark's commits: plain paid sales on `today` after the history's last, the same for both stores. */
export function commitOrders(count: number, firstSeq: number, today: string): Order[] {
  const factory = new OrderFactory(new Rng(HISTORY_SEED + 1));
  return Array.from({ length: count }, (_, i) =>
    factory.order(firstSeq + i, today, 23 * 3600 + i, 5000 + i, { plainPaid: true }),
  );
}
