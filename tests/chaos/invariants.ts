import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import type { IssuedCoupon } from '../../shared/domain/coupons';
import { couponRecordSchema } from '../../shared/domain/coupons';
import { couponCodesOf, orderSchema, type Order, type PaymentRecord } from '../../shared/domain/order';
import { parsePartOrderId } from '../../shared/domain/part-number';
import { partsPaid } from '../../shared/domain/payment-parts';
import type { RefundEntry } from '../../shared/domain/refunds';
import { problemOf } from '../../electron/core/platform/disk/corrupt-file-error';
import type { TossPayment } from '../../electron/training/payment-object';

/** What can go wrong with the books after a run. The first three are the matrix's headline counts. */
export const VIOLATION_KINDS = [
  'lost-order',
  'double-charge',
  'orphan-charge',
  'unbacked-sale',
  'amount-mismatch',
  'refund-mismatch',
  'coupon-conflict',
  'unsettled',
  'unparsable-file',
  'app-fault',
  /** The run did not do what its scenario says (a fault never met, a crash point never reached): it proves nothing. */
  'not-exercised',
] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];

export interface Violation {
  kind: ViolationKind;
  detail: string;
}

/** A payment as Toss's own ledger holds it (`GET /__sim/ledger`). */
export type LedgerPayment = Pick<TossPayment, 'paymentKey' | 'orderId' | 'status' | 'totalAmount' | 'balanceAmount'> & {
  cancels: ReadonlyArray<{ cancelAmount: number; transactionKey: string }> | null;
};

/** What the app told the register during the run: each of these is a promise the books must keep. */
export interface Told {
  /** sale:create answered with these ids. */
  created: ReadonlySet<string>;
  /** payment:confirm answered PAID: order id → paymentKey. */
  paid: ReadonlyMap<string, string>;
  /** refund:create answered with the refund done. */
  refunded: ReadonlyArray<{ orderId: string; refundId: string; amount: number }>;
  /** Parts of split orders answered PAID (by payment:confirm or cash:pay-part): a card part's paymentKey, null for cash. */
  paidParts?: ReadonlyArray<{ orderId: string; part: number; paymentKey: string | null }>;
}

export interface Books {
  /** Toss's payments for this run's orders. */
  payments: readonly LedgerPayment[];
  /** The shop's orders as the restarted app answers for them (absent: the app does not know the id). */
  orders: ReadonlyMap<string, Order>;
  /** Every issued coupon as the manager's list shows it. */
  coupons: readonly IssuedCoupon[];
  told: Told;
}

/** Toss still holds the customer's money for this payment. */
function holdsMoney(payment: LedgerPayment): boolean {
  return (payment.status === 'DONE' || payment.status === 'PARTIAL_CANCELED') && payment.balanceAmount > 0;
}

function couponGivenBack(order: Order): boolean {
  return order.refunds.some((refund) => refund.status === 'DONE' && refund.coupon === 'restored');
}

function toldPromises(books: Books, found: Violation[]): void {
  const { orders, told } = books;
  for (const orderId of told.created) {
    if (!orders.has(orderId))
      found.push({ kind: 'lost-order', detail: `order ${orderId} was created, and the app no longer knows it` });
  }
  for (const [orderId, paymentKey] of told.paid) {
    const order = orders.get(orderId);
    if (order && (order.status !== 'PAID' || order.payment?.paymentKey !== paymentKey)) {
      found.push({
        kind: 'lost-order',
        detail: `order ${orderId} was paid with ${paymentKey}, and is now ${order.status} with ${order.payment?.paymentKey ?? 'no payment'}`,
      });
    }
  }
  for (const told of books.told.paidParts ?? []) {
    const part = orders.get(told.orderId)?.parts.find((p) => p.part === told.part);
    if (part && (part.status !== 'PAID' || (part.payment?.paymentKey ?? null) !== told.paymentKey)) {
      found.push({
        kind: 'lost-order',
        detail: `part ${told.part} of ${told.orderId} was paid${told.paymentKey ? ` with ${told.paymentKey}` : ' in cash'}, and is now ${part.status} with ${part.payment?.paymentKey ?? 'no payment'}`,
      });
    }
  }
  for (const refund of told.refunded) {
    const entry = orders.get(refund.orderId)?.refunds.find((r) => r.refundId === refund.refundId);
    if (entry?.status !== 'DONE' || entry.amount !== refund.amount) {
      found.push({
        kind: 'refund-mismatch',
        detail: `refund ${refund.refundId} of ${refund.orderId} (${refund.amount} won) was done, and the order now says ${entry ? `${entry.status} ${entry.amount}` : 'nothing of it'}`,
      });
    }
  }
}

