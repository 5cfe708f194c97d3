import { z } from 'zod';
import {
  businessDaySchema,
  dayCloseSummarySchema,
  dayReportSchema,
  dayViewSchema,
  dayMatchSchema,
} from '../../domain/day-close';
import { defineChannels } from '../channel';

const day = z.strictObject({ day: businessDaySchema });

/** The day close, a manager's: figures, Toss's view of the day, the X and Z reports, CSV. */
export const dayChannels = defineChannels({
  /** A business day's figures (frozen by its close, once closed), and whether it can be closed now. */
  'day:view': { role: 'manager', input: day, output: dayViewSchema },
  /** The day's payments and refunds against Toss's transactions; nothing is changed. */
  'day:match': { role: 'manager', input: day, output: dayMatchSchema },
  /** The X report: the day so far, checked with Toss; nothing is closed or kept. */
  'day:x-report': { role: 'manager', input: day, output: dayReportSchema },
  /** The Z report: closes the day for good; later sales belong to the next day. */
  'day:close': { role: 'manager', tillSignIn: true, input: day, output: dayReportSchema },
  /** The closed days, newest first. */
  'day:closes': { role: 'manager', input: z.strictObject({}), output: z.array(dayCloseSummarySchema) },
  'day:export': {
    role: 'manager',
    input: day,
    output: z.strictObject({ fileName: z.string(), csv: z.string().max(50_000_000) }),
  },
});
