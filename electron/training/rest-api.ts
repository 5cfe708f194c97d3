import type { IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { checkBasicAuth } from './basic-auth';
import {
  cancelBody as cashReceiptCancelBody,
  issueBody as cashReceiptIssueBody,
  listQuery as cashReceiptListQuery,
  type CashReceiptResult,
  type CashReceiptsLedger,
} from './cash-receipts';
import type { FaultCall } from './faults';
import { testCodeError, tossError, type TossError } from './errors';
import {
  MAX_IDEMPOTENCY_KEY_LENGTH,
  idempotencyScope,
  type IdempotencyStore,
  type StoredResponse,
} from './idempotency';
import { ORDER_ID_PATTERN } from './payment-object';
import type { LedgerResult, PaymentsLedger } from './payments-ledger';
import { listTransactions } from './transactions';

export interface ApiRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** The query string's parameters (GET /v1/transactions reads its range and page here). */
  query?: URLSearchParams;
}

export interface RestApiDeps {
  secretKey: string;
  ledger: PaymentsLedger;
  cashReceipts: CashReceiptsLedger;
  idempotency: IdempotencyStore;
  confirmDelayMs: number;
}

const confirmBody = z.object({
  paymentKey: z.string().min(1).max(200),
  orderId: z.string().regex(ORDER_ID_PATTERN),
  amount: z.number().int().positive(),
  taxFreeAmount: z.number().int().nonnegative().optional(),
});

const cancelBody = z.object({
  cancelReason: z.string().min(1).max(200),
  cancelAmount: z.number().int().positive().optional(),
  refundableAmount: z.number().int().nonnegative().optional(),
  taxFreeAmount: z.number().int().nonnegative().optional(),
});

const CONFIRM_PATH = /^\/v1\/payments\/confirm$/;
const BY_ORDER_PATH = /^\/v1\/payments\/orders\/([^/]+)$/;
const CANCEL_PATH = /^\/v1\/payments\/([^/]+)\/cancel$/;
const BY_KEY_PATH = /^\/v1\/payments\/([^/]+)$/;
const TRANSACTIONS_PATH = /^\/v1\/transactions$/;
const CASH_RECEIPT_PATH = /^\/v1\/cash-receipts$/;
const CASH_RECEIPT_CANCEL_PATH = /^\/v1\/cash-receipts\/([^/]+)\/cancel$/;

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function json(status: number, body: unknown): StoredResponse {
  return { status, body: JSON.stringify(body) };
}

function errorResponse(error: TossError): StoredResponse {
  return json(error.status, error.body);
}

function fromLedger(result: LedgerResult): StoredResponse {
  return result.ok ? json(200, result.payment) : errorResponse(result.error);
}

function fromCashReceipts(result: CashReceiptResult): StoredResponse {
  return result.ok ? json(200, result.receipt) : errorResponse(result.error);
}

