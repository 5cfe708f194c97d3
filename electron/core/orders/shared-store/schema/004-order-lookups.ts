import type { Migration } from '../../../platform/postgres/migrator';

/**
 * Version 4: what history and the day's figures look up across the shop without reading every
 * order: any register's order by its card approval number (the slip a customer brings back: the
 * first card's number, and each card part's of an order paid in parts, by containment on `parts`),
 * and the orders that have refunds at all (a day's figures count refunds of older sales on the day
 * they were made).
 */
export const orderLookups: Migration = {
  version: 4,
  name: 'order lookups',
  sql: `
    CREATE INDEX orders_by_approval ON orders ((document #>> '{payment,approveNo}'));
    CREATE INDEX orders_by_part_approval ON orders USING gin ((document -> 'parts') jsonb_path_ops);
    CREATE INDEX orders_refunded ON orders (order_id) WHERE jsonb_array_length(document -> 'refunds') > 0;
  `,
};
