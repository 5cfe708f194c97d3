import type { Migration } from '../../../platform/postgres/migrator';

/**
 * Version 1: the registers of the shop, and every live journal line each one has sent, keyed by
 * where it sits in its register's own journal (register, business day, line number), so a line
 * sent twice is the same row.
 */
export const registersAndJournalLines: Migration = {
  version: 1,
  name: 'registers and journal lines',
  sql: `
    CREATE TABLE registers (
      id text PRIMARY KEY,
      name text NOT NULL,
      last_seen_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE journal_lines (
      register_id text NOT NULL REFERENCES registers (id),
      mode text NOT NULL DEFAULT 'live' CHECK (mode = 'live'),
      business_day date NOT NULL,
      line_no integer NOT NULL CHECK (line_no >= 1),
      order_id text NOT NULL,
      line jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (register_id, business_day, line_no)
    );
    CREATE INDEX journal_lines_by_order ON journal_lines (order_id);
  `,
};
