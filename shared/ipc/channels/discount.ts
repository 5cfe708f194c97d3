import { z } from 'zod';
import { discountToApproveSchema } from '../../domain/coupons';
import { defineChannels } from '../channel';

export const discountChannels = defineChannels({
  /** A manager's PIN on the spot for a manual discount above the shop's limit. */
  'discount:approve': {
    role: 'cashier',
    input: z.strictObject({ pin: z.string().max(32), discount: discountToApproveSchema }),
    output: z.strictObject({ approvalId: z.string(), approvedBy: z.string() }),
  },
});
