import { z } from 'zod';
import { registerIdentitySchema } from './shared-store';
import { businessNumberDigits, isBusinessNumber } from './business-number';
import { defaultDiscountLimits, discountLimitsSchema } from './coupons';
import { customerScreenChoiceSchema, defaultCustomerScreen } from './customer-screen';
import { defaultTicketSettings, ticketSettingsSchema } from './order-ticket';
import { defaultReceiptSettings, receiptSettingsSchema } from './receipt-print';

/** A register's first 대기번호 of the day: from 1 up to where four digits still leave room for a long day. */
export const callNumbersFromSchema = z.number().int().min(1).max(9000);

/** The cashier's screen preferences, kept by main so they survive whatever origin the page has. */
export const preferencesSchema = z.strictObject({
  locale: z.enum(['ko', 'en']),
  /** A chime on approval and another on a decline. */
  sounds: z.boolean().default(true),
});
export type Preferences = z.infer<typeof preferencesSchema>;

/** A change to some preferences: only what is named changes (no defaults filled in). */
export const preferencesUpdateSchema = z.strictObject({
  locale: z.enum(['ko', 'en']).optional(),
  sounds: z.boolean().optional(),
});

/** Korean phone numbers as shops write them: 02-123-4567, 010-1234-5678, 1588-1234. */
const PHONE = /^(0\d{1,2}-?\d{3,4}-?\d{4}|1\d{3}-?\d{4})$/;

/** What the receipt prints about the shop. */
export const storeInfoSchema = z.strictObject({
  /** 상호 */
  name: z.string().trim().min(1, 'enter the shop name').max(60),
  /** 대표자 */
  owner: z.string().trim().min(1, 'enter the owner’s name').max(30),
  /** 사업자등록번호, kept as ten digits. */
  businessNumber: z
    .string()
    .transform(businessNumberDigits)
    .refine((digits) => /^\d{10}$/.test(digits), 'a business registration number has 10 digits')
    .refine(isBusinessNumber, 'the business registration number’s check digit does not match'),
  address: z.string().trim().min(1, 'enter the address').max(120),
  phone: z.string().trim().regex(PHONE, 'enter a phone number such as 02-123-4567'),
});
export type StoreInfo = z.infer<typeof storeInfoSchema>;

/** Who changed a setting last, and when: the manager whose session approved it. */
export const changeStampSchema = z.strictObject({ by: z.string().max(40), at: z.string() });

export const settingsSchema = z.strictObject({
  preferences: preferencesSchema,
  store: storeInfoSchema.nullable().default(null),
  storeChanged: changeStampSchema.nullable().default(null),
  toss: z.strictObject({
    /** Chosen by the owner, explicitly: live needs a saved, checked key pair. */
    mode: z.enum(['training', 'live']).default('training'),
    /** The client key of the pair the owner saved; its secret lives in the key store. */
    clientKey: z.string().min(1).max(200).nullable(),
    changed: changeStampSchema.nullable().default(null),
  }),
  /** Manual discounts above these need a manager's PIN at the register. */
  discountLimits: discountLimitsSchema.default(defaultDiscountLimits),
  discountLimitsChanged: changeStampSchema.nullable().default(null),
  /** A full refund gives the order's coupon back while it is still inside its window. */
  restoreCouponOnRefund: z.boolean().default(true),
  refundPolicyChanged: changeStampSchema.nullable().default(null),
  /** 의무발행업종: cash of 100,000원 or more gets a 현금영수증 (자진발급 to the tax office's number when the customer gives none). */
  mandatoryCashReceipt: z.boolean().default(false),
  mandatoryCashReceiptChanged: changeStampSchema.nullable().default(null),
  /** Paper width, silent printing and the printer receipts go to. */
  receipt: receiptSettingsSchema.default(defaultReceiptSettings),
  receiptChanged: changeStampSchema.nullable().default(null),
  /** The order ticket for the bar or kitchen: on or off, its paper and its printer. */
  orderTicket: ticketSettingsSchema.default(defaultTicketSettings),
  orderTicketChanged: changeStampSchema.nullable().default(null),
  /** Which display faces the customer (the desktop app's second monitor); files from before it mean 자동. */
  customerScreen: customerScreenChoiceSchema.default(defaultCustomerScreen),
  customerScreenChanged: changeStampSchema.nullable().default(null),
  /** The installed app fetches updates in the background and installs them on quit or after the day close. */
  autoUpdate: z.boolean().default(true),
  autoUpdateChanged: changeStampSchema.nullable().default(null),
  /** This register as the shop's other registers know it: made the first time it is asked for, then kept. */
  register: registerIdentitySchema.nullable().default(null),
  registerChanged: changeStampSchema.nullable().default(null),
  /**
   * The first 대기번호 this register gives each day (1 on a register on its own). Registers of one
   * shop calling numbers at one counter each start elsewhere (1, 101, 201…), so no two call the
   * same number; it is the register's, and never travels to the others.
   */
  callNumbersFrom: callNumbersFromSchema.default(1),
  /** The shop's shared store (PostgreSQL connection string), checked before it was saved; POS_STORE_URL wins over it. */
  sharedStoreUrl: z.string().max(500).nullable().default(null),
  sharedStoreChanged: changeStampSchema.nullable().default(null),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  preferences: { locale: 'ko', sounds: true },
  store: null,
  storeChanged: null,
  toss: { mode: 'training', clientKey: null, changed: null },
  discountLimits: defaultDiscountLimits,
  discountLimitsChanged: null,
  restoreCouponOnRefund: true,
  refundPolicyChanged: null,
  mandatoryCashReceipt: false,
  mandatoryCashReceiptChanged: null,
  receipt: defaultReceiptSettings,
  receiptChanged: null,
  orderTicket: defaultTicketSettings,
  orderTicketChanged: null,
  customerScreen: defaultCustomerScreen,
  customerScreenChanged: null,
  autoUpdate: true,
  autoUpdateChanged: null,
  register: null,
  registerChanged: null,
  callNumbersFrom: 1,
  sharedStoreUrl: null,
  sharedStoreChanged: null,
};

/** What the settings screen shows: never a key, only its masked tail and how it is kept. */
export const settingsViewSchema = z.strictObject({
  store: storeInfoSchema.nullable(),
  storeChanged: changeStampSchema.nullable(),
  toss: z.strictObject({
    /** The mode running now, and the one saved for the next start (they differ only when keys came from the environment). */
    mode: z.enum(['training', 'live']),
    savedMode: z.enum(['training', 'live']),
    keysFromEnvironment: z.boolean(),
    clientKey: z.string().nullable(),
    secretKey: z.string().nullable(),
    changed: changeStampSchema.nullable(),
    /**
     * Payments, refunds and 현금영수증 of each mode still being settled with that mode's Toss. A switch
     * leaves them to be settled in the background with their own Toss, never the other one.
     */
    openWork: z.strictObject({ live: z.number().int().nonnegative(), training: z.number().int().nonnegative() }),
  }),
  keyStorage: z.strictObject({
    protection: z.enum(['os-keychain', 'weak', 'plain-text', 'none']),
    detail: z.string(),
  }),
  discountLimits: discountLimitsSchema,
  discountLimitsChanged: changeStampSchema.nullable(),
  restoreCouponOnRefund: z.boolean(),
  refundPolicyChanged: changeStampSchema.nullable(),
  receipt: receiptSettingsSchema,
  receiptChanged: changeStampSchema.nullable(),
  mandatoryCashReceipt: z.boolean(),
  mandatoryCashReceiptChanged: changeStampSchema.nullable(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;
