import type { CrashPointName } from '../../electron/core/platform/chaos/crash-points';
import type { Fault, FaultRule } from '../../electron/training/faults';
import { CARD } from '../unit/helpers/toss-window';
import type { Rng } from '../support/rng';

/** How long the app waits for Toss in a chaos run: short, so a fault past it costs a second, not a minute. */
export const TOSS_TIMEOUT_MS = 1_000;

/** A fault for one payment's calls (the paymentKey is filled in once the window has paid). */
export type PaymentFault = Omit<FaultRule, 'paymentKey' | 'orderId'>;

/** One tender of a split sale: a card part paid with this card (a fault on its confirm, perhaps), or a cash part. */
export type SplitTender = { method: 'card'; card: string; fault?: PaymentFault } | { method: 'cash' };

export interface SaleStep {
  lines: Array<{ productId: string; quantity: number }>;
  coupon: boolean;
  card: string;
  /** Pay double-clicked: two confirms at once. */
  doublePress: boolean;
  fault?: PaymentFault;
  /**
   * Paid in parts (split evenly, the remainder on the last): card parts through their own
   * windows and confirms, a cash part at the counter. A declined card part has the rest paid in cash.
   */
  split?: SplitTender[];
}

export interface RefundStep {
  /** Which of the run's sales is refunded. */
  sale: number;
  kind: 'full' | 'half';
  fault?: PaymentFault;
  /** For a split sale: the part (1, 2 …) the refund goes back to. */
  part?: number;
}

/** One run: the register's work, the switches the app starts with, and how the run ends. */
export interface RunPlan {
  sales: SaleStep[];
  refunds: RefundStep[];
  crashAt?: `${CrashPointName}:${number}`;
  diskFault?: string;
  /** The crash point is certainly reached: the app must die there. */
  expectCrash: boolean;
  /** How a run that did not crash ends: the app closed, or killed. */
  end: 'close' | 'kill';
  /** kill -9 from outside this long after the app started, wherever it is. */
  killAfterMs?: number;
  /** A life between the crash and the check that only recovers, and is hit again (a crash point, a sick disk) or finds Toss down for a while. */
  recovery?: {
    crashAt?: `${CrashPointName}:${number}`;
    diskFault?: string;
    /** Every call about the run's payments meets this fault `times` times: Toss down at restart, back later. */
    tossDown?: { fault: Fault; times: number };
  };
}

export interface Scenario {
  name: string;
  plan(rng: Rng): RunPlan;
}

const PRODUCTS = [
  'americano',
  'cafe-latte',
  'cold-brew',
  'croissant',
  'cheesecake',
  'lemonade',
  'sandwich',
  'mug',
] as const;

/** Cards Toss refuses at confirm: the sale goes back to open (or is given up, freeing its coupon). */
const DECLINING = [CARD.rejectedAtConfirm, CARD.expiredAtConfirm] as const;

function sale(rng: Rng, coupon: boolean, declines: boolean): SaleStep {
  const lines = rng
    .shuffled(PRODUCTS)
    .slice(0, rng.int(1, 3))
    .map((productId) => ({ productId, quantity: rng.int(1, 3) }));
  return { lines, coupon, card: declines ? rng.pick(DECLINING) : CARD.approves, doublePress: rng.chance(0.15) };
}

/**
 * A few sales (some with a coupon, with `declines` some paid by a card Toss refuses) and perhaps
 * refunds: the work a fault or a crash falls into. Crash scenarios keep every card good, so the
 * step they crash at is certainly reached.
 */
function work(
  rng: Rng,
  options: { minSales?: number; coupons?: number; refunds?: number; declines?: boolean } = {},
): { sales: SaleStep[]; refunds: RefundStep[] } {
  const count = rng.int(options.minSales ?? 1, 3);
  const couponAt = new Set(
    rng.shuffled([...Array(count).keys()]).slice(0, Math.max(options.coupons ?? 0, rng.int(0, 1))),
  );
  const sales = [...Array(count).keys()].map((i) =>
    sale(rng, couponAt.has(i), options.declines === true && rng.chance(0.2)),
  );
  const refundCount = Math.max(options.refunds ?? 0, rng.chance(0.4) ? 1 : 0);
  const refunds = [...Array(refundCount).keys()].map((i): RefundStep => ({
    sale: i % count,
    kind: i === refundCount - 1 && rng.chance(0.5) ? 'full' : 'half',
  }));
  return { sales, refunds };
}

/** Journal appends a run's work certainly makes: each sale stores, journals the attempt and records PAID; each refund journals and records. */
function certainAppends(plan: { sales: SaleStep[]; refunds: RefundStep[] }): number {
  return plan.sales.length * 3 + plan.refunds.length * 2;
}

