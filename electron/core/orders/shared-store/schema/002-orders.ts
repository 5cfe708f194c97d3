import type { Migration } from '../../../platform/postgres/migrator';

/**
 * Version 2: each order's latest state, taken from the latest of its journal lines (`line_no` says
 * which, so a line replayed late never moves an order back). Filled from the lines a version-1
 * database already holds.
 */
export const orders: Migration = {
  version: 2,
  name: 'orders',
  sql: `
    CREATE TABLE orders (
      order_id text PRIMARY KEY,
      register_id text NOT NULL REFERENCES registers (id),
      business_day date NOT NULL,
      line_no integer NOT NULL,
      status text NOT NULL,
      total bigint NOT NULL,
      document jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX orders_by_day ON orders (business_day, register_id);
    INSERT INTO orders (order_id, register_id, business_day, line_no, status, total, document)
      SELECT DISTINCT ON (order_id) order_id, register_id, business_day, line_no, line->>'status',
             (line->>'amount')::bigint, line
        FROM journal_lines
       ORDER BY order_id, business_day DESC, line_no DESC;
  `,
};
