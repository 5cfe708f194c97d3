import { z } from 'zod';
import { wonSchema } from './money';

export const localizedTextSchema = z.strictObject({
  ko: z.string().min(1).max(100),
  en: z.string().min(1).max(100),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const categorySchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: localizedTextSchema,
});
export type Category = z.infer<typeof categorySchema>;

export const productSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  categoryId: z.string(),
  name: localizedTextSchema,
  /** VAT-inclusive unit price. */
  price: wonSchema.min(1),
});
export type Product = z.infer<typeof productSchema>;

export const catalogSchema = z.strictObject({
  categories: z.array(categorySchema),
  products: z.array(productSchema),
});
export type Catalog = z.infer<typeof catalogSchema>;
