import { z } from 'zod';
import {
  historyCursorSchema,
  historyFilterSchema,
  historyOrderSchema,
  historyPageSchema,
  historySourceSchema,
  historyTotalsSchema,
} from '../../domain/history';
import { csvHeadersSchema } from '../../domain/csv-headers';
import { orderIdSchema } from '../../domain/order';
import { defineChannels } from '../channel';

export const historyChannels = defineChannels({
  /** A page of orders, newest first, within the filter; `cursor` from the previous page goes on from there. */
  'history:list': {
    role: 'manager',
    input: z.strictObject({
      filter: historyFilterSchema,
      cursor: historyCursorSchema.optional(),
      limit: z.number().int().min(1).max(200),
    }),
    output: historyPageSchema,
  },
  /** Real sales of the range in figures (training never counts), from each day's summary. */
  'history:totals': {
    role: 'manager',
    input: z.strictObject({ from: historyFilterSchema.shape.from, to: historyFilterSchema.shape.to }),
    output: historyTotalsSchema,
  },
  /**
   * The orders this register's books wrote since `since` (what an open list asks every few seconds,
   * to show another register's refund once it is taken in); `orderIds` null: read the list again.
   */
  'history:changes': {
    role: 'manager',
    watch: true,
    input: z.strictObject({ since: z.number().int().min(-1) }),
    output: z.strictObject({ version: z.number().int().min(0), orderIds: z.array(orderIdSchema).nullable() }),
  },
  /** One order, whole: lines with their discount shares, the payment, attempts and refunds (in a shop, any register's). */
  'history:order': { role: 'manager', input: z.strictObject({ orderId: orderIdSchema }), output: historyOrderSchema },
  'history:export': {
    role: 'manager',
    input: z.strictObject({ filter: historyFilterSchema, headers: csvHeadersSchema.optional() }),
    output: z.strictObject({
      fileName: z.string(),
      csv: z.string().max(500_000_000),
      source: historySourceSchema.optional(),
    }),
  },
});
