import { z } from 'zod';
import {
  couponBatchSchema,
  couponDefinitionDraftSchema,
  couponDefinitionSchema,
  couponFilterSchema,
  couponIssueRequestSchema,
  couponPageSchema,
  issuedCouponSchema,
} from '../../domain/coupons';
import { csvHeadersSchema } from '../../domain/csv-headers';
import { defineChannels } from '../channel';

export const couponChannels = defineChannels({
  'coupons:definitions': { role: 'manager', input: z.strictObject({}), output: z.array(couponDefinitionSchema) },
  'coupons:define': { role: 'manager', input: couponDefinitionDraftSchema, output: couponDefinitionSchema },
  /** 1 to 10,000 new codes for a definition, valid in a window of Seoul dates or times. */
  'coupons:issue': { role: 'manager', input: couponIssueRequestSchema, output: couponBatchSchema },
  'coupons:list': {
    role: 'manager',
    input: couponFilterSchema.extend({
      offset: z.number().int().min(0).max(1_000_000),
      limit: z.number().int().min(1).max(200),
    }),
    output: couponPageSchema,
  },
  'coupons:void': { role: 'manager', input: z.strictObject({ code: z.string().max(40) }), output: issuedCouponSchema },
  /** The matching codes as CSV, for printing or a mail-merge. */
  'coupons:export': {
    role: 'manager',
    input: couponFilterSchema.extend({ headers: csvHeadersSchema.optional() }),
    output: z.strictObject({ fileName: z.string(), csv: z.string().max(200_000_000) }),
  },
});
