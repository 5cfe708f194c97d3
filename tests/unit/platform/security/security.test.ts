import { writeFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { IpcMain, Protocol } from 'electron';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../../electron/core/platform/security/csp';
import { isAppUrl } from '../../../../electron/core/platform/security/app-url';
import { resolveRendererFile } from '../../../../electron/core/platform/web/renderer-files';
import { APP_ORIGIN } from '../../../../electron/main/app-origin';
import { registerIpc } from '../../../../electron/main/ipc';
import { registerRendererProtocol } from '../../../../electron/main/page-origin';
import { tempDir } from '../../helpers/temp-dir';

const TOSS_SDK = 'https://js.tosspayments.com/v2/standard';

describe('isAppUrl: only our own page may call main', () => {
  const hostile: Array<string | null | undefined> = [
    null,
    undefined,
    '',
    'garbage',
    'app:',
    'app://',
    'https://pos/',
    'http://pos/',
    'app://pos.evil.com/',
    'app://evil/',
    'app://posx/',
    'app://po/',
    'app://evil/app://pos/',
    'app://pos./',
    'http://127.0.0.1:1@app://pos',
    'app://pos@evil/',
    'app://user@pos/',
    'app://user:password@pos/',
    'javascript:alert(1)',
    'javascript://pos/%0aalert(1)',
    'file:///',
    'file:///app/pos/index.html',
    'data:text/html,<script>alert(1)</script>',
    'about:blank',
    'blob:app://pos/8e3f-uuid',
    'https://js.tosspayments.com/v2/standard',
    'http://127.0.0.1:41234/window',
  ];

  it.each(hostile)('refuses %j', (url) => {
    expect(isAppUrl(url, APP_ORIGIN)).toBe(false);
  });

  // The Electron app's own page. Main checks every IPC message's sender frame with this call.
  it.each(['app://pos/', 'app://pos/index.html', 'app://pos/index.html#x', 'app://pos/?retry=1'])(
    'accepts our page %s',
    (url) => {
      expect(APP_ORIGIN).toBe('app://pos');
      expect(isAppUrl(url, APP_ORIGIN)).toBe(true);
    },
  );

  describe('with a loopback http origin (the default page origin, and the browser host’s)', () => {
    const origin = 'http://127.0.0.1:5180';
    it.each(['http://127.0.0.1:5180/', 'http://127.0.0.1:5180/index.html#x'])('accepts %s', (url) => {
      expect(isAppUrl(url, origin)).toBe(true);
    });
    it.each([
      'http://127.0.0.1:5181/',
      'http://localhost:5180/',
      'https://127.0.0.1:5180/',
      'http://127.0.0.1.evil.com:5180/',
      'http://evil@127.0.0.1:5180/',
      'http://127.0.0.1:5180@evil.com/',
      'blob:http://127.0.0.1:5180/8e3f-uuid',
      'filesystem:http://127.0.0.1:5180/temporary/x',
    ])('refuses %s', (url) => {
      expect(isAppUrl(url, origin)).toBe(false);
    });
  });
});

describe('resolveRendererFile: only files of the built renderer are served', () => {
  const root = resolve('/srv/toss-pos/out/renderer');

  it.each([
    ['/', 'index.html', 'text/html; charset=utf-8'],
    ['', 'index.html', 'text/html; charset=utf-8'],
    ['/index.html', 'index.html', 'text/html; charset=utf-8'],
    ['/assets/index-HxTtqL2V.js', 'assets/index-HxTtqL2V.js', 'text/javascript; charset=utf-8'],
    ['/assets/index-BycVtlgY.css', 'assets/index-BycVtlgY.css', 'text/css; charset=utf-8'],
    ['/assets/%ED%86%A0%EC%8A%A4.svg', 'assets/토스.svg', 'image/svg+xml'],
  ])('serves %j as %s', (urlPath, file, contentType) => {
    expect(resolveRendererFile(root, urlPath)).toEqual({ path: join(root, file), contentType });
  });

  it.each([
    '/../package.json',
    '/../../../../etc/passwd.json',
    '/assets/../../main/index.js',
    '/..%2fpackage.json',
    '/%2e%2e/package.json',
    '/%2e%2e%2fpackage.json',
    '/%2E%2E%2F%2E%2E%2Fsecret.json',
    '/..%2f..%2fsecret.json',
    '/%00',
    '/index.html%00.js',
    '/index%00.html',
    '/index.ts',
    '/.env',
    '/secret',
    '/index.html.bak',
    '/%E0%A4%A',
    '/..',
    '/.',
  ])('refuses %j', (urlPath) => {
    expect(resolveRendererFile(root, urlPath)).toBeNull();
  });

  it('never resolves outside the renderer folder, whatever the path', () => {
    const tricky = [
      '//etc/passwd.json',
      '/./index.html',
      '/assets/./x.js',
      '/%252e%252e/x.js',
      '/a/b/../../index.html',
    ];
    for (const urlPath of tricky) {
      const file = resolveRendererFile(root, urlPath);
      expect(file === null || file.path.startsWith(root + sep), urlPath).toBe(true);
    }
  });
});

/**
 * The Electron shell's wiring, run in plain Node with stand-ins for Electron's `ipcMain` and
 * `protocol` (the only Electron objects these functions touch). What the cashier would see.
 */
describe('the Electron shell: IPC and app:// with stand-ins for ipcMain and protocol', () => {
  type IpcListener = (
    event: { senderFrame: { url: string; parent: unknown } | null },
    input: unknown,
  ) => Promise<unknown>;

  function fakeIpcMain() {
    const listeners = new Map<string, IpcListener>();
    const ipcMain = {
      handle: (channel: string, listener: IpcListener) => listeners.set(channel, listener),
    } as unknown as IpcMain;
    return { ipcMain, listeners };
  }

  function wire() {
    const { ipcMain, listeners } = fakeIpcMain();
    const reached: string[] = [];
    registerIpc(ipcMain, async (channel) => (reached.push(String(channel)), { ok: true, data: {} }), APP_ORIGIN);
    const send = (url: string | null, parent: unknown = null) => {
      const listener = listeners.get('app:info');
      if (!listener) throw new Error('app:info not registered');
      return listener({ senderFrame: url === null ? null : { url, parent } }, {});
    };
    return { send, reached };
  }

  it('lets our own top-level page call main', async () => {
    const { send, reached } = wire();
    expect(await send('app://pos/index.html')).toEqual({ ok: true, data: {} });
    expect(reached).toEqual(['app:info']);
  });

  it('lets the customer’s screen read its display and nothing else', async () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const reached: string[] = [];
    registerIpc(ipcMain, async (channel) => (reached.push(String(channel)), { ok: true, data: {} }), APP_ORIGIN);
    const from = (channel: string) =>
      listeners.get(channel)?.({ senderFrame: { url: 'app://pos/customer.html', parent: null } }, {});
    expect(await from('display:watch')).toEqual({ ok: true, data: {} });
    for (const channel of ['sale:create', 'register:save-draft', 'staff:unlock', 'payment:confirm']) {
      expect(await from(channel), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(reached).toEqual(['display:watch']);
  });

  it('lets the bar’s screen watch the orders and call one ready, and nothing else', async () => {
    const { ipcMain, listeners } = fakeIpcMain();
    const reached: string[] = [];
    registerIpc(ipcMain, async (channel) => (reached.push(String(channel)), { ok: true, data: {} }), APP_ORIGIN);
    const from = (channel: string) =>
      listeners.get(channel)?.({ senderFrame: { url: 'app://pos/bar.html', parent: null } }, {});
    expect(await from('bar:watch')).toEqual({ ok: true, data: {} });
    expect(await from('bar:ready')).toEqual({ ok: true, data: {} });
    for (const channel of ['display:watch', 'sale:create', 'staff:unlock', 'refund:create']) {
      expect(await from(channel), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(reached).toEqual(['bar:watch', 'bar:ready']);
  });

  it('refuses a Toss iframe, a page we were navigated away to, and a missing frame', async () => {
    const { send, reached } = wire();
    for (const answer of [
      await send('app://pos/', { url: 'app://pos/' }),
      await send('https://js.tosspayments.com/x'),
      await send(null),
    ]) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(reached).toEqual([]);
  });

  it('serves the built renderer at app://pos/ with the CSP', async () => {
    const rendererDir = await tempDir('protocol');
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body>POS</body></html>');
    let handler: ((request: Request) => Promise<Response>) | undefined;
    const protocol = {
      handle: (_scheme: string, h: (request: Request) => Promise<Response>) => (handler = h),
    } as unknown as Protocol;
    const csp = contentSecurityPolicy(TOSS_SDK);
    const served = registerRendererProtocol(protocol, { rendererDir, csp: () => csp });
    expect(served).toMatchObject({ origin: 'app://pos', url: 'app://pos/' });
    if (!handler) throw new Error('no handler registered');

    const page = await handler(new Request('app://pos/'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(csp);
    expect(await page.text()).toContain('POS');
    expect((await handler(new Request('app://evil/index.html'))).status).toBe(404);
    expect((await handler(new Request('app://pos/..%2f..%2fetc%2fpasswd.json'))).status).toBe(404);
  });
});