/** Which journal append records sale `index` as PAID, when every sale before it went through (a coupon adds its used line). */
function paidAppendOf(sales: readonly SaleStep[], index: number): number {
  return sales.slice(0, index).reduce((appends, s) => appends + 3 + (s.coupon ? 1 : 0), 0) + 3;
}

function crash(
  name: CrashPointName,
  needs: { coupons?: number; refunds?: number } = {},
  at: (plan: { sales: SaleStep[]; refunds: RefundStep[] }, rng: Rng) => number,
): Scenario {
  return {
    name: `crash: ${name}`,
    plan(rng) {
      const planned = work(rng, { minSales: Math.max(1, needs.coupons ?? 0), ...needs });
      return { ...planned, crashAt: `${name}:${at(planned, rng)}`, expectCrash: true, end: 'close' };
    },
  };
}

const couponSales = (plan: { sales: SaleStep[] }) => plan.sales.filter((s) => s.coupon).length;

const CRASHES: Scenario[] = [
  crash('order-stored', {}, (plan, rng) => rng.int(1, plan.sales.length)),
  crash('attempt-journaled', {}, (plan, rng) => rng.int(1, plan.sales.length)),
  crash('toss-answered', {}, (plan, rng) => rng.int(1, plan.sales.length)),
  crash('mid-append', {}, (plan, rng) => rng.int(1, certainAppends(plan))),
  {
    // Toss's answer is tampered (another amount), so the app must cancel what Toss approved, and dies right after.
    name: 'crash: compensation-sent',
    plan(rng) {
      const planned = work(rng);
      const victim = rng.int(0, planned.sales.length - 1);
      const sales = planned.sales.map((s, i) =>
        i === victim
          ? { ...s, fault: { route: 'confirm' as const, fault: { kind: 'tamper' as const, totalAmount: 1 } } }
          : s,
      );
      return { sales, refunds: planned.refunds, crashAt: 'compensation-sent:1', expectCrash: true, end: 'close' };
    },
  },
  crash('refund-journaled', { refunds: 1 }, (plan, rng) => rng.int(1, plan.refunds.length)),
  crash('refund-answered', { refunds: 1 }, (plan, rng) => rng.int(1, plan.refunds.length)),
  crash('coupon-reserved', { coupons: 1 }, (plan, rng) => rng.int(1, couponSales(plan))),
  crash('coupon-consumed', { coupons: 1 }, (plan, rng) => rng.int(1, couponSales(plan))),
];

/** A fault on one sale's confirm (and, for `any`, its lookups) or on one refund's cancel. */
function network(name: string, fault: (rng: Rng) => Fault, options: { card?: string } = {}): Scenario {
  return {
    name: `net: ${name}`,
    plan(rng) {
      const planned = work(rng, { declines: true });
      const times = rng.int(1, 2);
      const onRefund = planned.refunds.length > 0 && rng.chance(0.35);
      const rule = (route: 'confirm' | 'cancel'): PaymentFault => ({
        route: rng.chance(0.5) ? route : 'any',
        fault: fault(rng),
        times,
      });
      const victim = rng.int(0, planned.sales.length - 1);
      const refunded = planned.refunds[0]?.sale;
      const sales = planned.sales.map((s, i) =>
        !onRefund && i === victim
          ? { ...s, card: options.card ?? CARD.approves, fault: rule('confirm') }
          : onRefund && i === refunded
            ? { ...s, card: CARD.approves }
            : s,
      );
      const refunds = planned.refunds.map((r, i) => (onRefund && i === 0 ? { ...r, fault: rule('cancel') } : r));
      return { sales, refunds, expectCrash: false, end: rng.chance(0.3) ? 'kill' : 'close' };
    },
  };
}

