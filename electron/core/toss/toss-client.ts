import type { z } from 'zod';
import {
  CASH_RECEIPTS_PAGE_LIMIT,
  tossCashReceiptPageSchema,
  tossCashReceiptSchema,
  type TossCashReceipt,
} from './toss-cash-receipt';
import { tossErrorBodySchema, tossPaymentSchema, type TossPayment } from './toss-payment';
import { TRANSACTIONS_PAGE_LIMIT, tossTransactionPageSchema, type TossTransaction } from './toss-transaction';
import { scrubSecrets } from '../platform/log/scrub';
import { TossApiError, TossUnreachableError } from './toss-errors';

export interface TossClientOptions {
  /**
   * Asked on every request, so a key saved while the app runs is used from then on; null while
   * this mode has no keys (live before the owner saves a pair): the request is not sent and the
   * work stays open.
   */
  endpoint: () => { apiBase: string; secretKey: string } | null;
  fetch?: typeof fetch;
  /** Read timeout per request. Toss publishes none for confirm; 60 s matches its billing advice. */
  timeoutMs?: number;
}

export interface CashReceiptIssue {
  amount: number;
  orderId: string;
  orderName: string;
  /** Digits only; it goes to Toss and nowhere else. */
  customerIdentityNumber: string;
  type: '소득공제' | '지출증빙';
  /** The 면세 part of `amount` (Toss takes 0 when absent). */
  taxFreeAmount?: number;
}

export interface CancelRequest {
  cancelReason: string;
  cancelAmount?: number;
  /** The 면세 part of what is cancelled (Toss takes 0 when absent). */
  taxFreeAmount?: number;
}

/** A confirm names the 면세 part of its amount, as the payment window was asked with it. */
export interface ConfirmRequest {
  paymentKey: string;
  orderId: string;
  amount: number;
  /** Toss takes 0 when absent. */
  taxFreeAmount?: number;
}

/** Toss Payments core API v1: confirm, look up and cancel payments. The secret key stays in here. */
export class TossClient {
  private readonly endpoint: TossClientOptions['endpoint'];
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;

  constructor(options: TossClientOptions) {
    this.endpoint = options.endpoint;
    this.fetch = options.fetch ?? globalThis.fetch;
    this.timeoutMs = options.timeoutMs ?? 60_000;
  }

  confirm(body: ConfirmRequest, idempotencyKey: string): Promise<TossPayment> {
    return this.request(tossPaymentSchema, 'POST', '/v1/payments/confirm', body, idempotencyKey);
  }

  getPayment(paymentKey: string): Promise<TossPayment> {
    return this.request(tossPaymentSchema, 'GET', `/v1/payments/${encodeURIComponent(paymentKey)}`);
  }

  getPaymentByOrderId(orderId: string): Promise<TossPayment> {
    return this.request(tossPaymentSchema, 'GET', `/v1/payments/orders/${encodeURIComponent(orderId)}`);
  }

  cancel(paymentKey: string, body: CancelRequest, idempotencyKey: string): Promise<TossPayment> {
    return this.request(
      tossPaymentSchema,
      'POST',
      `/v1/payments/${encodeURIComponent(paymentKey)}/cancel`,
      body,
      idempotencyKey,
    );
  }

  issueCashReceipt(body: CashReceiptIssue, idempotencyKey: string): Promise<TossCashReceipt> {
    return this.request(tossCashReceiptSchema, 'POST', '/v1/cash-receipts', body, idempotencyKey);
  }

  /** Cancels `amount` of a 현금영수증 (a partial refund), or all that is left of it. */
  cancelCashReceipt(receiptKey: string, body: { amount?: number }, idempotencyKey: string): Promise<TossCashReceipt> {
    return this.request(
      tossCashReceiptSchema,
      'POST',
      `/v1/cash-receipts/${encodeURIComponent(receiptKey)}/cancel`,
      body,
      idempotencyKey,
    );
  }

  /** Every 현금영수증 (issues and cancels) asked of Toss on `requestDate` (YYYY-MM-DD, Korean time), all pages read. */
  async listCashReceipts(requestDate: string, pageLimit = CASH_RECEIPTS_PAGE_LIMIT): Promise<TossCashReceipt[]> {
    const found: TossCashReceipt[] = [];
    let cursor: string | null = null;
    for (;;) {
      const query = new URLSearchParams({ requestDate, limit: String(pageLimit) });
      if (cursor !== null) query.set('cursor', cursor);
      const page = await this.request(tossCashReceiptPageSchema, 'GET', `/v1/cash-receipts?${query}`);
      found.push(...page.data);
      if (!page.hasNext || page.data.length === 0 || page.lastCursor === null || page.lastCursor === undefined)
        return found;
      cursor = String(page.lastCursor);
    }
  }

  /** Every transaction (approval, cancel) Toss made from `startDate` to `endDate` (ISO date-times), all pages read. */
  async listTransactions(
    range: { startDate: string; endDate: string },
    pageLimit = TRANSACTIONS_PAGE_LIMIT,
  ): Promise<TossTransaction[]> {
    const found: TossTransaction[] = [];
    for (;;) {
      const query = new URLSearchParams({ ...range, limit: String(pageLimit) });
      const last = found[found.length - 1];
      if (last !== undefined) query.set('startingAfter', last.transactionKey);
      const page = await this.request(tossTransactionPageSchema, 'GET', `/v1/transactions?${query}`);
      found.push(...page);
      if (page.length < pageLimit) return found;
    }
  }

  private async request<T>(
    schema: z.ZodType<T>,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<T> {
    const endpoint = this.endpoint();
    if (endpoint === null) throw new TossUnreachableError('no-keys');
    const { apiBase, secretKey } = endpoint;
    // Basic auth with the secret key as user and an empty password: the colon is required.
    const authorization = `Basic ${Buffer.from(`${secretKey}:`, 'utf8').toString('base64')}`;
    const headers: Record<string, string> = { Authorization: authorization, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (idempotencyKey !== undefined) headers['Idempotency-Key'] = idempotencyKey;

    let response: Response;
    let text: string;
    try {
      response = await this.fetch(`${apiBase.replace(/\/+$/, '')}${path}`, {
        method,
        headers,
        body: body === undefined ? null : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
        redirect: 'error',
      });
      text = await response.text();
    } catch (error) {
      const timedOut = error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new TossUnreachableError(timedOut ? 'timeout' : 'network', { cause: error });
    }

    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new TossUnreachableError('bad-response', { cause: error });
    }
    if (!response.ok) {
      const parsed = tossErrorBodySchema.safeParse(json);
      if (!parsed.success) throw new TossUnreachableError('bad-response');
      // Toss's words are kept in the journal and shown on screen: whatever key they repeat is taken out first.
      const scrub = (text: string) => scrubSecrets(text, [secretKey]);
      throw new TossApiError(response.status, scrub(parsed.data.code), scrub(parsed.data.message));
    }
    const answer = schema.safeParse(json);
    if (!answer.success) throw new TossUnreachableError('bad-response', { cause: answer.error });
    return answer.data;
  }
}
