import { z } from 'zod';
import { historySourceSchema } from '../../domain/history';
import { monthReportSchema, monthSchema } from '../../domain/month-report';
import { defineChannels } from '../channel';

const month = z.strictObject({ month: monthSchema });

/** The month for the 세무사 (a manager's): per business day and in total, as on the Z reports. */
export const monthChannels = defineChannels({
  'month:report': { role: 'manager', input: month, output: monthReportSchema },
  'month:export': {
    role: 'manager',
    input: month,
    output: z.strictObject({
      fileName: z.string(),
      csv: z.string().max(50_000_000),
      /** As the report's: the CSV is this register's days only while the shared store did not answer. */
      source: historySourceSchema.optional(),
    }),
  },
});
