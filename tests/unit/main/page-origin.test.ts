import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Protocol } from 'electron';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/core/platform/security/csp';
import { servePage } from '../../../electron/main/page-origin';
import { onCleanup } from '../helpers/cleanup';
import { rawRequest } from '../helpers/http';
import { tempDir } from '../helpers/temp-dir';

const CSP = contentSecurityPolicy('https://js.tosspayments.com/v2/standard');

async function rendererFolder(): Promise<string> {
  const root = await tempDir('page');
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body>POS</body></html>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.json'), '{"secret":true}');
  return rendererDir;
}

/** A protocol stand-in that records the scheme it was asked to handle. */
function fakeProtocol() {
  const schemes: string[] = [];
  return {
    schemes,
    protocol: { handle: (scheme: string) => void schemes.push(scheme) } as unknown as Pick<Protocol, 'handle'>,
  };
}

describe('the Electron page origin (POS_PAGE_ORIGIN)', () => {
  it('by default serves the renderer on loopback http: files only, with the CSP, to this exact host', async () => {
    const { protocol, schemes } = fakeProtocol();
    const page = await servePage('loopback', protocol, { rendererDir: await rendererFolder(), csp: () => CSP });
    onCleanup(() => page.close());
    expect(page.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(page.url).toBe(`${page.origin}/`);
    expect(schemes).toEqual([]);

    const index = await rawRequest(page.url);
    expect(index.status).toBe(200);
    expect(index.body).toContain('POS');
    expect(index.headers['content-security-policy']).toBe(CSP);
    expect(index.body).not.toContain('pos-token'); // no bridge: IPC stays on ipcMain
    expect((await rawRequest(`${page.origin}/assets/app.js`)).headers['content-type']).toMatch(/javascript/);

    const port = new URL(page.origin).port;
    expect((await rawRequest(page.url, { headers: { Host: `evil.example:${port}` } })).status).toBe(421);
    expect((await rawRequest(page.url, { headers: { Host: `localhost:${port}` } })).status).toBe(421);
    expect((await rawRequest(page.url, { method: 'POST', body: '{}' })).status).toBe(405);
    expect((await rawRequest(`${page.origin}/__pos/ipc`, { method: 'POST', body: '{}' })).status).toBe(405);
    expect((await rawRequest(`${page.origin}/__pos/bridge.js`)).status).toBe(404);
    expect((await rawRequest(page.origin, { path: '/..%2fsecret.json' })).status).toBe(404);
  });

  it('serves from app://pos when chosen, through the protocol handler', async () => {
    const { protocol, schemes } = fakeProtocol();
    const page = await servePage('app', protocol, { rendererDir: await rendererFolder(), csp: () => CSP });
    expect(page).toMatchObject({ origin: 'app://pos', url: 'app://pos/' });
    expect(schemes).toEqual(['app']);
  });
});
