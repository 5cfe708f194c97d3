import { z } from 'zod';
import { orderSchema } from '../../domain/order';
import { defineChannels } from '../channel';

export const receiptsChannels = defineChannels({
  /**
   * The current business day's last paid orders, newest first (at most 20): a
   * cashier reprints a receipt from them without a manager. Older days stay in the manager's history.
   */
  'receipts:recent': { role: 'cashier', input: z.strictObject({}), output: z.array(orderSchema) },
});