/** Every won Toss holds belongs to exactly one paid order: more is a double charge, one no order claims is an orphan. */
function charges(books: Books, found: Violation[]): void {
  const byOrder = new Map<string, LedgerPayment[]>();
  for (const payment of books.payments.filter(holdsMoney))
    byOrder.set(payment.orderId, [...(byOrder.get(payment.orderId) ?? []), payment]);
  for (const [orderId, held] of byOrder) {
    // A card part of a split order is a Toss payment of its own, under the part's orderId: its one charge is the part's.
    const named = parsePartOrderId(orderId);
    const order = books.orders.get(named?.orderId ?? orderId);
    const part = named && order?.parts.find((p) => p.part === named.part);
    const recorded =
      named !== null
        ? part?.status === 'PAID'
          ? part.payment?.paymentKey
          : undefined
        : order?.status === 'PAID'
          ? order.payment?.paymentKey
          : undefined;
    const extra = held.filter((payment) => payment.paymentKey !== recorded);
    const [first, ...rest] = extra;
    if (first && recorded === undefined) {
      found.push({
        kind: 'orphan-charge',
        detail: `Toss holds ${first.balanceAmount} won of ${first.paymentKey} for order ${orderId}, which is ${order?.status ?? 'unknown to the app'}`,
      });
    }
    for (const payment of recorded === undefined ? rest : extra) {
      found.push({
        kind: 'double-charge',
        detail: `Toss holds a second charge for order ${orderId}: ${payment.balanceAmount} won of ${payment.paymentKey}`,
      });
    }
  }
}

/** Every paid order is backed by its own approved payment of the same amount, and its refunds are Toss's cancels. */
function paidOrders(books: Books, found: Violation[]): void {
  const byKey = new Map(books.payments.map((payment) => [payment.paymentKey, payment]));
  for (const order of books.orders.values()) {
    if (order.status === 'CONFIRMING')
      found.push({ kind: 'unsettled', detail: `order ${order.orderId} is still CONFIRMING` });
    for (const refund of order.refunds.filter((r) => r.status === 'REFUNDING'))
      found.push({ kind: 'unsettled', detail: `refund ${refund.refundId} of ${order.orderId} is still REFUNDING` });
    if (order.parts.length > 0) {
      splitOrder(order, byKey, found);
      continue;
    }
    // Paid at the counter in cash, or made free by its discounts: nothing went through Toss's card payment.
    if (order.status !== 'PAID' || (order.payment === null && (order.amount === 0 || order.cash !== null))) continue;
    backed(order.orderId, order.orderId, order.amount, order.payment, order.refunds, byKey, found);
  }
}

/**
 * A split order: each PAID card part is backed by its own payment (under the part's Toss orderId,
 * of the part's amount) whose cancels are the part's refunds; a PAID order's parts add up to it.
 */
function splitOrder(order: Order, byKey: ReadonlyMap<string, LedgerPayment>, found: Violation[]): void {
  if (order.status === 'PAID' && partsPaid(order) !== order.amount)
    found.push({
      kind: 'amount-mismatch',
      detail: `order ${order.orderId} costs ${order.amount} won, and its paid parts add up to ${partsPaid(order)}`,
    });
  for (const part of order.parts) {
    if (part.status === 'CONFIRMING')
      found.push({ kind: 'unsettled', detail: `part ${part.part} of ${order.orderId} is still CONFIRMING` });
    if (part.status !== 'PAID' || part.method !== 'card') continue;
    const refunds = order.refunds.filter((refund) => refund.part === part.part);
    backed(
      `part ${part.part} of ${order.orderId}`,
      part.tossOrderId ?? '',
      part.amount,
      part.payment,
      refunds,
      byKey,
      found,
    );
  }
}

/** One card payment on the books against Toss's ledger: approved for `tossOrderId` and `amount`, its refunds Toss's cancels. */
function backed(
  what: string,
  tossOrderId: string,
  amount: number,
  record: PaymentRecord | null,
  refunds: readonly RefundEntry[],
  byKey: ReadonlyMap<string, LedgerPayment>,
  found: Violation[],
): void {
  const payment = record ? byKey.get(record.paymentKey) : undefined;
  if (
    !payment ||
    payment.orderId !== tossOrderId ||
    !['DONE', 'PARTIAL_CANCELED', 'CANCELED'].includes(payment.status)
  ) {
    found.push({
      kind: 'unbacked-sale',
      detail: `${what} is PAID, and Toss has ${payment ? `${payment.paymentKey} ${payment.status} for ${payment.orderId}` : 'no such payment'}`,
    });
    return;
  }
  if (payment.totalAmount !== amount)
    found.push({
      kind: 'amount-mismatch',
      detail: `${what} costs ${amount} won, and Toss charged ${payment.totalAmount}`,
    });
  const done = refunds.filter((r) => r.status === 'DONE' && r.transactionKey !== null);
  const cancels = payment.cancels ?? [];
  const sum = (amounts: number[]) => amounts.reduce((a, b) => a + b, 0);
  const recorded = new Set(done.map((r) => r.transactionKey));
  const atToss = new Set(cancels.map((c) => c.transactionKey));
  const unmatched = [
    ...cancels.filter((c) => !recorded.has(c.transactionKey)),
    ...done.filter((r) => !atToss.has(r.transactionKey ?? '')),
  ];
  if (unmatched.length > 0 || sum(done.map((r) => r.amount)) !== sum(cancels.map((c) => c.cancelAmount))) {
    found.push({
      kind: 'refund-mismatch',
      detail: `${what} records refunds of ${sum(done.map((r) => r.amount))} won, and Toss cancelled ${sum(cancels.map((c) => c.cancelAmount))}`,
    });
  }
}

