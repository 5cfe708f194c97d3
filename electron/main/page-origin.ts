import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import type { PageOrigin } from '../core/platform/config';
import { originOf } from '../core/platform/security/app-url';
import { rendererHeaders, resolveRendererFile } from '../core/platform/web/renderer-files';
import { startRendererServer, type RendererServer } from '../core/platform/web/renderer-server';
import { APP_ORIGIN, APP_SCHEME } from './app-origin';

/** Where the page is served: its origin is what IPC sender checks and navigation rules compare against. */
export type ServedPage = RendererServer;

export interface PageFiles {
  rendererDir: string;
  csp: () => string;
}

/** Serves the built renderer at app://pos/ with the CSP on every response. */
export function registerRendererProtocol(protocol: Pick<Protocol, 'handle'>, files: PageFiles): ServedPage {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (originOf(url) !== APP_ORIGIN) return new Response('not found', { status: 404 });
    const file = resolveRendererFile(files.rendererDir, url.pathname);
    const body = file ? await readFile(file.path).catch(() => null) : null;
    if (!file || !body) return new Response('not found', { status: 404 });
    return new Response(body, { status: 200, headers: rendererHeaders(file.contentType, files.csp()) });
  });
  return { origin: APP_ORIGIN, url: `${APP_ORIGIN}/`, close: async () => undefined };
}

/**
 * The page's origin, as configured: loopback http (files only; IPC stays on ipcMain) or the
 * app:// scheme. Both serve the same files with the same CSP.
 */
export async function servePage(
  choice: PageOrigin,
  protocol: Pick<Protocol, 'handle'>,
  files: PageFiles,
): Promise<ServedPage> {
  if (choice === 'app') return registerRendererProtocol(protocol, files);
  return startRendererServer({ rendererDir: files.rendererDir, csp: files.csp, port: 0 });
}
