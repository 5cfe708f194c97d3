import { z } from 'zod';
import { PREPARING_SHOWN_MAX, barTicketSchema, callBoardSchema } from '../../domain/call-board';
import { orderIdSchema } from '../../domain/order';
import { defineChannels } from '../channel';

export const barChannels = defineChannels({
  /**
   * The orders being made, as tickets, and the number board, answered as soon as they are newer
   * than `since` (or after a while unchanged): the bar screen asks again with the version it got.
   */
  'bar:watch': {
    role: 'bar',
    input: z.strictObject({ since: z.number().int().nonnegative() }),
    output: z.strictObject({
      version: z.number().int().nonnegative(),
      board: callBoardSchema,
      tickets: z.array(barTicketSchema).max(PREPARING_SHOWN_MAX),
      /** The register's language, which the bar's screen follows. */
      locale: z.enum(['ko', 'en']),
    }),
  },
  /** The order is made: its number moves to the ready column of the customer's screen. */
  'bar:ready': {
    role: 'bar',
    input: z.strictObject({ orderId: orderIdSchema }),
    output: callBoardSchema,
  },
});
