import { z } from 'zod';
import { memoSchema } from './cart-line';
import { localizedTextSchema } from './catalog';
import { orderIdSchema, type Order, type OrderStatus } from './order';
import { refundedAmount } from './refunds';

const callNumberSchema = z.number().int().positive();

/** How long a ready number stays on the board, and how many ready numbers it shows at most. */
export const READY_SHOWN_MS = 10 * 60_000;
export const READY_SHOWN_MAX = 8;
/** The most numbers the board lists as being made: a shop that never calls numbers out sees its newest ones. */
export const PREPARING_SHOWN_MAX = 500;

/**
 * The number board the customers watch: the business day's paid orders still being made
 * (oldest first) and the ones called out as ready (newest first), a ready one for a while only.
 */
export const callBoardSchema = z.strictObject({
  preparing: z.array(z.strictObject({ orderId: orderIdSchema, callNumber: callNumberSchema })).max(PREPARING_SHOWN_MAX),
  ready: z
    .array(z.strictObject({ orderId: orderIdSchema, callNumber: callNumberSchema, readyAt: z.string() }))
    .max(READY_SHOWN_MAX),
});
export type CallBoard = z.infer<typeof callBoardSchema>;

export const emptyCallBoard: CallBoard = { preparing: [], ready: [] };

/** What decides whether an order is on the number board: what an order says, and what the index's digest of it says. */
export interface CallFacts {
  status: OrderStatus;
  callNumber: number | null;
  amount: number;
  /** What its refunds took back (failed ones left out). */
  refunded: number;
  /** Whether a refund of the whole order stands; null when unknown (a digest does not say, and only a free order needs it). */
  wholeRefund: boolean | null;
}

export function callFactsOf(order: Order): CallFacts {
  return {
    status: order.status,
    callNumber: order.callNumber,
    amount: order.amount,
    refunded: refundedAmount(order.refunds),
    wholeRefund: order.refunds.some((refund) => refund.kind === 'full' && refund.status !== 'FAILED'),
  };
}

/**
 * On the board: paid, numbered, and not refunded in full. Null when the facts cannot tell: a free
 * order with nothing given back is refunded in full only by a whole refund, which its digest does
 * not record (the order is read then).
 */
export function onCallBoard(facts: CallFacts): boolean | null {
  if (facts.status !== 'PAID' || facts.callNumber === null) return false;
  if (facts.refunded > 0 || facts.amount > 0) return facts.refunded < facts.amount;
  return facts.wholeRefund === null ? null : !facts.wholeRefund;
}

/** One order as the bar makes it: its number, when it was paid, its lines with options and memos, the order's memo. */
export const barTicketSchema = z.strictObject({
  orderId: orderIdSchema,
  callNumber: callNumberSchema,
  paidAt: z.string(),
  lines: z.array(
    z.strictObject({
      name: localizedTextSchema,
      options: z.array(z.strictObject({ name: localizedTextSchema, count: z.number().int().positive() })),
      memo: memoSchema.nullable(),
      quantity: z.number().int().positive(),
    }),
  ),
  memo: memoSchema.nullable(),
});
export type BarTicket = z.infer<typeof barTicketSchema>;

/** Which orders were called out as ready (`call-board.json`): the board is the day's orders less these. */
export const readyRecordSchema = z.strictObject({
  ready: z.array(z.strictObject({ orderId: orderIdSchema, businessDay: z.string(), at: z.string() })),
});
export type ReadyRecord = z.infer<typeof readyRecordSchema>;
