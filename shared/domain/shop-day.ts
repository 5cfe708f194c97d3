import { z } from 'zod';
import { drawerShiftViewSchema } from './drawer';
import { wonSchema } from './money';
import { dayTaxFiguresSchema } from './tax-report';

const count = z.number().int().nonnegative();
const signedWon = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const registerSchema = z.strictObject({ id: z.string(), name: z.string() });

/** One register's part of the shop's day: its sales, refunds and tenders, and its drawer's shifts. */
export const registerDaySchema = z.strictObject({
  register: registerSchema,
  orders: count,
  sales: wonSchema,
  refunds: z.strictObject({ count, amount: wonSchema }),
  net: signedWon,
  /** As the day's figures have it (day-close.ts is not imported: it imports this module). */
  byMethod: z.array(
    z.strictObject({ method: z.string(), orders: count, sales: wonSchema, refunds: wonSchema, net: signedWon }),
  ),
  taxes: dayTaxFiguresSchema.optional(),
  drawers: z.array(drawerShiftViewSchema),
});
export type RegisterDay = z.infer<typeof registerDaySchema>;

/**
 * What an X or Z report made with a shared store says of the shop (absent on a register without
 * one): `shop`, the report's figures are the whole shop's, made on `closedOn`, with each register's
 * part; `store-offline`, the store could not be read and the report is this register's alone;
 * `closed-by-shop`, the shop's day was already closed on another register, and this report is this
 * register's own books only.
 */
export const shopDaySchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('shop'), madeOn: registerSchema, registers: z.array(registerDaySchema) }),
  z.strictObject({ status: z.literal('store-offline'), detail: z.string().max(600) }),
  z.strictObject({ status: z.literal('closed-by-shop'), closedOn: registerSchema, at: z.string(), by: z.string() }),
]);
export type ShopDay = z.infer<typeof shopDaySchema>;

/** The shop's day close as another register sees it: where, when and by whom. */
export const shopCloseNoteSchema = z.strictObject({ closedOn: registerSchema, at: z.string(), by: z.string() });
export type ShopCloseNote = z.infer<typeof shopCloseNoteSchema>;