function decodeSegment(segment: string | undefined): string | null {
  try {
    return segment === undefined ? null : decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/** Parses a JSON body against a schema; Toss answers malformed input with 400 INVALID_REQUEST. */
function parseBody<T>(schema: z.ZodType<T>, raw: string): { ok: true; value: T } | { ok: false; error: TossError } {
  let data: unknown;
  try {
    data = raw === '' ? {} : JSON.parse(raw);
  } catch {
    return { ok: false, error: tossError('INVALID_REQUEST', '잘못된 요청입니다. (JSON 형식 오류)') };
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  const field = parsed.error.issues[0]?.path.join('.') || 'body';
  return { ok: false, error: tossError('INVALID_REQUEST', `잘못된 요청입니다. (${field})`) };
}

/** Which kind of call a /v1 request is, for the fault switches; undefined for anything else. */
export function faultRouteOf(method: string, path: string): FaultCall['route'] | undefined {
  if (method === 'POST' && CONFIRM_PATH.test(path)) return 'confirm';
  if (method === 'POST' && (CASH_RECEIPT_PATH.test(path) || CASH_RECEIPT_CANCEL_PATH.test(path))) return 'cash-receipt';
  if (method === 'POST' && CANCEL_PATH.test(path)) return 'cancel';
  if (method === 'GET' && (BY_ORDER_PATH.test(path) || BY_KEY_PATH.test(path) || CASH_RECEIPT_PATH.test(path)))
    return 'lookup';
  return undefined;
}

/** The paymentKey / orderId a /v1 request is about, for the request log. */
export function describeApiRequest(
  path: string,
  body: string,
): { orderId?: string; paymentKey?: string; taxFreeAmount?: number } {
  const byOrder = BY_ORDER_PATH.exec(path);
  if (byOrder) {
    const orderId = decodeSegment(byOrder[1]);
    return orderId === null ? {} : { orderId };
  }
  const named = bodyFields(body);
  if (CONFIRM_PATH.test(path) || CASH_RECEIPT_PATH.test(path)) return named;
  const paymentKey = decodeSegment((CANCEL_PATH.exec(path) ?? BY_KEY_PATH.exec(path))?.[1]);
  const taxFree = named.taxFreeAmount === undefined ? {} : { taxFreeAmount: named.taxFreeAmount };
  return paymentKey === null ? taxFree : { paymentKey, ...taxFree };
}

/** The ids and the 면세 amount a request body names, kept in the request log so a test can read what was sent. */
function bodyFields(body: string): { orderId?: string; paymentKey?: string; taxFreeAmount?: number } {
  try {
    const data: unknown = JSON.parse(body);
    if (typeof data !== 'object' || data === null) return {};
    const { orderId, paymentKey, taxFreeAmount } = data as Record<string, unknown>;
    return {
      ...(typeof orderId === 'string' ? { orderId } : {}),
      ...(typeof paymentKey === 'string' ? { paymentKey } : {}),
      ...(typeof taxFreeAmount === 'number' ? { taxFreeAmount } : {}),
    };
  } catch {
    return {};
  }
}

/**
 * The Toss REST surface under /v1: Basic auth, then the Test-Code header, then the
 * Idempotency-Key rules on POST, then the route itself.
 */
export function createRestApi(deps: RestApiDeps): (req: ApiRequest) => Promise<StoredResponse> {
  async function route(req: ApiRequest): Promise<StoredResponse> {
    if (req.method === 'POST' && CONFIRM_PATH.test(req.path)) {
      const body = parseBody(confirmBody, req.body);
      if (!body.ok) return errorResponse(body.error);
      if (deps.confirmDelayMs > 0) await sleep(deps.confirmDelayMs);
      return fromLedger(deps.ledger.confirm({ ...body.value, authorization: header(req.headers, 'authorization') }));
    }
    const byOrder = BY_ORDER_PATH.exec(req.path);
    if (req.method === 'GET' && byOrder) {
      const orderId = decodeSegment(byOrder[1]);
      return orderId === null
        ? errorResponse(tossError('NOT_FOUND_PAYMENT'))
        : fromLedger(deps.ledger.getByOrder(orderId));
    }
    const cancel = CANCEL_PATH.exec(req.path);
    if (req.method === 'POST' && cancel) {
      const body = parseBody(cancelBody, req.body);
      if (!body.ok) return errorResponse(body.error);
      const paymentKey = decodeSegment(cancel[1]);
      return paymentKey === null
        ? errorResponse(tossError('NOT_FOUND_PAYMENT'))
        : fromLedger(deps.ledger.cancel(paymentKey, body.value));
    }
    if (req.method === 'POST' && CASH_RECEIPT_PATH.test(req.path)) {
      const body = parseBody(cashReceiptIssueBody, req.body);
      return body.ok ? fromCashReceipts(deps.cashReceipts.issue(body.value)) : errorResponse(body.error);
    }
    const cashCancel = CASH_RECEIPT_CANCEL_PATH.exec(req.path);
    if (req.method === 'POST' && cashCancel) {
      const body = parseBody(cashReceiptCancelBody, req.body);
      const receiptKey = decodeSegment(cashCancel[1]);
      if (!body.ok) return errorResponse(body.error);
      return receiptKey === null
        ? errorResponse(tossError('NOT_FOUND'))
        : fromCashReceipts(deps.cashReceipts.cancel(receiptKey, body.value.amount));
    }
    if (req.method === 'GET' && CASH_RECEIPT_PATH.test(req.path)) {
      const query = cashReceiptListQuery.safeParse(Object.fromEntries(req.query ?? []));
      return query.success
        ? json(200, deps.cashReceipts.list(query.data))
        : errorResponse(tossError('INVALID_REQUEST', '잘못된 요청입니다. (requestDate)'));
    }
    if (req.method === 'GET' && TRANSACTIONS_PATH.test(req.path)) {
      const listed = listTransactions(deps.ledger.approved(), req.query ?? new URLSearchParams());
      return listed.ok ? json(200, listed.transactions) : errorResponse(listed.error);
    }
    const byKey = BY_KEY_PATH.exec(req.path);
    if (req.method === 'GET' && byKey) {
      const paymentKey = decodeSegment(byKey[1]);
      return paymentKey === null
        ? errorResponse(tossError('NOT_FOUND_PAYMENT'))
        : fromLedger(deps.ledger.get(paymentKey));
    }
    return errorResponse(tossError('NOT_FOUND'));
  }

  return async (req) => {
    const authorization = header(req.headers, 'authorization');
    const authError = checkBasicAuth(authorization, deps.secretKey);
    if (authError) return errorResponse(authError);

    // Forced errors change nothing and are not remembered under an Idempotency-Key, so a test
    // can force one failure and then retry the real call with the same key.
    const testCode = header(req.headers, 'tosspayments-test-code')?.trim();
    if (testCode) return errorResponse(testCodeError(testCode));

    const key = header(req.headers, 'idempotency-key');
    if (req.method !== 'POST' || !key) return route(req);
    if (key.length > MAX_IDEMPOTENCY_KEY_LENGTH) return errorResponse(tossError('INVALID_IDEMPOTENCY_KEY'));

    const scope = idempotencyScope(key, authorization ?? '', req.method, req.path);
    const begun = deps.idempotency.begin(scope);
    if (begun.kind === 'replay') return begun.response;
    if (begun.kind === 'in-flight') return errorResponse(tossError('IDEMPOTENT_REQUEST_PROCESSING'));
    let response: StoredResponse;
    // A throw must still settle the slot, or every retry with this key would get 409 forever.
    try {
      response = await route(req);
    } catch {
      response = errorResponse(tossError('FAILED_INTERNAL_SYSTEM_PROCESSING'));
    }
    deps.idempotency.finish(scope, response);
    return response;
  };
}
