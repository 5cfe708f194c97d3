import { z } from 'zod';
import {
  businessDaySchema,
  dayCloseSummarySchema,
  dayReportSchema,
  dayViewSchema,
  dayMatchSchema,
} from '../../domain/day-close';
import { csvHeadersSchema } from '../../domain/csv-headers';
import { defineChannels } from '../channel';

const day = z.strictObject({ day: businessDaySchema });

/** The day close, a manager's: figures, Toss's view of the day, the X and Z reports, CSV. */
export const dayChannels = defineChannels({
  /** The business day a sale made now belongs to, by main's clock (the next day after an evening close): every screen's default date. */
  'day:today': { role: 'cashier', input: z.strictObject({}), output: z.strictObject({ day: businessDaySchema }) },
  /** A business day's figures (frozen by its close, once closed), and whether it can be closed now. */
  'day:view': { role: 'manager', input: day, output: dayViewSchema },
  /** The day's payments and refunds against Toss's transactions; nothing is changed. */
  'day:match': { role: 'manager', input: day, output: dayMatchSchema },
  /** The X report: the day so far, checked with Toss; nothing is closed or kept. */
  'day:x-report': { role: 'manager', input: day, output: dayReportSchema },
  /** The Z report: closes the day for good; later sales belong to the next day. */
  'day:close': { role: 'manager', tillSignIn: true, input: day, output: dayReportSchema },
  /** In training only: a practice Z over the training sales, marked as practice; nothing is closed or kept. */
  'day:practice-close': { role: 'manager', input: day, output: dayReportSchema },
  /** The closed days, newest first. */
  'day:closes': { role: 'manager', input: z.strictObject({}), output: z.array(dayCloseSummarySchema) },
  'day:export': {
    role: 'manager',
    input: z.strictObject({ day: businessDaySchema, headers: csvHeadersSchema.optional() }),
    output: z.strictObject({ fileName: z.string(), csv: z.string().max(50_000_000) }),
  },
});
