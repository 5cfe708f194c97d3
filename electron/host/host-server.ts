import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PosError } from '../../shared/domain/errors';
import { readBody } from '../core/http/loopback';
import type { PosCore } from '../core/pos-core';
import { rendererHeaders } from '../core/static/renderer-files';
import { startRendererServer } from '../core/static/renderer-server';
import { BRIDGE_PATH, IPC_PATH, TOKEN_HEADER, bridgeScript, injectBridge } from './bridge-script';

const MAX_BODY_BYTES = 256 * 1024;

export interface BrowserHost {
  url: string;
  close(): Promise<void>;
}

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(JSON.stringify(body));
}

function forbidden(res: ServerResponse): void {
  sendJson(res, 403, { ok: false, error: new PosError('FORBIDDEN', 'not allowed').toData() });
}

/**
 * The renderer server plus what the Electron preload gives the page: `window.pos`, carried over
 * loopback HTTP to the same dispatcher Electron's main uses. Only calls from this origin that
 * carry this run's token reach main.
 */
export async function startBrowserHost(core: PosCore, options: { rendererDir: string; port: number }): Promise<BrowserHost> {
  const token = randomBytes(32).toString('base64url');
  const bridge = bridgeScript();

  async function route(req: IncomingMessage, res: ServerResponse, origin: string): Promise<boolean> {
    const path = new URL(req.url ?? '/', origin).pathname;
    if (path === BRIDGE_PATH) {
      if (req.method !== 'GET') forbidden(res);
      else {
        res.writeHead(200, rendererHeaders('text/javascript; charset=utf-8', core.csp()));
        res.end(bridge);
      }
      return true;
    }
    if (path !== IPC_PATH) return false;
    if (req.method !== 'POST' || req.headers.origin !== origin || !sameSecret(req.headers[TOKEN_HEADER], token)) {
      forbidden(res);
      return true;
    }
    if (!req.headers['content-type']?.startsWith('application/json')) {
      forbidden(res);
      return true;
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    let message: unknown;
    try {
      message = body === null ? null : JSON.parse(body);
    } catch {
      message = null;
    }
    if (typeof message !== 'object' || message === null) {
      sendJson(res, 400, { ok: false, error: new PosError('INVALID_INPUT', 'malformed request').toData() });
      return true;
    }
    const { channel, input } = message as { channel?: unknown; input?: unknown };
    sendJson(res, 200, await core.dispatch(channel, input));
    return true;
  }

  const server = await startRendererServer({
    rendererDir: options.rendererDir,
    port: options.port,
    csp: () => core.csp(),
    transformHtml: (html) => injectBridge(html, token),
    route,
    onError: (error) => core.log.error('browser host request failed', { error }),
  });
  return { url: server.url, close: () => server.close() };
}
