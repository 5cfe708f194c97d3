import { z } from 'zod';

/**
 * The language of a CSV's header row: the screen's (ko or en), or the machine words scripts read
 * (`order_id`, `business_day` …), which exports without a choice keep.
 */
export const csvHeadersSchema = z.enum(['ko', 'en', 'machine']);
export type CsvHeaders = z.infer<typeof csvHeadersSchema>;
