import { z } from 'zod';
import { orderSchema } from '../../domain/order';
import { defineChannels } from '../channel';

/** How many of the business day's receipts the register lists for a cashier to reprint. */
export const RECENT_RECEIPTS = 20;

export const receiptsChannels = defineChannels({
  /**
   * The current business day's last paid orders, newest first (at most RECENT_RECEIPTS): a
   * cashier reprints a receipt from them without a manager. Older days stay in the manager's history.
   */
  'receipts:recent': { role: 'cashier', input: z.strictObject({}), output: z.array(orderSchema).max(RECENT_RECEIPTS) },
});
