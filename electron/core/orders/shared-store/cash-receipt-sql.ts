/**
 * SQL over an order's document (a jsonb expression `doc`) for its 현금영수증, as `cashTenderOf`
 * finds it: the cash sale's, or the first paid cash part's of an order paid in parts.
 */
export function receiptSql(doc: string): string {
  return `(CASE WHEN jsonb_typeof(${doc}->'cash') = 'object' THEN ${doc}->'cash'->'cashReceipt'
    ELSE jsonb_path_query_first(${doc}, '$.parts[*] ? (@.method == "cash" && @.status == "PAID").cash.cashReceipt') END)`;
}

/**
 * True unless the document `incoming` holds the same 현금영수증 request as `row` a step behind it:
 * back to ISSUING after the row's was settled, or less of it cancelled. Another register settles a
 * receipt a register gone for good left open; that register's older lines must not undo it. A new
 * request (another `requestId`, after a refusal) is never behind.
 */
export function receiptNotBehindSql(row: string, incoming: string): string {
  return `NOT COALESCE((
    SELECT there->>'requestId' = here->>'requestId' AND (
             (there->>'status' = 'ISSUING' AND here->>'status' <> 'ISSUING')
             OR COALESCE((there->>'canceledAmount')::bigint, 0) < COALESCE((here->>'canceledAmount')::bigint, 0))
      FROM (SELECT ${receiptSql(row)} AS here, ${receiptSql(incoming)} AS there) receipts), false)`;
}
