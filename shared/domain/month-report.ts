import { z } from 'zod';
import { businessDaySchema } from './day-close';
import { historySourceSchema } from './history';
import { dayTaxFiguresSchema } from './tax-report';

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month is YYYY-MM');

/**
 * A month as the shop's 세무사 reads it: each business day that sold or refunded anything, with
 * the figures of its Z report (the day so far while it is not closed), and the month's total. On a
 * shared store each day is the shop's: the shop's Z (made on any register), or every register's day so far.
 */
export const monthReportSchema = z.strictObject({
  month: monthSchema,
  days: z.array(z.strictObject({ day: businessDaySchema, closed: z.boolean(), taxes: dayTaxFiguresSchema })),
  total: dayTaxFiguresSchema,
  /** On a shared store: every register's days, or this register's only (the store did not answer); absent without one. */
  source: historySourceSchema.optional(),
});
export type MonthReport = z.infer<typeof monthReportSchema>;
