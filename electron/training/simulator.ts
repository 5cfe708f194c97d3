import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { listenOnLoopback, readBody } from '../core/platform/web/loopback';
import { authorizeFromWindow } from './authorize';
import { testCodeError, tossError } from './errors';
import { FaultSwitch, faultRuleSchema, tamperBody, type Fault } from './faults';
import type { StoredResponse } from './idempotency';
import { newNonce, pageCsp } from './html';
import { IdempotencyStore } from './idempotency';
import { paymentWindowHtml, windowQuerySchema } from './payment-window';
import { seoulIso } from '../../shared/domain/time';
import { PaymentsLedger } from './payments-ledger';
import type { TossPayment } from './payment-object';
import { cashReceiptHtml, receiptHtml } from './receipt';
import { CashReceiptsLedger } from './cash-receipts';
import { createRestApi, describeApiRequest, faultRouteOf } from './rest-api';
import { WINDOW_PATH, sdkScript } from './sdk-script';

export interface SimulatorOptions {
  /** The only secret accepted by Basic auth. */
  secretKey: string;
  /** The only client key accepted by the SDK/window. */
  clientKey: string;
  /** Injectable clock (tests move time forward). */
  now?: () => Date;
  /** Artificial latency before confirm is processed (timeout / 409 tests). */
  confirmDelayMs?: number;
  /** Post-authentication confirm window, default 10 minutes. */
  sessionTtlMs?: number;
  /** Default 0 (random). */
  port?: number;
  /** Where the payments are kept between runs (the app's data folder); in memory only when absent. */
  ledgerFile?: string;
}

export interface SimRequestRecord {
  method: string;
  path: string;
  orderId?: string;
  paymentKey?: string;
  /** The 면세 amount a confirm, cancel or 현금영수증 issue named. */
  taxFreeAmount?: number;
  idempotencyKey?: string;
  /** HTTP status answered; 0 while the request is still being processed, or when the connection was dropped. */
  status: number;
  /** The fault switch that hit this call, if any. */
  fault?: Fault['kind'];
  at: string;
}

export interface TossSimulator {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** Same as origin (REST lives under /v1). */
  apiBase: string;
  /** `${origin}/v2/standard` */
  sdkSrc: string;
  /** Every /v1 API request received, in arrival order (replays included). */
  requests(): SimRequestRecord[];
  /** Faults the next matching calls meet (also reachable as `/__sim/faults` when the simulator is its own process). */
  faults: FaultSwitch;
  /** Every payment as Toss holds it (also `GET /__sim/ledger`). */
  payments(): TossPayment[];
  close(): Promise<void>;
}

export const DEFAULT_SESSION_TTL_MS = 10 * 60 * 1000;
const MAX_BODY_BYTES = 1024 * 1024;

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(body),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(body);
}

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';
const TEXT_TYPE = 'text/plain; charset=utf-8';

function sendPage(res: ServerResponse, status: number, render: (nonce: string) => string): void {
  const nonce = newNonce();
  send(res, status, HTML_TYPE, render(nonce), { 'Content-Security-Policy': pageCsp(nonce) });
}

