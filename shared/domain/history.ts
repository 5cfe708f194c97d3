import { z } from 'zod';
import { wonSchema } from './money';
import { orderIdSchema, orderSchema, type Order } from './order';
import { refundState } from './refunds';
import { timeOfDaySchema } from './time-of-day';
import { cashierSchema } from './staff';

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a business day, YYYY-MM-DD');

/**
 * Where an order stands for the history list: paid (untouched), partly or fully refunded, or
 * never paid (pending, abandoned, declined). Training orders carry their own badge besides.
 */
export const historyStatuses = ['paid', 'partially-refunded', 'refunded', 'unpaid'] as const;
export const historyStatusSchema = z.enum(historyStatuses);
export type HistoryStatus = z.infer<typeof historyStatusSchema>;

/** Where an order stands in history, from its own record: the one rule main's index and the order detail both follow. */
export function historyStatusOf(order: Order): HistoryStatus {
  if (order.status !== 'PAID') return 'unpaid';
  const state = refundState(order.amount, order.refunds);
  switch (state) {
    case 'none':
      return 'paid';
    case 'partial':
      return 'partially-refunded';
    case 'full':
      return 'refunded';
    default: {
      const never: never = state;
      return never;
    }
  }
}

export const historyFilterSchema = z
  .strictObject({
    from: day,
    to: day,
    status: historyStatusSchema.optional(),
    /** Training orders only (true), real ones only (false), or both (absent). */
    training: z.boolean().optional(),
    /** The row's method word: Toss's (카드, 간편결제 …) or CASH_METHOD (현금) for cash; 'none' for orders paid by discount or never paid. An order paid in parts is found under each of its paid parts' methods. */
    method: z.string().min(1).max(20).optional(),
    minAmount: wonSchema.optional(),
    maxAmount: wonSchema.optional(),
    /** An order id, a card approval number, a card's last digits, or part of a product name. */
    search: z.string().trim().min(1).max(40).optional(),
    /** Only orders rung up from this Seoul time of day on, in each day of the range (HH:mm). */
    fromTime: timeOfDaySchema.optional(),
    /** Only orders rung up until this Seoul time of day, its minute included; before `fromTime` it runs past midnight. */
    toTime: timeOfDaySchema.optional(),
    /** Orders rung up by this member of staff (the id of the person signed in at the till). */
    cashierId: z.string().min(1).max(40).optional(),
  })
  .refine((f) => f.from <= f.to, 'the range ends before it starts');
export type HistoryFilter = z.infer<typeof historyFilterSchema>;

/** One order as the history list shows it. */
export const historyRowSchema = z.strictObject({
  orderId: orderIdSchema,
  businessDay: day,
  createdAt: z.string(),
  status: historyStatusSchema,
  training: z.boolean(),
  orderName: z.string(),
  amount: wonSchema,
  refunded: wonSchema,
  /** Toss's method word, 현금, or for an order paid in parts its paid parts' methods joined by `+` (카드+현금). */
  method: z.string().nullable(),
  approveNo: z.string().nullable(),
  cardNumber: z.string().nullable(),
  callNumber: z.number().int().nullable(),
  /** Its 현금영수증 was refused by the tax office and not issued again (absent otherwise, and on rows from before). */
  cashReceiptFailed: z.literal(true).optional(),
  /** Who rang it up; null for orders from before sign-in. */
  cashier: cashierSchema.nullable().optional(),
  /** The register that rang it up, in a shop-wide list (a shop of several registers on a shared store). */
  registerName: z.string().max(40).optional(),
});
export type HistoryRow = z.infer<typeof historyRowSchema>;

/**
 * Whose orders an answer holds, in a shop of several registers (absent for a register on its own):
 * every register's, read from the shared store, or only this register's, because the store did not answer.
 */
export const historySourceSchema = z.enum(['shop', 'this-register']);
export type HistorySource = z.infer<typeof historySourceSchema>;

/** One order whole as history opens it; in a shop, with the register that rang it up. */
export const historyOrderSchema = orderSchema.extend({ registerName: z.string().max(40).optional() });
export type HistoryOrder = z.infer<typeof historyOrderSchema>;

/** A place in the newest-first list: the next page starts after it. */
export const historyCursorSchema = z.string().max(200);

export const historyPageSchema = z.strictObject({
  rows: z.array(historyRowSchema),
  /** Null at the end of the range. */
  next: historyCursorSchema.nullable(),
  /**
   * While history's index is rebuilt in the background (after an index format change or a lost
   * index): days built of days in all. The page is exact all the same (unbuilt days are read from
   * their journals), only slower.
   */
  catchingUp: z
    .strictObject({ built: z.number().int().nonnegative(), total: z.number().int().nonnegative() })
    .optional(),
  source: historySourceSchema.optional(),
});
export type HistoryPage = z.infer<typeof historyPageSchema>;

/** A range's figures, real sales only (training never counts): how many, paid, refunded, by method. */
export const historyTotalsSchema = z.strictObject({
  orders: z.number().int().nonnegative(),
  paid: wonSchema,
  refunded: wonSchema,
  byMethod: z.array(
    z.strictObject({
      method: z.string(),
      orders: z.number().int().nonnegative(),
      paid: wonSchema,
      refunded: wonSchema,
    }),
  ),
  source: historySourceSchema.optional(),
});
export type HistoryTotals = z.infer<typeof historyTotalsSchema>;
