import { z } from 'zod';
import {
  catalogIdSchema,
  catalogSchema,
  categoryDraftSchema,
  categorySchema,
  optionGroupDraftSchema,
  optionGroupSchema,
  productDraftSchema,
  productSchema,
} from '../../domain/catalog';
import { defineChannels } from '../channel';

export const catalogChannels = defineChannels({
  /** What the register sells now (retired products and categories left out). */
  'catalog:list': { role: 'cashier', input: z.strictObject({}), output: catalogSchema },
  /** How many times the catalog has changed since main started: the register reads it again when this moves (an edit made at another register). */
  'catalog:version': {
    role: 'cashier',
    input: z.strictObject({}),
    output: z.strictObject({ version: z.number().int().min(0) }),
  },
  /** Everything, retired included, with price histories: the catalog screen. */
  'catalog:manage': { role: 'manager', input: z.strictObject({}), output: catalogSchema },
  'catalog:save-product': { role: 'manager', outlivesTraining: true, input: productDraftSchema, output: productSchema },
  'catalog:set-sold-out': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({ productId: catalogIdSchema, soldOut: z.boolean() }),
    output: productSchema,
  },
  /** Moves a product's tile on the register to `position` (1 is first); main renumbers the rest. */
  'catalog:move-product': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({ productId: catalogIdSchema, position: z.number().int().min(1).max(100_000) }),
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
  /** Adds or edits an option group with all its options (new ones get ids from their English names). */
  'catalog:save-option-group': {
    role: 'manager',
    outlivesTraining: true,
    input: optionGroupDraftSchema,
    output: optionGroupSchema,
  },
  'catalog:retire-option-group': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({ groupId: catalogIdSchema, retired: z.boolean() }),
    output: optionGroupSchema,
  },
  /** Answers with the option's group (option ids are unique across the catalog). */
  'catalog:set-option-sold-out': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({ optionId: catalogIdSchema, soldOut: z.boolean() }),
    output: optionGroupSchema,
  },
  'catalog:retire-option': {
    role: 'manager',
    outlivesTraining: true,
    input: z.strictObject({ optionId: catalogIdSchema, retired: z.boolean() }),
    output: optionGroupSchema,
  },
});