/** Starts the training-mode Toss stand-in on 127.0.0.1 (see DESIGN.md, "Training mode"). */
export async function startTossSimulator(opts: SimulatorOptions): Promise<TossSimulator> {
  const now = opts.now ?? (() => new Date());
  const server = createServer();
  const port = await listenOnLoopback(server, opts.port ?? 0);
  const origin = `http://127.0.0.1:${port}`;
  // Only our own names are served, so a rebound DNS name cannot reach the simulator.
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  const ledger = new PaymentsLedger({
    now,
    origin,
    sessionTtlMs: opts.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
    file: opts.ledgerFile,
  });
  // Beside the payments' file, so a training 현금영수증 can still be cancelled after a restart.
  const cashReceipts = new CashReceiptsLedger({
    now,
    origin,
    file: opts.ledgerFile?.replace(/(\.json)?$/, '-cash-receipts.json'),
  });
  const api = createRestApi({
    secretKey: opts.secretKey,
    ledger,
    cashReceipts,
    idempotency: new IdempotencyStore(now),
    confirmDelayMs: opts.confirmDelayMs ?? 0,
  });
  const log: SimRequestRecord[] = [];
  const faults = new FaultSwitch();
  const sdk = sdkScript(origin);

  /** Sends an API answer the way the fault (if any) says it goes wrong. */
  async function deliver(
    req: IncomingMessage,
    res: ServerResponse,
    response: StoredResponse,
    fault: Fault | undefined,
  ): Promise<void> {
    switch (fault?.kind) {
      case undefined:
        return send(res, response.status, JSON_TYPE, response.body);
      case 'latency':
        await sleep(fault.ms);
        if (!res.destroyed) send(res, response.status, JSON_TYPE, response.body);
        return;
      case 'answer': {
        const headers: Record<string, string> =
          fault.retryAfterS === undefined ? {} : { 'Retry-After': String(fault.retryAfterS) };
        if (fault.html)
          return send(
            res,
            fault.status,
            HTML_TYPE,
            `<html><body><h1>${fault.status} Bad Gateway</h1></body></html>`,
            headers,
          );
        return send(
          res,
          fault.status,
          JSON_TYPE,
          JSON.stringify(testCodeError(fault.code ?? 'FAILED_INTERNAL_SYSTEM_PROCESSING').body),
          headers,
        );
      }
      case 'reset':
        req.socket.destroy();
        return;
      case 'malformed':
        return send(res, 200, JSON_TYPE, response.body.slice(0, Math.max(1, Math.floor(response.body.length / 2))));
      case 'trickle': {
        const bytes = Buffer.from(response.body, 'utf8');
        res.writeHead(response.status, {
          'Content-Type': JSON_TYPE,
          'Content-Length': bytes.length,
          'Cache-Control': 'no-store',
        });
        for (let at = 0; at < bytes.length && !res.destroyed; at += fault.chunkBytes) {
          res.write(bytes.subarray(at, at + fault.chunkBytes));
          await sleep(fault.intervalMs);
        }
        res.end();
        return;
      }
      case 'tamper':
        return send(
          res,
          response.status,
          JSON_TYPE,
          response.status === 200 ? tamperBody(response.body, fault) : response.body,
        );
    }
  }

  /** Faults that stop the call before Toss does any work. */
  function beforeWork(fault: Fault | undefined): boolean {
    return (fault?.kind === 'answer' || fault?.kind === 'reset' || fault?.kind === 'malformed') && !fault.processed;
  }

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    method: string,
    path: string,
    query: URLSearchParams,
  ): Promise<void> {
    const body = await readBody(req, MAX_BODY_BYTES);
    const idempotencyKey = req.headers['idempotency-key'];
    const record: SimRequestRecord = {
      method,
      path,
      ...describeApiRequest(path, body ?? ''),
      ...(typeof idempotencyKey === 'string' ? { idempotencyKey } : {}),
      status: 0,
      at: seoulIso(now()),
    };
    log.push(record);
    const route = faultRouteOf(method, path);
    const fault =
      route === undefined ? undefined : faults.take({ route, orderId: record.orderId, paymentKey: record.paymentKey });
    if (fault) record.fault = fault.kind;
    const response: StoredResponse = beforeWork(fault)
      ? { status: 0, body: '' }
      : body === null
        ? { status: 413, body: JSON.stringify(tossError('INVALID_REQUEST', '요청 본문이 너무 큽니다.').body) }
        : await api({ method, path, headers: req.headers, body, query });
    record.status = fault?.kind === 'reset' ? 0 : fault?.kind === 'answer' ? fault.status : response.status;
    await deliver(req, res, response, fault);
  }

  async function handleFaults(req: IncomingMessage, res: ServerResponse, method: string): Promise<void> {
    if (method === 'DELETE') faults.clear();
    if (method === 'POST') {
      let rule: unknown;
      try {
        rule = JSON.parse((await readBody(req, MAX_BODY_BYTES)) ?? '');
      } catch {
        return send(res, 400, TEXT_TYPE, 'fault rule must be JSON');
      }
      const parsed = faultRuleSchema.safeParse(rule);
      if (!parsed.success) return send(res, 400, TEXT_TYPE, parsed.error.message);
      faults.add(parsed.data);
    }
    return send(res, 200, JSON_TYPE, JSON.stringify(faults.pending()));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!allowedHosts.has(req.headers.host ?? '')) return send(res, 421, TEXT_TYPE, 'misdirected request');
    const url = new URL(req.url ?? '/', origin);
    const method = req.method ?? 'GET';
    const path = url.pathname;

    if (path.startsWith('/v1/')) return handleApi(req, res, method, path, url.searchParams);

    if (method === 'GET' && path === '/v2/standard') {
      return send(res, 200, 'application/javascript; charset=utf-8', sdk, {
        'Cross-Origin-Resource-Policy': 'cross-origin',
      });
    }

    if (method === 'POST' && path === WINDOW_PATH) {
      // The SDK's hidden form, posted into its iframe: a navigation, so no CORS, and the
      // checkout page's CSP (form-action, frame-src) decides whether it may happen at all.
      if (!req.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
        return send(res, 415, TEXT_TYPE, 'form post required');
      }
      const body = await readBody(req, MAX_BODY_BYTES);
      const query = windowQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(body ?? '')));
      if (!query.success) return send(res, 400, TEXT_TYPE, '잘못된 결제창 요청입니다 / bad payment window request');
      const from = req.headers.origin;
      if (from !== undefined && from !== 'null' && from !== query.data.parentOrigin) {
        return send(res, 400, TEXT_TYPE, '결제창을 연 페이지가 다릅니다 / the window was posted from another page');
      }
      return sendPage(res, 200, (nonce) => paymentWindowHtml(query.data, nonce));
    }

    if (method === 'POST' && path === '/sim/authorize') {
      // Requiring JSON makes cross-site form posts preflight, and they fail (no CORS here).
      if (!req.headers['content-type']?.startsWith('application/json')) {
        return send(res, 415, TEXT_TYPE, 'application/json required');
      }
      const body = await readBody(req, MAX_BODY_BYTES);
      const response = authorizeFromWindow(body ?? '', { clientKey: opts.clientKey, ledger });
      return send(res, response.status, JSON_TYPE, response.body);
    }

    const cashReceipt = /^\/receipt\/cash\/([A-Za-z0-9_-]+)$/.exec(path);
    if (method === 'GET' && cashReceipt?.[1]) {
      const found = cashReceipts.get(cashReceipt[1]);
      if (!found) return send(res, 404, TEXT_TYPE, '현금영수증을 찾을 수 없습니다 / cash receipt not found');
      return sendPage(res, 200, (nonce) => cashReceiptHtml(found, nonce));
    }

    const receipt = /^\/receipt\/([A-Za-z0-9_-]+)$/.exec(path);
    if (method === 'GET' && receipt?.[1]) {
      const found = ledger.get(receipt[1]);
      if (!found.ok) return send(res, 404, TEXT_TYPE, '영수증을 찾을 수 없습니다 / receipt not found');
      return sendPage(res, 200, (nonce) => receiptHtml(found.payment, nonce));
    }

    if (method === 'GET' && path === '/__sim/requests') {
      return send(res, 200, JSON_TYPE, JSON.stringify(log));
    }

    // Read-only: Toss's own books (status, amounts, cancels), for a test to check the app's against.
    if (method === 'GET' && path === '/__sim/ledger') {
      return send(res, 200, JSON_TYPE, JSON.stringify({ payments: ledger.all() }));
    }

    if (path === '/__sim/faults' && ['GET', 'POST', 'DELETE'].includes(method)) {
      // JSON only, like /sim/authorize: a page elsewhere cannot post a rule without a preflight that fails.
      if (method === 'POST' && !req.headers['content-type']?.startsWith('application/json'))
        return send(res, 415, TEXT_TYPE, 'application/json required');
      return handleFaults(req, res, method);
    }

    return send(res, 404, TEXT_TYPE, 'not found');
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      if (res.headersSent) res.destroy();
      else send(res, 500, JSON_TYPE, JSON.stringify(tossError('FAILED_INTERNAL_SYSTEM_PROCESSING').body));
    });
  });

  return {
    origin,
    apiBase: origin,
    sdkSrc: `${origin}/v2/standard`,
    requests: () => log.map((record) => ({ ...record })),
    faults,
    payments: () => ledger.all(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // fetch keeps connections alive; without this close() would wait for them to idle out.
        server.closeAllConnections();
      }),
  };
}
