import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startBrowserHost } from '../../../electron/host/host-server';
import { rawRequest } from '../helpers/http';
import { withCore } from '../helpers/pos';
import { onCleanup } from '../helpers/cleanup';
import { tempDir } from '../helpers/temp-dir';

const OUTSIDE_SECRET = 'contents-outside-the-renderer-folder';

/** A training core served by the browser host from a tiny renderer folder. */
async function startHost() {
  const h = await withCore();
  const root = await tempDir('host');
  const rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><title>POS</title></head><body><div id="root"></div></body></html>',
  );
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("pos");');
  await writeFile(
    join(rendererDir, 'customer.html'),
    '<!doctype html><html><head><title>고객</title></head><body></body></html>',
  );
  await writeFile(
    join(rendererDir, 'bar.html'),
    '<!doctype html><html><head><title>바</title></head><body></body></html>',
  );
  // A file next to the renderer folder that must never be served.
  await writeFile(join(root, 'secret.json'), JSON.stringify({ value: OUTSIDE_SECRET }));

  const host = await startBrowserHost(h.core, { rendererDir, port: 0 });
  onCleanup(() => host.close());
  const origin = new URL(host.url).origin;
  const page = await rawRequest(host.url);
  const token = /<meta name="pos-token" content="([^"]+)">/.exec(page.body)?.[1];
  if (!token) throw new Error('no token in the page');

  const ordersOnDisk = async () =>
    (await readdir(join(h.booksDir, 'orders')).catch(() => [])).filter((name) => name.endsWith('.jsonl')).length;
  const ipc = (body: unknown, headers: Record<string, string>) =>
    rawRequest(`${origin}/__pos/ipc`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const createOrder = { channel: 'sale:create', input: { lines: [{ productId: 'americano', quantity: 1 }] } };
  return { h, host, origin, page, token, ipc, createOrder, ordersOnDisk };
}

