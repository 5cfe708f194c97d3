import { z } from 'zod';
import { memoSchema } from './cart-line';
import { localizedTextSchema } from './catalog';
import { orderIdSchema } from './order';

const callNumberSchema = z.number().int().positive();

/** How long a ready number stays on the board, and how many ready numbers it shows at most. */
export const READY_SHOWN_MS = 10 * 60_000;
export const READY_SHOWN_MAX = 8;
/** The most numbers shown as preparing: the newest, on a day nobody calls them ready (no bar screen). */
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
