import { z } from 'zod';
import { catalogSchema, categorySchema, optionGroupSchema, productSchema } from '../../../../shared/domain/catalog';
import { roles } from '../../../../shared/domain/staff';
import { pinHashSchema } from '../staff/pin-hash';

/** A catalog edit as it travels: the changed products whole, categories or option groups whole when they changed. */
export const sharedCatalogEditSchema = z.strictObject({
  products: z.array(productSchema),
  categories: z.array(categorySchema).optional(),
  optionGroups: z.array(optionGroupSchema).optional(),
});
export type SharedCatalogEdit = z.infer<typeof sharedCatalogEditSchema>;

/** A member of staff as it travels: the PIN as its salted hash (never in clear), and no signature (each register signs with its own key). */
export const sharedStaffSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: z.enum(roles),
  pin: pinHashSchema.nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type SharedStaff = z.infer<typeof sharedStaffSchema>;

/** The shop-wide settings, by name, each with the fields of settings.json it covers (its value and its change stamp). */
export const sharedSettingSchema = z.strictObject({
  key: z.string(),
  fields: z.record(z.string(), z.unknown()),
});
export type SharedSetting = z.infer<typeof sharedSettingSchema>;

/** What the first register to reach the store sets up as the shop's: its catalog, staff and shop-wide settings. */
export const shopSeedSchema = z.strictObject({
  catalog: catalogSchema,
  staff: z.array(sharedStaffSchema),
  settings: z.array(sharedSettingSchema),
});
export type ShopSeed = z.infer<typeof shopSeedSchema>;

export const shopChangeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('seed'), change: shopSeedSchema }),
  z.strictObject({ kind: z.literal('catalog'), change: sharedCatalogEditSchema }),
  z.strictObject({ kind: z.literal('staff'), change: sharedStaffSchema }),
  z.strictObject({ kind: z.literal('setting'), change: sharedSettingSchema }),
]);
export type ShopChange = z.infer<typeof shopChangeSchema>;

/** A change of this register's as its outbox keeps it, numbered in the order it was made here. */
export const outboxLineSchema = z.discriminatedUnion('kind', [
  z.strictObject({ n: z.number().int().min(1), kind: z.literal('catalog'), change: sharedCatalogEditSchema }),
  z.strictObject({ n: z.number().int().min(1), kind: z.literal('staff'), change: sharedStaffSchema }),
  z.strictObject({ n: z.number().int().min(1), kind: z.literal('setting'), change: sharedSettingSchema }),
]);
export type OutboxLine = z.infer<typeof outboxLineSchema>;
/** What a register records of its own (the seed is given once, at joining). */
export type LocalShopChange = Exclude<ShopChange, { kind: 'seed' }>;

/** One row of the shop's log as the store gives it: its place in the shop's order, the register that made it, and the change (read by `shopChangeSchema`). */
export interface LoggedShopChange {
  seq: number;
  registerId: string;
  kind: string;
  change: unknown;
}

/**
 * The shop's change log on the shared store (implemented over PostgreSQL in
 * `orders/shared-store/shop-change-log.ts`, wired in app/). Every call answers from the store or throws.
 */
export interface ShopChangeLog {
  /**
   * This register joins the shop: when the log has no seed yet, `seed()` becomes it (true: this
   * register's catalog, staff and settings are the shop's); else false, and the register adopts the shop's.
   */
  join(seed: () => ShopSeed, registerId: string): Promise<boolean>;
  /** Adds this register's changes, each once by its local number (a resend changes nothing). */
  send(changes: ReadonlyArray<{ localSeq: number } & ShopChange>, registerId: string): Promise<void>;
  /** The changes after `seq`, in the shop's order. */
  after(seq: number, limit: number): Promise<LoggedShopChange[]>;
  /** Calls `heard` when another register adds a change (best effort: following also polls). */
  listen(heard: () => void): Promise<void>;
  stop(): Promise<void>;
}
