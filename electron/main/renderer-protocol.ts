import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { originOf } from '../core/security/app-url';
import { rendererHeaders, resolveRendererFile } from '../core/static/renderer-files';
import { APP_ORIGIN, APP_SCHEME } from './app-origin';

/** Serves the built renderer at app://pos/ with the CSP on every response. */
export function registerRendererProtocol(protocol: Protocol, rendererDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (originOf(url) !== APP_ORIGIN) return new Response('not found', { status: 404 });
    const file = resolveRendererFile(rendererDir, url.pathname);
    const body = file ? await readFile(file.path).catch(() => null) : null;
    if (!file || !body) return new Response('not found', { status: 404 });
    return new Response(body, { status: 200, headers: rendererHeaders(file.contentType, csp) });
  });
}
