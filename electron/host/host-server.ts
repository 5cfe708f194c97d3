import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { PosError } from '../../shared/domain/errors';
import { barChannelNames, channels, displayChannelNames } from '../../shared/ipc/contract';
import { BAR_PAGE, CUSTOMER_PAGE } from '../../shared/ipc/pages';
import { readBody } from '../core/platform/web/loopback';
import type { PosCore } from '../core/app/pos-core';
import { rendererHeaders } from '../core/platform/web/renderer-files';
import { startRendererServer } from '../core/platform/web/renderer-server';
import { BRIDGE_PATHS, IPC_PATH, TOKEN_HEADER, bridgeScript, injectBridge } from './bridge-script';

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
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

function forbidden(res: ServerResponse): void {
  sendJson(res, 403, { ok: false, error: new PosError('FORBIDDEN', 'not allowed').toData() });
}

/**
 * The renderer server plus what the Electron preloads give the pages: `window.pos`, carried over
 * loopback HTTP to the same dispatcher Electron's main uses. Only calls from this origin that
 * carry one of this run's tokens reach main: the register's token every channel, the customer
 * screen's token only the display's (reading) channels, the bar screen's token only the bar's.
 */
export async function startBrowserHost(
  core: PosCore,
  options: { rendererDir: string; port: number },
): Promise<BrowserHost> {
  const scopes = {
    register: {
      token: randomBytes(32).toString('base64url'),
      channels: new Set<string>(channels),
      bridge: bridgeScript(channels),
    },
    display: {
      token: randomBytes(32).toString('base64url'),
      channels: new Set<string>(displayChannelNames),
      bridge: bridgeScript(displayChannelNames),
    },
    bar: {
      token: randomBytes(32).toString('base64url'),
      channels: new Set<string>(barChannelNames),
      bridge: bridgeScript(barChannelNames),
    },
  };
  const scopeOf = (given: string | string[] | undefined) =>
    Object.values(scopes).find((scope) => sameSecret(given, scope.token));

  async function route(req: IncomingMessage, res: ServerResponse, origin: string): Promise<boolean> {
    const path = new URL(req.url ?? '/', origin).pathname;
    const bridge =
      path === BRIDGE_PATHS.register
        ? scopes.register.bridge
        : path === BRIDGE_PATHS.display
          ? scopes.display.bridge
          : path === BRIDGE_PATHS.bar
            ? scopes.bar.bridge
            : null;
    if (bridge !== null) {
      if (req.method !== 'GET') forbidden(res);
      else {
        res.writeHead(200, rendererHeaders('text/javascript; charset=utf-8', core.csp()));
        res.end(bridge);
      }
      return true;
    }
    if (path !== IPC_PATH) return false;
    const scope = scopeOf(req.headers[TOKEN_HEADER]);
    if (req.method !== 'POST' || req.headers.origin !== origin || scope === undefined) {
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
    if (typeof channel !== 'string' || !scope.channels.has(channel)) {
      sendJson(res, 200, { ok: false, error: new PosError('FORBIDDEN', 'unknown channel').toData() });
      return true;
    }
    sendJson(res, 200, await core.dispatch(channel, input));
    return true;
  }

  const server = await startRendererServer({
    rendererDir: options.rendererDir,
    port: options.port,
    csp: () => core.csp(),
    transformHtml: (html, path) =>
      path === CUSTOMER_PAGE
        ? injectBridge(html, scopes.display.token, BRIDGE_PATHS.display)
        : path === BAR_PAGE
          ? injectBridge(html, scopes.bar.token, BRIDGE_PATHS.bar)
          : injectBridge(html, scopes.register.token, BRIDGE_PATHS.register),
    route,
    onError: (error) => core.log.error('browser host request failed', { error }),
  });
  return { url: server.url, close: () => server.close() };
}
