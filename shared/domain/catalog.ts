import { z } from 'zod';
import { wonSchema } from './money';

export const localizedTextSchema = z.strictObject({
  ko: z.string().trim().min(1).max(100),
  en: z.string().trim().min(1).max(100),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const catalogIdSchema = z.string().regex(/^[a-z0-9-]{1,40}$/, 'ids are 1–40 of a–z 0–9 -');

export const categorySchema = z.strictObject({
  id: catalogIdSchema,
  name: localizedTextSchema,
  /** Retired categories stay on record (old orders name them) but leave the register. */
  retired: z.boolean().default(false),
});
export type Category = z.infer<typeof categorySchema>;

/**
 * What a scanner reads: EAN-13 (13 digits, last one a check digit) or Code 128 text (printable
 * ASCII, up to 48 characters).
 */
export const barcodeSchema = z
  .string()
  .trim()
  .min(1)
  .max(48)
  .regex(/^[\x21-\x7e]+$/, 'a barcode is printable ASCII without spaces')
  .refine((code) => !/^\d{13}$/.test(code) || ean13CheckDigitOk(code), 'the EAN-13 check digit does not match');

export function ean13CheckDigitOk(code: string): boolean {
  const digits = [...code].map(Number);
  const sum = digits.slice(0, 12).reduce((total, digit, i) => total + digit * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === digits[12];
}

/** One price a product had from a moment on, and who set it (the manager's name). */
export const priceChangeSchema = z.strictObject({
  price: wonSchema,
  from: z.string(),
  by: z.string().max(40),
});
export type PriceChange = z.infer<typeof priceChangeSchema>;

/** One choice in an option group ("ICE", "L", "샷 추가"): its price per one, kept with its history like a product's. */
export const optionSchema = z.strictObject({
  id: catalogIdSchema,
  name: localizedTextSchema,
  /** VAT-inclusive, added to the product's price for each one picked; 0 for a free choice. */
  price: wonSchema.max(100_000_000),
  soldOut: z.boolean().default(false),
  retired: z.boolean().default(false),
  priceHistory: z.array(priceChangeSchema).default([]),
});
export type MenuOption = z.infer<typeof optionSchema>;

/**
 * A group of options products share ("온도" HOT/ICE, "사이즈" R/L, "샷 추가" 0–3): a line picks
 * between `min` and `max` of its options in all (one option may be picked several times), and
 * the register preselects `defaults` so Enter alone adds the usual.
 */
export const optionGroupSchema = z
  .strictObject({
    id: catalogIdSchema,
    name: localizedTextSchema,
    min: z.number().int().min(0).max(9),
    max: z.number().int().min(1).max(9),
    options: z.array(optionSchema).min(1).max(30),
    defaults: z.array(catalogIdSchema).max(9).default([]),
    retired: z.boolean().default(false),
  })
  .refine((group) => group.min <= group.max, 'a group’s minimum is at most its maximum');
export type OptionGroup = z.infer<typeof optionGroupSchema>;

/**
 * A manager's count of a product on hand and when it was counted: what is left is derived from
 * the order books (orders created after `at`), never stored, so it follows the order journal.
 */
export const productStockSchema = z.strictObject({
  count: z.number().int().min(0).max(1_000_000),
  at: z.string(),
});
export type ProductStock = z.infer<typeof productStockSchema>;

export const productSchema = z.strictObject({
  id: catalogIdSchema,
  categoryId: z.string(),
  name: localizedTextSchema,
  /** VAT-inclusive unit price for new orders; stored orders keep the price they were rung up at. */
  price: wonSchema.min(1),
  barcode: barcodeSchema.nullable().default(null),
  soldOut: z.boolean().default(false),
  retired: z.boolean().default(false),
  priceHistory: z.array(priceChangeSchema).default([]),
  /** The option groups the register asks for when this product is rung up, in order. */
  optionGroupIds: z.array(catalogIdSchema).max(10).default([]),
  /** Where the register shows its tile, 1 first; absent in catalogs from before tiles could be moved (file order then). */
  position: z.number().int().min(1).max(100_000).optional(),
  /** 면세 (e.g. unprocessed farm produce): no VAT on it, and Toss is told its share as taxFreeAmount. */
  taxFree: z.boolean().default(false),
  /** Absent: stock is not tracked. */
  stock: productStockSchema.optional(),
  /** What is left of `stock` in this mode's books, as main reports it (never stored in catalog.json). */
  stockLeft: z.number().int().optional(),
});
export type Product = z.infer<typeof productSchema>;

export const catalogSchema = z.strictObject({
  categories: z.array(categorySchema),
  products: z.array(productSchema),
  optionGroups: z.array(optionGroupSchema).default([]),
});
export type Catalog = z.infer<typeof catalogSchema>;

/** What the register sells: no retired category or product (sold-out ones stay, shown as such). */
export function sellable(catalog: Catalog): Catalog {
  const categories = catalog.categories.filter((c) => !c.retired);
  const open = new Set(categories.map((c) => c.id));
  return {
    categories,
    products: catalog.products.filter((p) => !p.retired && open.has(p.categoryId)),
    optionGroups: catalog.optionGroups.filter((g) => !g.retired),
  };
}

export const productDraftSchema = z.strictObject({
  /** Absent for a new product: main makes the id from the English name. */
  id: catalogIdSchema.optional(),
  categoryId: catalogIdSchema,
  name: localizedTextSchema,
  price: z
    .number()
    .int('prices are whole won')
    .min(1, 'a price is at least 1 won')
    .max(100_000_000, 'a price is at most 100,000,000 won'),
  barcode: barcodeSchema.nullable(),
  /** The option groups to ask for, in order; absent keeps the product's own (none for a new one). */
  optionGroupIds: z.array(catalogIdSchema).max(10).optional(),
  /** Absent keeps the product's own (taxable for a new one). */
  taxFree: z.boolean().optional(),
  /** A new count on hand (counted now); null stops tracking; absent keeps the product's own. */
  stock: z
    .number()
    .int('a stock count is whole units')
    .min(0, 'a stock count is 0 or more')
    .max(1_000_000, 'a stock count is at most 1,000,000')
    .nullable()
    .optional(),
});
export type ProductDraft = z.infer<typeof productDraftSchema>;

/** One option as the group editor sends it; an existing one keeps its id (and its price history). */
export const optionDraftSchema = z.strictObject({
  /** Absent for a new option: main makes the id from the English name, unique across every group. */
  id: catalogIdSchema.optional(),
  name: localizedTextSchema,
  price: z
    .number()
    .int('prices are whole won')
    .min(0, 'an option’s price is 0 won or more')
    .max(100_000_000, 'a price is at most 100,000,000 won'),
  /** Preselected on the register, so Enter alone adds the usual. */
  isDefault: z.boolean(),
});

/**
 * A whole option group as the group editor sends it: every option it has (retired ones too,
 * since options are retired, never removed), in the order the register shows them.
 */
export const optionGroupDraftSchema = z.strictObject({
  id: catalogIdSchema.optional(),
  name: localizedTextSchema,
  min: z.number().int().min(0).max(9),
  max: z.number().int().min(1).max(9),
  options: z.array(optionDraftSchema).min(1).max(30),
});
export type OptionGroupDraft = z.infer<typeof optionGroupDraftSchema>;

export const categoryDraftSchema = z.strictObject({
  id: catalogIdSchema.optional(),
  name: localizedTextSchema,
});
export type CategoryDraft = z.infer<typeof categoryDraftSchema>;
