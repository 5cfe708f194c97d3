import type { Migration } from '../../../platform/postgres/migrator';

/**
 * Version 6: the shop's change log, so catalog, staff and shop-wide setting edits made on one
 * register reach the others. Each row is one edit as its register recorded it (a catalog edit's
 * changed products, a staff record without its signature, a setting's new value), numbered by
 * `seq` in the order the shop saw them; (register, local_seq) makes a resend change nothing.
 * Rows are only ever added: a register follows them from the last `seq` it applied.
 */
export const shopChanges: Migration = {
  version: 6,
  name: 'shop changes',
  sql: `
    CREATE TABLE shop_changes (
      seq bigserial PRIMARY KEY,
      register_id text NOT NULL REFERENCES registers (id),
      local_seq bigint NOT NULL,
      kind text NOT NULL CHECK (kind IN ('seed', 'catalog', 'staff', 'setting')),
      change jsonb NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (register_id, local_seq)
    );
    CREATE UNIQUE INDEX shop_changes_one_seed ON shop_changes ((kind = 'seed')) WHERE kind = 'seed';
  `,
};
