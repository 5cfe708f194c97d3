/** One call main made to Toss's 현금영수증 API, as it left the app (body parsed, key as sent). */
export interface CashReceiptCall {
  method: string;
  /** Path and query. */
  path: string;
  idempotencyKey: string | null;
  body: Record<string, unknown> | null;
}

/**
 * A fetch for the core that passes every call on to Toss and keeps what went to
 * `/v1/cash-receipts…`: the simulator's request log has no bodies, and which body went out
 * under which Idempotency-Key is the point.
 */
export function recordCashReceiptCalls(): { calls: CashReceiptCall[]; fetch: typeof fetch } {
  const calls: CashReceiptCall[] = [];
  const recording: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname.startsWith('/v1/cash-receipts')) {
      calls.push({
        method: init?.method ?? 'GET',
        path: `${url.pathname}${url.search}`,
        idempotencyKey: new Headers(init?.headers).get('Idempotency-Key'),
        body: typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : null,
      });
    }
    return fetch(input, init);
  };
  return { calls, fetch: recording };
}

/** The POSTs that asked Toss to issue a receipt (not cancels, not look-ups). */
export function issueCalls(calls: readonly CashReceiptCall[]): CashReceiptCall[] {
  return calls.filter((call) => call.method === 'POST' && call.path === '/v1/cash-receipts');
}
