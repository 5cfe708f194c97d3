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
});
export type Product = z.infer<typeof productSchema>;

export const catalogSchema = z.strictObject({
  categories: z.array(categorySchema),
  products: z.array(productSchema),
});
export type Catalog = z.infer<typeof catalogSchema>;

/** What the register sells: no retired category or product (sold-out ones stay, shown as such). */
export function sellable(catalog: Catalog): Catalog {
  const categories = catalog.categories.filter((c) => !c.retired);
  const open = new Set(categories.map((c) => c.id));
  return { categories, products: catalog.products.filter((p) => !p.retired && open.has(p.categoryId)) };
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
});
export type ProductDraft = z.infer<typeof productDraftSchema>;

export const categoryDraftSchema = z.strictObject({
  id: catalogIdSchema.optional(),
  name: localizedTextSchema,
});
export type CategoryDraft = z.infer<typeof categoryDraftSchema>;
