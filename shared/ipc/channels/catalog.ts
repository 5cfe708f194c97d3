import { z } from 'zod';
import {
  catalogIdSchema,
  catalogSchema,
  categoryDraftSchema,
  categorySchema,
  productDraftSchema,
  productSchema,
} from '../../domain/catalog';
import { defineChannels } from '../channel';

export const catalogChannels = defineChannels({
  /** What the register sells now (retired products and categories left out). */
  'catalog:list': { role: 'cashier', input: z.strictObject({}), output: catalogSchema },
  /** Everything, retired included, with price histories: the catalog screen. */
  'catalog:manage': { role: 'manager', input: z.strictObject({}), output: catalogSchema },
  'catalog:save-product': { role: 'manager', outlivesTraining: true, input: productDraftSchema, output: productSchema },
  'catalog:set-sold-out': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({ productId: catalogIdSchema, soldOut: z.boolean() }),
    output: productSchema,
  },
  'catalog:retire-product': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({ productId: catalogIdSchema, retired: z.boolean() }),
    output: productSchema,
  },
  'catalog:save-category': {
    role: 'manager',
    outlivesTraining: true,
    input: categoryDraftSchema,
    output: categorySchema,
  },
  'catalog:retire-category': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({ categoryId: catalogIdSchema, retired: z.boolean() }),
    output: categorySchema,
  },
});
