import { z } from 'zod';
import { drawerShiftViewSchema } from './drawer';
import { historySourceSchema } from './history';
import { shopCloseNoteSchema, shopDaySchema } from './shop-day';
import { dayTaxFiguresSchema } from './tax-report';
import { wonSchema } from './money';
import { seoulInstant } from './time';

/** A business day: a real date, YYYY-MM-DD, in the years a shop can have sold in. */
export const businessDaySchema = z
  .string()
  .regex(/^2\d{3}-\d{2}-\d{2}$/, 'a business day, YYYY-MM-DD')
  .refine((day) => seoulInstant(day, 'start') !== null, 'not a date in the calendar');

const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar day after (or, with a negative `by`, before) a YYYY-MM-DD day. */
export function dayAfter(day: string, by = 1): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + by * DAY_MS).toISOString().slice(0, 10);
}

/** Won that may go below zero: a day's refunds of earlier sales can be more than its own sales. */
const signedWon = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const count = z.number().int().nonnegative();

/** Sales, refunds and what is left, for one slice of a day (a payment method, a card company). */
export const figureLineSchema = z.strictObject({
  orders: count,
  sales: wonSchema,
  refunds: wonSchema,
  net: signedWon,
});
export type FigureLine = z.infer<typeof figureLineSchema>;

/**
 * A business day in figures, real sales only (training orders are counted apart and left out).
 * Sales are the day's own paid orders; refunds are those made during the day (its window), of
 * whatever day's orders: a closed day's figures then never change, and the drawer and Toss's
 * transactions of the day agree with them.
 */
export const dayFiguresSchema = z.strictObject({
  day: businessDaySchema,
  /** The instants the business day spans: a close before midnight starts the next day early. */
  window: z.strictObject({ from: z.string(), until: z.string() }),
  /** Before any discount. */
  gross: wonSchema,
  couponDiscounts: wonSchema,
  manualDiscounts: wonSchema,
  /** What the day's paid orders took: gross less discounts. */
  sales: wonSchema,
  orders: count,
  refunds: z.strictObject({ count, amount: wonSchema }),
  net: signedWon,
  /** Toss's method word (카드, 간편결제 …), 현금 for cash, or 'none' for an order its discounts paid in full. */
  byMethod: z.array(figureLineSchema.extend({ method: z.string() })),
  /** Card sales by the company that issued the card (Toss's issuer code; null when Toss gave none). */
  byCardCompany: z.array(figureLineSchema.extend({ issuerCode: z.string().nullable() })),
  /** The day's sales by the Seoul hour they were rung up, 0 to 23. */
  byHour: z
    .array(z.strictObject({ hour: z.number().int().min(0).max(23), orders: count, sales: wonSchema }))
    .length(24),
  /** Best sellers by what they took after discounts (refunds are counted on the day they were made, not here). */
  topProducts: z.array(
    z.strictObject({
      productId: z.string(),
      name: z.string(),
      quantity: count,
      amount: wonSchema,
      /** What its units were sold with, group by group, most first: each option and how many (ICE ×12, 샷 추가 ×8); none in closes before options. */
      options: z.array(z.strictObject({ name: z.string(), count })).default([]),
    }),
  ),
  /** What is still being settled with Toss: it may yet change the figures. */
  unsettled: z.strictObject({
    payments: count,
    refunds: count,
    /** Orders paid in parts whose paid parts fall short of their amount: money taken, the sale not whole; the day does not close over them. */
    partlyPaid: count.default(0),
  }),
  /** Orders of the day rung up in training: never counted above. */
  trainingOrders: count,
  /** A rehearsal in training (교육용 연습): the training books' sales counted, nothing here is the shop's real books. */
  practice: z.boolean().default(false),
  /** What the 부가세 신고 needs (card, cash with and without 현금영수증, 과세/부가세/면세); absent in closes made before it was kept. */
  taxes: dayTaxFiguresSchema.optional(),
});
export type DayFigures = z.infer<typeof dayFiguresSchema>;

/**
 * A difference between the shop's books and Toss's transactions of the day, in words the
 * screen can say. `orderId` is the order it concerns (Toss's orderId for an orphan charge);
 * `orderKnown` says whether the books have an order of that id to open.
 */
