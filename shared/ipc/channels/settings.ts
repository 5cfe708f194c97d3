import { z } from 'zod';
import { discountLimitsSchema } from '../../domain/coupons';
import { receiptSettingsSchema } from '../../domain/receipt-print';
import { settingsViewSchema, storeInfoSchema } from '../../domain/settings';
import { defineChannels } from '../channel';

export const settingsChannels = defineChannels({
  'settings:get': { role: 'manager', input: z.strictObject({}), output: settingsViewSchema },
  'settings:save-store': {
    role: 'manager',
    outlivesTraining: true,
    input: storeInfoSchema,
    output: settingsViewSchema,
  },
  /** Checks the pair with Toss (a read that must say "not found", not "unauthorised") before keeping it. */
  'settings:save-toss-keys': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({
      clientKey: z.string().trim().min(1).max(200),
      secretKey: z.string().trim().min(1).max(200),
      /** The owner read that this computer cannot encrypt the key, and wants it kept anyway. */
      acceptUnencrypted: z.boolean(),
    }),
    output: settingsViewSchema,
  },
  /** Above these a cashier's manual discount needs a manager's PIN. */
  'settings:save-discount-limits': {
    role: 'manager',
    outlivesTraining: true,
    input: discountLimitsSchema,
    output: settingsViewSchema,
  },
  /** Whether a full refund gives the order's coupon back (while it is still inside its window). */
  'settings:save-refund-policy': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({ restoreCouponOnRefund: z.boolean() }),
    output: settingsViewSchema,
  },
  /** 의무발행업종: a 현금영수증 for every cash sale of 100,000원 or more, to the tax office's number when the customer gives none. */
  'settings:save-mandatory-cash-receipt': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({ mandatoryCashReceipt: z.boolean() }),
    output: settingsViewSchema,
  },
  /** Receipt paper width, silent printing and the printer. */
  'settings:save-receipt': {
    role: 'manager',
    outlivesTraining: true,
    input: receiptSettingsSchema,
    output: settingsViewSchema,
  },
  /** Training ↔ live, explicitly confirmed; the page reloads into the new mode. */
  'settings:set-mode': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({ mode: z.enum(['training', 'live']), confirm: z.literal(true) }),
    output: settingsViewSchema,
  },
});
