import type { Settings } from '../../../../shared/domain/settings';

/**
 * The settings that are the shop's, not one register's: each register of a shared store has the
 * same ones, and a change on any reaches the others. Each with the fields of settings.json it
 * covers (its value, and who changed it when). Everything else is the register's own: its name and
 * id, the shared store's address, Toss keys and mode, the receipt and ticket printers and paper,
 * the customer's screen, automatic updates, the screen language and sounds.
 */
export const SHOP_SETTINGS = {
  store: ['store', 'storeChanged'],
  discountLimits: ['discountLimits', 'discountLimitsChanged'],
  refundPolicy: ['restoreCouponOnRefund', 'refundPolicyChanged'],
  mandatoryCashReceipt: ['mandatoryCashReceipt', 'mandatoryCashReceiptChanged'],
} as const satisfies Record<string, ReadonlyArray<keyof Settings>>;

export type ShopSettingKey = keyof typeof SHOP_SETTINGS;

export function isShopSetting(key: string): key is ShopSettingKey {
  return Object.hasOwn(SHOP_SETTINGS, key);
}

/** The fields of `settings` a shop setting covers, copied. */
export function shopSettingFields(settings: Readonly<Settings>, key: ShopSettingKey): Record<string, unknown> {
  return Object.fromEntries(SHOP_SETTINGS[key].map((field) => [field, structuredClone(settings[field])]));
}
