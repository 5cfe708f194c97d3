import type { Migration } from '../../../platform/postgres/migrator';

/**
 * Version 7: what the shop's day close needs beyond the orders. Each register's drawer shifts, the
 * latest state of each as its drawer journal last wrote it (`line_no` is where that line sits in the
 * register's journal of the shift's day, so a line sent again or late never moves a shift back); and
 * the shop's day closes, one a business day: the first register to close the shop's day holds it.
 */
export const drawersAndDayCloses: Migration = {
  version: 7,
  name: 'drawer shifts and day closes',
  sql: `
    CREATE TABLE drawer_shifts (
      register_id text NOT NULL REFERENCES registers (id),
      shift_id text NOT NULL,
      business_day date NOT NULL,
      line_no integer NOT NULL CHECK (line_no >= 1),
      document jsonb NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (register_id, shift_id)
    );
    CREATE INDEX drawer_shifts_by_day ON drawer_shifts (business_day, register_id);
    CREATE TABLE day_closes (
      business_day date PRIMARY KEY,
      register_id text NOT NULL REFERENCES registers (id),
      closed_by text NOT NULL,
      closed_at timestamptz NOT NULL,
      report jsonb NOT NULL
    );
  `,
};
