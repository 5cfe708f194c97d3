import type { Migration } from '../../../platform/postgres/migrator';

/**
 * Version 3: the shop's coupons, so one coupon is used once whichever register rings it up. Each
 * issued code with the batch and definition it was issued under (`document`), and beside it who
 * holds it now: free, reserved by an open order, used by a paid one, released (free again after a
 * hold or a use was given back) or voided. A register takes it with a conditional update, so of
 * registers racing for a code exactly one gets it.
 */
export const coupons: Migration = {
  version: 3,
  name: 'coupons',
  sql: `
    CREATE TABLE coupons (
      code text PRIMARY KEY,
      batch_id text NOT NULL,
      definition_id text NOT NULL,
      document jsonb NOT NULL,
      issued_at timestamptz NOT NULL,
      issued_by_register text NOT NULL REFERENCES registers (id)
    );
    CREATE INDEX coupons_by_batch ON coupons (batch_id);
    CREATE TABLE coupon_reservations (
      code text PRIMARY KEY REFERENCES coupons (code),
      state text NOT NULL DEFAULT 'free' CHECK (state IN ('free', 'reserved', 'used', 'released', 'voided')),
      order_id text,
      register_id text REFERENCES registers (id),
      at timestamptz NOT NULL DEFAULT now(),
      CHECK (state NOT IN ('reserved', 'used') OR (order_id IS NOT NULL AND register_id IS NOT NULL))
    );
    CREATE INDEX coupon_reservations_by_order ON coupon_reservations (order_id);
  `,
};