const NETWORK: Scenario[] = [
  network('latency past the timeout', () => ({ kind: 'latency', ms: TOSS_TIMEOUT_MS + 700 })),
  network('500', (rng) => ({ kind: 'answer', status: 500, processed: rng.chance(0.5) })),
  network('502 with an HTML body', (rng) => ({ kind: 'answer', status: 502, html: true, processed: rng.chance(0.5) })),
  network('429 with Retry-After', () => ({
    kind: 'answer',
    status: 429,
    code: 'FORBIDDEN_CONSECUTIVE_REQUEST',
    retryAfterS: 1,
    processed: false,
  })),
  network('reset after processing', () => ({ kind: 'reset', processed: true })),
  network('IDEMPOTENT_REQUEST_PROCESSING', () => ({
    kind: 'answer',
    status: 409,
    code: 'IDEMPOTENT_REQUEST_PROCESSING',
    processed: true,
  })),
  // Toss's own PROVIDER_ERROR: the card company failed, the payment is aborted (the training card that does it).
  network('PROVIDER_ERROR', () => ({ kind: 'answer', status: 400, code: 'PROVIDER_ERROR', processed: false }), {
    card: CARD.providerErrorAtConfirm,
  }),
  network('FAILED_INTERNAL_SYSTEM_PROCESSING', () => ({
    kind: 'answer',
    status: 500,
    code: 'FAILED_INTERNAL_SYSTEM_PROCESSING',
    processed: true,
  })),
  network('malformed JSON', (rng) => ({ kind: 'malformed', processed: rng.chance(0.7) })),
  network('a body that trickles', (rng) => ({ kind: 'trickle', chunkBytes: 32, intervalMs: rng.pick([5, 40]) })),
  // Toss approves, and the answer says another amount (the app must cancel), or a payment with no card object (another method: still a sale).
  network('a tampered answer', (rng) =>
    rng.chance(0.5) ? { kind: 'tamper', totalAmount: 1 } : { kind: 'tamper', dropCard: true, method: '간편결제' },
  ),
];

/** A sick disk from the n-th write the work makes on. */
function disk(name: string, spec: (from: number, rng: Rng) => string): Scenario {
  return {
    name: `disk: ${name}`,
    plan(rng) {
      const planned = work(rng, { declines: true });
      return {
        ...planned,
        diskFault: spec(rng.int(1, certainAppends(planned)), rng),
        expectCrash: false,
        end: rng.chance(0.3) ? 'kill' : 'close',
      };
    },
  };
}

const DISK: Scenario[] = [
  disk('ENOSPC on append', (from) => `ENOSPC:append:${from}`),
  disk('EIO on append', (from, rng) => `EIO:append:${from}:${rng.int(1, 2)}`),
  disk('ENOSPC on fsync', (from, rng) => `ENOSPC:${rng.pick(['append-sync', 'write-sync'])}:${from}:1`),
  disk('EIO on fsync', (from, rng) => `EIO:${rng.pick(['append-sync', 'write-sync'])}:${from}:1`),
  disk('read-only folder', (from) => `EROFS:any:${from}`),
];

/** A crash, then a life that recovers and is hit again, or finds Toss down; then the check. */
const TWICE: Scenario[] = [
  {
    name: 'crash twice: again while recovering',
    plan(rng) {
      const planned = work(rng, { refunds: 1 });
      const point = rng.pick(['attempt-journaled', 'toss-answered', 'refund-journaled', 'refund-answered'] as const);
      const index = point.startsWith('refund') ? 1 : rng.int(1, planned.sales.length);
      const again = rng.pick([`${point}:1`, `mid-append:${rng.int(1, 2)}`, 'coupon-consumed:1'] as const);
      return {
        ...planned,
        crashAt: `${point}:${index}`,
        expectCrash: true,
        end: 'close',
        recovery: { crashAt: again },
      };
    },
  },
  {
    name: 'crash, then Toss down at restart',
    plan(rng) {
      const planned = work(rng, { refunds: rng.int(0, 1) });
      const point = rng.pick(
        planned.refunds.length > 0
          ? (['toss-answered', 'attempt-journaled', 'refund-journaled', 'refund-answered'] as const)
          : (['toss-answered', 'attempt-journaled'] as const),
      );
      const index = point.startsWith('refund') ? 1 : rng.int(1, planned.sales.length);
      const fault: Fault = rng.pick([
        { kind: 'reset', processed: false },
        { kind: 'latency', ms: TOSS_TIMEOUT_MS + 500 },
        { kind: 'answer', status: 503, html: true, processed: false },
      ]);
      return {
        ...planned,
        crashAt: `${point}:${index}`,
        expectCrash: true,
        end: 'close',
        recovery: { tossDown: { fault, times: rng.int(1, 3) } },
      };
    },
  },
  {
    name: 'crash, then the disk full at restart',
    plan(rng) {
      const planned = work(rng);
      return {
        ...planned,
        crashAt: `toss-answered:${rng.int(1, planned.sales.length)}`,
        expectCrash: true,
        end: 'close',
        recovery: { diskFault: `ENOSPC:append:${rng.int(1, 2)}` },
      };
    },
  },
  {
    // The PAID line reaches the disk, its sync fails, the app cancels at Toss and dies before it can take the line back.
    name: 'crash: compensation-sent after a failed sync',
    plan(rng) {
      const planned = work(rng);
      const victim = rng.int(0, planned.sales.length - 1);
      return {
        ...planned,
        diskFault: `EIO:append-sync:${paidAppendOf(planned.sales, victim)}:1`,
        crashAt: 'compensation-sent:1',
        expectCrash: true,
        end: 'close',
      };
    },
  },
  {
    name: 'kill -9 at a random moment',
    plan(rng) {
      return { ...work(rng, { declines: true }), expectCrash: false, end: 'close', killAfterMs: rng.int(0, 900) };
    },
  },
];

