import type { PostgresClient } from '../../platform/postgres/postgres-pool';
import { receiptNotBehindSql } from './cash-receipt-sql';

/** One journal line on its way: where it sits in its day's journal, and the order it holds. */
export interface OutgoingLine {
  lineNo: number;
  orderId: string;
  line: unknown;
}

/** The register's row: made on its first connection, its name and last-seen time kept current. */
export async function upsertRegister(client: PostgresClient, register: { id: string; name: string }): Promise<void> {
  await client.query(
    `INSERT INTO registers (id, name, last_seen_at) VALUES ($1, $2, now())
     ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, last_seen_at = now()`,
    [register.id, register.name],
  );
}

/**
 * Writes a run of one day's journal lines (inside the caller's transaction). A line the database
 * already has is left as it is (its key is where it sits in the register's journal); each order
 * row moves only forward, to a later line than the one it was taken from, and never to a line
 * with fewer refunds than it holds (a refund another register made is in the row before the
 * order's own register has taken it into its books: its lines from before that must not undo it),
 * nor to a 현금영수증 another register settled shown unsettled again.
 */
export async function writeLines(
  client: PostgresClient,
  registerId: string,
  day: string,
  lines: readonly OutgoingLine[],
): Promise<void> {
  const rows = lines.map((l) => ({ line_no: l.lineNo, order_id: l.orderId, line: l.line }));
  await client.query(
    `INSERT INTO journal_lines (register_id, business_day, line_no, order_id, line)
     SELECT $1, $2::date, t.line_no, t.order_id, t.line
       FROM jsonb_to_recordset($3::jsonb) AS t (line_no integer, order_id text, line jsonb)
     ON CONFLICT (register_id, business_day, line_no) DO NOTHING`,
    [registerId, day, JSON.stringify(rows)],
  );
  // One row per order: an upsert may not touch the same row twice in one statement.
  const latest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) latest.set(row.order_id, row);
  await client.query(
    `INSERT INTO orders (order_id, register_id, business_day, line_no, status, total, document)
     SELECT t.order_id, $1, $2::date, t.line_no, t.line->>'status', (t.line->>'amount')::bigint, t.line
       FROM jsonb_to_recordset($3::jsonb) AS t (line_no integer, order_id text, line jsonb)
     ON CONFLICT (order_id) DO UPDATE
       SET register_id = EXCLUDED.register_id, business_day = EXCLUDED.business_day, line_no = EXCLUDED.line_no,
           status = EXCLUDED.status, total = EXCLUDED.total, document = EXCLUDED.document, updated_at = now()
     WHERE (orders.business_day, orders.line_no) < (EXCLUDED.business_day, EXCLUDED.line_no)
       AND jsonb_array_length(COALESCE(EXCLUDED.document->'refunds', '[]')) >=
           jsonb_array_length(COALESCE(orders.document->'refunds', '[]'))
       AND ${receiptNotBehindSql('orders.document', 'EXCLUDED.document')}`,
    [registerId, day, JSON.stringify([...latest.values()])],
  );
}