export const mismatchSchema = z.discriminatedUnion('kind', [
  /** Toss approved a payment no order here was paid with. */
  z.strictObject({
    kind: z.literal('orphan-charge'),
    orderId: z.string(),
    orderKnown: z.boolean(),
    paymentKey: z.string(),
    amount: wonSchema,
    canceled: wonSchema,
    at: z.string(),
  }),
  /** A card payment or refund in the books that Toss has no transaction for. */
  z.strictObject({
    kind: z.literal('unknown-to-toss'),
    what: z.enum(['payment', 'refund']),
    orderId: z.string(),
    orderKnown: z.literal(true),
    paymentKey: z.string(),
    amount: wonSchema,
    refundId: z.string().nullable(),
  }),
  /** Toss and the books agree it happened, not on how much. */
  z.strictObject({
    kind: z.literal('amount-differs'),
    what: z.enum(['payment', 'refund']),
    orderId: z.string(),
    orderKnown: z.literal(true),
    paymentKey: z.string(),
    ours: wonSchema,
    toss: wonSchema,
    refundId: z.string().nullable(),
  }),
  /** Toss cancelled part or all of a payment of a known order, and the books have no such refund. */
  z.strictObject({
    kind: z.literal('orphan-refund'),
    orderId: z.string(),
    orderKnown: z.literal(true),
    paymentKey: z.string(),
    transactionKey: z.string(),
    amount: wonSchema,
    at: z.string(),
  }),
]);
export type Mismatch = z.infer<typeof mismatchSchema>;

/** The day checked against Toss's transactions, or why it could not be. */
export const dayMatchSchema = z.discriminatedUnion('status', [
  z.strictObject({
    status: z.literal('checked'),
    checkedAt: z.string(),
    /** Toss's transactions of the day: approvals and cancels. */
    transactions: count,
    tossApproved: wonSchema,
    tossCanceled: wonSchema,
    mismatches: z.array(mismatchSchema),
  }),
  /** Training mode has no real Toss to ask; or Toss could not be reached. */
  z.strictObject({
    status: z.literal('unavailable'),
    /** `shop-checked`: the shop's close on another register checked the whole shop; `store-offline`: the shop's orders could not be read, so another register's sales would have looked like orphans. */
    reason: z.enum(['training', 'toss-unreachable', 'toss-refused', 'shop-checked', 'store-offline']),
    checkedAt: z.string(),
    detail: z.string().max(600),
  }),
]);
export type DayMatch = z.infer<typeof dayMatchSchema>;

/** An X report (the day so far, nothing closed) or a Z report (the day closed, its figures kept). */
export const dayReportSchema = z.strictObject({
  kind: z.enum(['X', 'Z']),
  day: businessDaySchema,
  at: z.string(),
  /** The manager who asked for it. */
  by: z.string().max(40),
  figures: dayFiguresSchema,
  reconciliation: dayMatchSchema,
  /** The cash drawer's shifts opened in the day, each with its float, takings and count; none in closes kept before drawers. */
  drawers: z.array(drawerShiftViewSchema).default([]),
  /** In a shop of several registers, an X report's figures: every register's, or this register's only (the shared store did not answer). */
  source: historySourceSchema.optional(),
  /** The shop's part, when the register is on a shared store: absent on one without (and in earlier reports). */
  shop: shopDaySchema.optional(),
});
export type DayReport = z.infer<typeof dayReportSchema>;

/** A closed day as the list of closes shows it. */
export const dayCloseSummarySchema = z.strictObject({
  day: businessDaySchema,
  closedAt: z.string(),
  by: z.string(),
  net: signedWon,
  mismatches: count.nullable(),
});
export type DayCloseSummary = z.infer<typeof dayCloseSummarySchema>;

/** What the day-close screen shows for a day: its figures now, or as frozen by its close. */
export const dayViewSchema = z.strictObject({
  /** The business day a sale made now belongs to. */
  currentDay: businessDaySchema,
  figures: dayFiguresSchema,
  /** The Z report, once the day is closed: what the screen shows instead of live figures. */
  close: dayReportSchema.nullable(),
  /** Why a Z close cannot be made now; null when it can. */
  closable: z.enum(['closed', 'not-started', 'training']).nullable(),
  /** In a shop of several registers, the open day's figures: every register's, or this register's only (the shared store did not answer). */
  source: historySourceSchema.optional(),
  /** The shop's day closed on another register, when the shared store says so: a Z here closes this register's own books. */
  shopClose: shopCloseNoteSchema.nullable().default(null),
  /** The open day register by register, when the shared store answers: each register's sales and drawer. */
  shop: shopDaySchema.optional(),
});
export type DayView = z.infer<typeof dayViewSchema>;