/** A sale paid in parts: two cards, or a card and cash; with `declines`, the second card may be refused (the rest then in cash). */
function splitSale(rng: Rng, options: { coupon?: boolean; cardsOnly?: boolean; declines?: boolean } = {}): SaleStep {
  const base = sale(rng, options.coupon ?? false, false);
  const second: SplitTender =
    options.cardsOnly === true || rng.chance(0.6)
      ? { method: 'card', card: options.declines === true && rng.chance(0.5) ? rng.pick(DECLINING) : CARD.approves }
      : { method: 'cash' };
  // At least two americanos, so each part is well above the card minimum.
  return {
    ...base,
    lines: [{ productId: 'americano', quantity: rng.int(2, 4) }, ...base.lines],
    split: [{ method: 'card', card: CARD.approves }, second],
  };
}

/** The work with its first sale paid in parts (the rest as `work` makes it). */
function splitWork(
  rng: Rng,
  options: { cardsOnly?: boolean; declines?: boolean; refunds?: number } = {},
): { sales: SaleStep[]; refunds: RefundStep[] } {
  const planned = work(rng, { refunds: options.refunds ?? 0 });
  const sales = [splitSale(rng, { coupon: rng.chance(0.3), ...options }), ...planned.sales.slice(1)];
  return { sales, refunds: planned.refunds };
}

/** Split payment: a kill between parts, mid-confirm of the second part, mid-refund of a part, a declined or faulted second card. */
const SPLIT: Scenario[] = [
  {
    name: 'split: crash between parts',
    plan(rng) {
      return { ...splitWork(rng), crashAt: 'part-paid:1', expectCrash: true, end: 'close' };
    },
  },
  {
    name: 'split: crash mid-confirm of the second part',
    plan(rng) {
      const point = rng.pick(['attempt-journaled', 'toss-answered'] as const);
      return { ...splitWork(rng, { cardsOnly: true }), crashAt: `${point}:2`, expectCrash: true, end: 'close' };
    },
  },
  {
    name: 'split: crash mid-refund of a part',
    plan(rng) {
      const planned = splitWork(rng, { cardsOnly: true });
      const refunds: RefundStep[] = [{ sale: 0, kind: rng.chance(0.5) ? 'full' : 'half', part: rng.int(1, 2) }];
      const point = rng.pick(['refund-journaled', 'refund-answered'] as const);
      return { sales: planned.sales, refunds, crashAt: `${point}:1`, expectCrash: true, end: 'close' };
    },
  },
  {
    name: 'split: second card declined, the rest in cash',
    plan(rng) {
      const planned = splitWork(rng, { cardsOnly: true });
      const [first, ...others] = planned.sales;
      if (!first) throw new Error('no sale');
      const sales = [
        {
          ...first,
          split: [
            { method: 'card' as const, card: CARD.approves },
            { method: 'card' as const, card: rng.pick(DECLINING) },
          ],
        },
        ...others,
      ];
      const refunds: RefundStep[] = rng.chance(0.5) ? [{ sale: 0, kind: 'half', part: 1 }] : [];
      return { sales, refunds, expectCrash: false, end: rng.chance(0.3) ? 'kill' : 'close' };
    },
  },
  {
    name: 'split: a fault on the second card part',
    plan(rng) {
      const planned = splitWork(rng, { cardsOnly: true });
      const [first, ...others] = planned.sales;
      if (!first) throw new Error('no sale');
      const fault: Fault = rng.pick([
        { kind: 'latency', ms: TOSS_TIMEOUT_MS + 700 },
        { kind: 'answer', status: 500, processed: rng.chance(0.5) },
        { kind: 'reset', processed: true },
      ]);
      const second: SplitTender = {
        method: 'card',
        card: CARD.approves,
        fault: { route: rng.chance(0.5) ? 'confirm' : 'any', fault, times: rng.int(1, 2) },
      };
      const sales = [{ ...first, split: [{ method: 'card' as const, card: CARD.approves }, second] }, ...others];
      return { sales, refunds: planned.refunds, expectCrash: false, end: rng.chance(0.3) ? 'kill' : 'close' };
    },
  },
  {
    name: 'split: kill -9 at a random moment',
    plan(rng) {
      return {
        ...splitWork(rng, { declines: true }),
        expectCrash: false,
        end: 'close',
        killAfterMs: rng.int(0, 900),
      };
    },
  },
];

export const SCENARIOS: readonly Scenario[] = [...CRASHES, ...NETWORK, ...DISK, ...TWICE, ...SPLIT];
