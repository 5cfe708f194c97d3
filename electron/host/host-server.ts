import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { PosError } from '../../shared/domain/errors';
import { listenOnLoopback, readBody } from '../core/http/loopback';
import type { PosCore } from '../core/pos-core';
import { rendererHeaders, resolveRendererFile } from '../core/static/renderer-files';
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
 * Serves the built renderer on 127.0.0.1 and carries `window.pos` calls to the same dispatcher
 * Electron's main uses. Only requests addressed to this exact host (no DNS rebinding), from this
 * origin and carrying this run's token reach main.
 */
export async function startBrowserHost(core: PosCore, options: { rendererDir: string; port: number }): Promise<BrowserHost> {
  const token = randomBytes(32).toString('base64url');
  const bridge = bridgeScript();
  let origin = '';

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      core.log.error('browser host request failed', { error });
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: new PosError('INTERNAL', 'internal error').toData() });
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (`http://${req.headers.host ?? ''}` !== origin) return forbidden(res);
    const path = new URL(req.url ?? '/', origin).pathname;

    if (path === IPC_PATH) {
      if (req.method !== 'POST' || req.headers.origin !== origin || !sameSecret(req.headers[TOKEN_HEADER], token)) return forbidden(res);
      if (!req.headers['content-type']?.startsWith('application/json')) return forbidden(res);
      const body = await readBody(req, MAX_BODY_BYTES);
      let message: unknown;
      try {
        message = body === null ? null : JSON.parse(body);
      } catch {
        message = null;
      }
      if (typeof message !== 'object' || message === null) {
        return sendJson(res, 400, { ok: false, error: new PosError('INVALID_INPUT', 'malformed request').toData() });
      }
      const { channel, input } = message as { channel?: unknown; input?: unknown };
      return sendJson(res, 200, await core.dispatch(channel, input));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return forbidden(res);
    if (path === BRIDGE_PATH) {
      res.writeHead(200, rendererHeaders('text/javascript; charset=utf-8', core.csp));
      res.end(bridge);
      return;
    }
    const file = resolveRendererFile(options.rendererDir, path);
    const content = file ? await readFile(file.path).catch(() => null) : null;
    if (!file || !content) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found');
      return;
    }
    const body = file.contentType.startsWith('text/html') ? injectBridge(content.toString('utf8'), token) : content;
    res.writeHead(200, rendererHeaders(file.contentType, core.csp));
    res.end(body);
  }

  origin = `http://127.0.0.1:${await listenOnLoopback(server, options.port)}`;
  return {
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
