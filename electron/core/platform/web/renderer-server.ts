import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from './loopback';
import { rendererHeaders, resolveRendererFile } from './renderer-files';

export interface RendererServer {
  /** `http://127.0.0.1:<port>`: the page's origin. */
  origin: string;
  url: string;
  close(): Promise<void>;
}

export interface RendererServerOptions {
  rendererDir: string;
  /** The page's CSP, asked for on every response (it follows the payment mode). */
  csp: () => string;
  /** 0 picks any free port. */
  port: number;
  /** Rewrites an HTML page before it is sent (the browser host puts its bridge in it); `path` is the URL path. */
  transformHtml?: (html: string, path: string) => string;
  /** Answers a request itself (true) before files are looked at; gets the checked origin. */
  route?: (req: IncomingMessage, res: ServerResponse, origin: string) => Promise<boolean>;
  onError?: (error: unknown) => void;
}

function sendPlain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/plain; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/**
 * The built renderer on 127.0.0.1, with the CSP on every file. Requests must be addressed to
 * this exact host and port (a DNS-rebound name is refused). Files only: what can change data goes
 * through IPC, which this server does not carry unless a `route` adds it.
 */
export async function startRendererServer(options: RendererServerOptions): Promise<RendererServer> {
  let origin = '';

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (`http://${req.headers.host ?? ''}` !== origin) return sendPlain(res, 421, 'misdirected request');
    if (options.route && (await options.route(req, res, origin))) return;
    if (req.method !== 'GET' && req.method !== 'HEAD') return sendPlain(res, 405, 'method not allowed');
    const path = new URL(req.url ?? '/', origin).pathname;
    const file = resolveRendererFile(options.rendererDir, path);
    const content = file ? await readFile(file.path).catch(() => null) : null;
    if (!file || !content) return sendPlain(res, 404, 'not found');
    const body =
      options.transformHtml && file.contentType.startsWith('text/html')
        ? options.transformHtml(content.toString('utf8'), path)
        : content;
    res.writeHead(200, rendererHeaders(file.contentType, options.csp()));
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      options.onError?.(error);
      if (res.headersSent) res.destroy();
      else sendPlain(res, 500, 'internal error');
    });
  });
  origin = `http://127.0.0.1:${await listenOnLoopback(server, options.port)}`;
  return {
    origin,
    url: `${origin}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
