import type { Migration } from '../../../platform/postgres/migrator';

/**
 * Version 4: history finds any register's order by its card approval number (the slip a customer
 * brings back) without reading every order: the first card's number, and each card part's of an
 * order paid in parts (a containment index on `parts`).
 */
export const orderApprovals: Migration = {
  version: 4,
  name: 'order approvals',
  sql: `
    CREATE INDEX orders_by_approval ON orders ((document #>> '{payment,approveNo}'));
    CREATE INDEX orders_by_part_approval ON orders USING gin ((document -> 'parts') jsonb_path_ops);
  `,
};
