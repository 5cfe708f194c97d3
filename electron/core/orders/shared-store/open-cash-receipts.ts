import type { PostgresClient } from '../../platform/postgres/postgres-pool';
import { receiptSql } from './cash-receipt-sql';

/** A 현금영수증 another register left under way: an issue whose answer it never had, or a cancel a refund owes. */
export interface OpenCashReceipt {
  orderId: string;
  registerId: string;
  registerName: string;
  kind: 'cash-receipt-issue' | 'cash-receipt-cancel';
  /** What the issue asked for, or what is still to be cancelled. */
  amount: number;
  startedAt: string;
}

/** The paid cash part of an order paid in parts, as `cashPartOf` finds it. */
const CASH_PART = `'$.parts[*] ? (@.method == "cash" && @.status == "PAID")'`;

/**
 * Other registers' 현금영수증 work, found in SQL so that with nothing open no document comes to
 * Node. Only orders whose receipt is ISSUING, or that have refunds at all (migration 004's partial
 * index), are looked into; for those the cancel owed is worked out as `cancelOwed` does: what the
 * receipt covers beyond what the customer still has paid in cash (refunds that went through only).
 * A receipt whose cancel Toss refused for good keeps its failure for the manager and is not listed.
 */
const OPEN_CASH_RECEIPTS = `
  WITH candidates AS (
    SELECT o.order_id, o.register_id, o.updated_at, o.document, ${receiptSql('o.document')} AS receipt,
           jsonb_typeof(o.document->'cash') = 'object' AS whole
      FROM orders o
     WHERE o.register_id <> $1
       AND (o.document @? '$.cash.cashReceipt ? (@.status == "ISSUING")'
            OR o.document @? '$.parts[*].cash.cashReceipt ? (@.status == "ISSUING")'
            OR jsonb_array_length(o.document->'refunds') > 0)
  ), sides AS (
    SELECT c.*,
           CASE WHEN c.whole THEN (c.document->>'amount')::bigint
                ELSE (jsonb_path_query_first(c.document, (${CASH_PART} || '.amount')::jsonpath))::text::bigint END AS paid,
           CASE WHEN c.whole THEN NULL
                ELSE jsonb_path_query_first(c.document, (${CASH_PART} || '.part')::jsonpath) END AS part
      FROM candidates c
     WHERE jsonb_typeof(c.receipt) = 'object' AND c.receipt->>'status' IN ('ISSUING', 'ISSUED')
  ), owed AS (
    SELECT s.*, b.last_at, COALESCE((s.receipt->>'amount')::bigint, s.paid) AS covered,
           COALESCE((s.receipt->>'canceledAmount')::bigint, 0) AS canceled,
           LEAST(COALESCE((s.receipt->>'amount')::bigint, s.paid),
                 GREATEST(0, COALESCE((s.receipt->>'amount')::bigint, s.paid) - (s.paid - b.given_back))) AS owed
      FROM sides s
     CROSS JOIN LATERAL (
       SELECT COALESCE(sum((r->>'amount')::bigint), 0) AS given_back,
              max(COALESCE(r->>'canceledAt', r->>'requestedAt')) AS last_at
         FROM jsonb_array_elements(s.document->'refunds') r
        WHERE r->>'status' = 'DONE' AND (s.part IS NULL OR r->'part' = s.part)
     ) b
  )
  SELECT w.order_id, w.register_id, g.name, w.receipt->>'status' AS status, w.receipt->>'requestedAt' AS requested_at,
         w.covered, w.owed - w.canceled AS left_to_cancel, w.last_at
    FROM owed w JOIN registers g ON g.id = w.register_id
   WHERE w.receipt->>'status' = 'ISSUING'
      OR (w.receipt->>'receiptKey' IS NOT NULL AND jsonb_typeof(w.receipt->'failure') IS DISTINCT FROM 'object'
          AND w.owed > w.canceled)
   ORDER BY w.updated_at`;

export async function openCashReceiptsElsewhere(client: PostgresClient, here: string): Promise<OpenCashReceipt[]> {
  const rows = await client.query<{
    order_id: string;
    register_id: string;
    name: string;
    status: string;
    requested_at: string;
    covered: string;
    left_to_cancel: string;
    last_at: string | null;
  }>(OPEN_CASH_RECEIPTS, [here]);
  return rows.rows.map((r) => {
    const issue = r.status === 'ISSUING';
    return {
      orderId: r.order_id,
      registerId: r.register_id,
      registerName: r.name,
      kind: issue ? ('cash-receipt-issue' as const) : ('cash-receipt-cancel' as const),
      amount: Number(issue ? r.covered : r.left_to_cancel),
      startedAt: issue ? r.requested_at : (r.last_at ?? r.requested_at),
    };
  });
}