/** One coupon, one order: a used coupon is its paid order's, a paid order's coupon is used by it, and no settled order holds one. */
function coupons(books: Books, found: Violation[]): void {
  const byCode = new Map(books.coupons.map((coupon) => [coupon.code, coupon]));
  for (const coupon of books.coupons) {
    if (coupon.isUsed) {
      const order = coupon.orderId === null ? undefined : books.orders.get(coupon.orderId);
      if (!order || order.status !== 'PAID' || !couponCodesOf(order).includes(coupon.code) || couponGivenBack(order)) {
        found.push({
          kind: 'coupon-conflict',
          detail: `coupon ${coupon.code} is used by ${coupon.orderId ?? 'no order'}, which is ${order ? `${order.status}${couponGivenBack(order) ? ' and gave it back' : ''}` : 'unknown'}`,
        });
      }
    } else if (coupon.reservedBy !== null) {
      const holder = books.orders.get(coupon.reservedBy);
      if (holder && holder.status !== 'PENDING' && holder.status !== 'CONFIRMING') {
        found.push({
          kind: 'coupon-conflict',
          detail: `coupon ${coupon.code} is held for order ${coupon.reservedBy}, which is ${holder.status}`,
        });
      }
    }
  }
  for (const order of books.orders.values()) {
    if (order.status !== 'PAID' || couponGivenBack(order)) continue;
    for (const code of couponCodesOf(order)) {
      const coupon = byCode.get(code);
      if (!coupon?.isUsed || coupon.orderId !== order.orderId) {
        found.push({
          kind: 'coupon-conflict',
          detail: `paid order ${order.orderId} used coupon ${code}, which is ${coupon ? (coupon.isUsed ? `used by ${coupon.orderId}` : coupon.state) : 'missing'}`,
        });
      }
    }
  }
}

/** Checks the shop's books against Toss's ledger and against what the register was told. */
export function checkBooks(books: Books): Violation[] {
  const found: Violation[] = [];
  toldPromises(books, found);
  charges(books, found);
  paidOrders(books, found);
  coupons(books, found);
  return found;
}

/** How a file in the data folder must read: JSON documents whole, journals and logs line by line. */
function shapeOf(path: string): { lines: boolean; schema?: z.ZodType } | null {
  if (/(^|\/)orders\/\d{4}-\d{2}-\d{2}\.jsonl$/.test(path)) return { lines: true, schema: orderSchema };
  if (path.endsWith('coupons/issued.jsonl')) return { lines: true, schema: couponRecordSchema };
  if (path.endsWith('.jsonl') || path.endsWith('.rows') || path.endsWith('.log')) return { lines: true };
  if (path.endsWith('.json')) return { lines: false };
  return null;
}

async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await filesUnder(path)));
    else if (entry.isFile()) found.push(path);
  }
  return found;
}

/** Why a text does not read, in the app's own words (as its damaged-file notice says it), or null. */
function problem(text: string, schema: z.ZodType | undefined): string | null {
  try {
    const value: unknown = JSON.parse(text);
    if (schema) schema.parse(value);
    return null;
  } catch (error) {
    return problemOf(error).slice(0, 200);
  }
}

/**
 * Every file in the data folder parses: JSON documents whole; journals, index rows and logs line
 * by line (orders and coupons against their schemas), except a torn last line, which a crash
 * mid-append leaves and the app drops. A temp file an atomic write left behind is never read.
 */
export async function checkFolder(dataDir: string): Promise<Violation[]> {
  const found: Violation[] = [];
  for (const path of await filesUnder(dataDir)) {
    const name = relative(dataDir, path);
    const shape = shapeOf(name);
    if (shape === null) continue;
    const text = await readFile(path, 'utf8');
    if (!shape.lines) {
      const why = problem(text, undefined);
      if (why !== null) found.push({ kind: 'unparsable-file', detail: `${name}: ${why}` });
      continue;
    }
    const lines = text.split('\n');
    lines.pop();
    for (const [at, line] of lines.entries()) {
      const why = problem(line, shape.schema);
      if (why !== null) found.push({ kind: 'unparsable-file', detail: `${name}, line ${at + 1}: ${why}` });
    }
  }
  return found;
}