describe('the browser host', () => {
  it('gives the customer’s screen its own token, which reaches the display’s reading channels and nothing else', async () => {
    const { ipc, token, origin, createOrder, ordersOnDisk } = await startHost();
    const customer = await rawRequest(`${origin}/customer.html`);
    const displayToken = /<meta name="pos-token" content="([^"]+)">/.exec(customer.body)?.[1] ?? '';
    expect(customer.body).toContain('/__pos/display-bridge.js');
    expect(displayToken).not.toBe('');
    expect(displayToken).not.toBe(token);

    const bridge = await rawRequest(`${origin}/__pos/display-bridge.js`);
    expect(bridge.body).toContain('display:watch');
    expect(bridge.body).not.toContain('sale:create');

    const watch = await ipc(
      { channel: 'display:watch', input: { since: 0 } },
      { 'x-pos-token': displayToken, Origin: origin },
    );
    expect(JSON.parse(watch.body)).toMatchObject({ ok: true, data: { view: { stage: 'idle' } } });
    for (const call of [
      createOrder,
      {
        channel: 'register:save-draft',
        input: { lines: [], pending: null, approval: null, stage: 'paid', paidOrderId: null },
      },
      { channel: 'staff:unlock', input: { pin: '0000' } },
    ]) {
      const refused = await ipc(call, { 'x-pos-token': displayToken, Origin: origin });
      expect(JSON.parse(refused.body), call.channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await ordersOnDisk()).toBe(0);
  });

  it('gives the bar’s screen its own token, which reaches the bar’s channels and nothing else', async () => {
    const { ipc, token, origin, createOrder, ordersOnDisk } = await startHost();
    const bar = await rawRequest(`${origin}/bar.html`);
    const barToken = /<meta name="pos-token" content="([^"]+)">/.exec(bar.body)?.[1] ?? '';
    const customer = await rawRequest(`${origin}/customer.html`);
    const displayToken = /<meta name="pos-token" content="([^"]+)">/.exec(customer.body)?.[1] ?? '';
    expect(bar.body).toContain('/__pos/bar-bridge.js');
    expect(barToken).not.toBe('');
    expect([token, displayToken]).not.toContain(barToken);

    const bridge = await rawRequest(`${origin}/__pos/bar-bridge.js`);
    expect(bridge.body).toContain('bar:ready');
    expect(bridge.body).not.toContain('sale:create');
    expect(bridge.body).not.toContain('display:watch');

    const watch = await ipc({ channel: 'bar:watch', input: { since: 0 } }, { 'x-pos-token': barToken, Origin: origin });
    expect(JSON.parse(watch.body)).toMatchObject({ ok: true, data: { board: { preparing: [], ready: [] } } });
    for (const call of [createOrder, { channel: 'display:watch', input: { since: 0 } }]) {
      const refused = await ipc(call, { 'x-pos-token': barToken, Origin: origin });
      expect(JSON.parse(refused.body), call.channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // Neither the customer screen's token nor none at all calls an order ready.
    const ready = { channel: 'bar:ready', input: { orderId: 'order-000001' } };
    expect(JSON.parse((await ipc(ready, { 'x-pos-token': displayToken, Origin: origin })).body)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await ipc(ready, { Origin: origin })).status).toBe(403);
    expect(await ordersOnDisk()).toBe(0);
  });

  it('serves the app with the CSP, the run’s token and the bridge script in <head>', async () => {
    const { h, page, origin, token } = await startHost();
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(h.core.csp());
    expect(page.headers['content-security-policy']).toContain(`script-src 'self' ${h.sim.origin}`);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).toMatch(
      /<head><meta name="pos-token" content="[A-Za-z0-9_-]{40,}"><script src="\/__pos\/bridge\.js"><\/script><title>/,
    );

    const bridge = await rawRequest(`${origin}/__pos/bridge.js`);
    expect(bridge.status).toBe(200);
    expect(bridge.headers['content-type']).toMatch(/javascript/);
    expect(bridge.body).toContain("'pos'");
    expect(bridge.body).not.toContain(token); // the token lives only in the page, which no other origin can read
  });

  it('gives each run its own token', async () => {
    const first = await startHost();
    const second = await startHost();
    expect(first.token).not.toBe(second.token);
  });

  it('answers window.pos calls that carry the token from our own origin', async () => {
    const { ipc, token, origin } = await startHost();
    const response = await ipc({ channel: 'app:info', input: {} }, { 'x-pos-token': token, Origin: origin });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({
      ok: true,
      data: { mode: 'training', clientKey: expect.stringMatching(/^test_ck_/) },
    });
  });

  it('refuses calls without the token, with a wrong token, from another origin or to another Host, before main sees them', async () => {
    const { ipc, token, origin, createOrder, ordersOnDisk, host } = await startHost();
    const port = new URL(host.url).port;
    const refusedByToken: Array<[string, Record<string, string>]> = [
      ['no token', { Origin: origin }],
      ['wrong token', { 'x-pos-token': `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, Origin: origin }],
      ['empty token', { 'x-pos-token': '', Origin: origin }],
      ['no Origin', { 'x-pos-token': token }],
      ['another origin', { 'x-pos-token': token, Origin: 'http://evil.example' }],
      ['another port', { 'x-pos-token': token, Origin: `http://127.0.0.1:${Number(port) + 1}` }],
      ['a null origin (sandboxed frame)', { 'x-pos-token': token, Origin: 'null' }],
    ];
    for (const [label, headers] of refusedByToken) {
      const response = await ipc(createOrder, headers);
      expect(response.status, label).toBe(403);
      expect(JSON.parse(response.body), label).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // A request addressed to another host name never gets past the server's first check.
    const misdirected: Array<[string, Record<string, string>]> = [
      ['a rebound DNS name', { 'x-pos-token': token, Origin: origin, Host: `evil.example:${port}` }],
      [
        'localhost instead of 127.0.0.1',
        { 'x-pos-token': token, Origin: `http://localhost:${port}`, Host: `localhost:${port}` },
      ],
    ];
    for (const [label, headers] of misdirected) {
      const response = await ipc(createOrder, headers);
      expect(response.status, label).toBe(421);
      expect(response.body, label).toBe('misdirected request');
    }
    expect(await ordersOnDisk()).toBe(0);

    // The very same request with the token and our origin does reach main (the check above is meaningful).
    const allowed = await ipc(createOrder, { 'x-pos-token': token, Origin: origin });
    expect(JSON.parse(allowed.body)).toMatchObject({ ok: true, data: { amount: 4_500 } });
    expect(await ordersOnDisk()).toBe(1);
  });

  it('refuses a form post (not JSON) even with the token', async () => {
    const { token, origin, ordersOnDisk } = await startHost();
    const response = await rawRequest(`${origin}/__pos/ipc`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain', 'x-pos-token': token, Origin: origin },
      body: JSON.stringify({ channel: 'sale:create', input: { lines: [{ productId: 'americano', quantity: 1 }] } }),
    });
    expect(response.status).toBe(403);
    expect(await ordersOnDisk()).toBe(0);
  });

  it('refuses the page itself when asked through another Host name', async () => {
    const { host } = await startHost();
    const port = new URL(host.url).port;
    const response = await rawRequest(host.url, { headers: { Host: `evil.example:${port}` } });
    expect(response.status).toBe(421);
    expect(response.body).not.toContain('pos-token');
  });

  it.each([
    '/../secret.json',
    '/..%2fsecret.json',
    '/%2e%2e%2fsecret.json',
    '/assets/..%2f..%2fsecret.json',
    '/%2e%2e/secret.json',
    '/assets/../../secret.json',
  ])('does not serve files outside the renderer folder (%s)', async (path) => {
    const { origin } = await startHost();
    const response = await rawRequest(origin, { path });
    expect(response.status).toBe(404);
    expect(response.body).not.toContain(OUTSIDE_SECRET);
  });

  it('serves renderer assets with their type and refuses unknown file types', async () => {
    const { origin } = await startHost();
    const script = await rawRequest(`${origin}/assets/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await rawRequest(`${origin}/assets/missing.js`)).status).toBe(404);
    expect((await rawRequest(`${origin}/index.ts`)).status).toBe(404);
  });
});
