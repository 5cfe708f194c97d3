import type { Migration } from '../../../platform/postgres/migrator';

/**
 * Version 5: changes a register made to another register's order (a manager's refund of it, or
 * the settling of open work a register gone for good left). One row per order and register that
 * changed it, holding the order's whole document after the change and a version that goes up
 * with each write; `applied_at` is set once the order's own register has taken that version into
 * its books, and cleared by the next write.
 */
export const orderChanges: Migration = {
  version: 5,
  name: 'order changes made at another register',
  sql: `
    CREATE TABLE order_changes (
      order_id text NOT NULL,
      by_register text NOT NULL REFERENCES registers (id),
      owner_register text NOT NULL REFERENCES registers (id),
      version integer NOT NULL DEFAULT 1,
      document jsonb NOT NULL,
      made_at timestamptz NOT NULL DEFAULT now(),
      applied_at timestamptz,
      PRIMARY KEY (order_id, by_register)
    );
    CREATE INDEX order_changes_waiting ON order_changes (owner_register) WHERE applied_at IS NULL;
  `,
};
