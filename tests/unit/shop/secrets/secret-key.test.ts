import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFile, cp, mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels } from '../../../../shared/ipc/contract';
import { unknownChannelResult } from '../../../../shared/ipc/unknown-channel';
import { APP_ORIGIN_ARG } from '../../../../electron/main/app-origin';
import { createLogger, type LogLevel } from '../../../../electron/core/platform/log/logger';
import { newOrderId } from '../../../../electron/core/orders/order-id';
import { seoulDay } from '../../../../shared/domain/time';
import {
  closedPortUrl,
  startOwnSimulator,
  withCatalog,
  withLiveCore,
  withOwner,
  type PosHarness,
} from '../../helpers/pos';
import { tempDir } from '../../helpers/temp-dir';
import { onCleanup } from '../../helpers/cleanup';
import { startPos } from '../../../../electron/compose/start-pos';
import { plainTextCipher } from '../../../../electron/core/shop/secrets/key-cipher';
import { CARD, payWindow } from '../../helpers/toss-window';

/** A recognisable secret key: if any of it shows up anywhere, it leaked. */
function canarySecret(): string {
  return `test_sk_CANARY${randomBytes(12).toString('hex').toUpperCase()}`;
}

/** Every form the key could leak in: as is, the part after the prefix, and the Basic auth header value. */
function leakForms(secret: string): string[] {
  return [secret, secret.slice('test_sk_'.length), Buffer.from(`${secret}:`).toString('base64')];
}

function expectNoLeak(text: string, secret: string): void {
  for (const form of leakForms(secret)) expect(text).not.toContain(form);
}

function capturingLogger(secret: string) {
  const lines: Array<{ level: LogLevel; line: string }> = [];
  return { lines, log: createLogger([secret], (level, line) => lines.push({ level, line })) };
}

/** Calls every channel, succeeding and failing ways, and returns everything main answered. */
async function callEverything(h: PosHarness): Promise<unknown[]> {
  const answers: unknown[] = [];
  const called = new Set<unknown>();
  const call = async (channel: unknown, input: unknown) => {
    called.add(channel);
    const answer = await h.core.dispatch(channel, input);
    answers.push(answer);
    return answer as { ok: boolean; data?: { orderId: string; orderName: string; amount: number } };
  };

  await call('app:info', {});
  await call('app:info', { secretKey: true });
  await call('catalog:list', {});
  await call('catalog:list', { include: 'secrets' });
  await call('catalog:version', {});
  await call('preferences:get', {});
  await call('preferences:update', { locale: 'en' });
  await call('preferences:update', { secretKey: 'please' });
  await call('settings:get', {});
  await call('secret:get', {});
  await call('sale:create', { lines: [] });
  await call('sale:create', { lines: [{ productId: 'not-for-sale', quantity: 1 }] });
  await call('sale:create', { lines: [{ productId: 'americano', quantity: -1 }] });
  const created = await call('sale:create', { lines: [{ productId: 'americano', quantity: 2 }] });
  const order = created.data;
  if (!order) throw new Error('could not create an order');
  await call('sale:get', { orderId: order.orderId });
  await call('sale:get', { orderId: newOrderId(seoulDay(new Date())) });
  await call('sale:get', { orderId: '../../toss-secret-key.bin' });
  await call('payment:confirm', { orderId: order.orderId, paymentKey: 'tsim_made_up_key', amount: 1 });
  await call('payment:confirm', {
    orderId: newOrderId(seoulDay(new Date())),
    paymentKey: 'tsim_made_up_key',
    amount: order.amount,
  });
  await call('payment:confirm', { orderId: order.orderId, paymentKey: 'tsim_made_up_key', amount: order.amount });
  const declinedKey = await payWindow(h.sim, h.clientKey, order, CARD.rejectedAtConfirm);
  await call('payment:confirm', { orderId: order.orderId, paymentKey: declinedKey, amount: order.amount });
  const echoedKey = await payWindow(h.sim, h.clientKey, order, CARD.echoesKeyAtConfirm);
  await call('payment:confirm', { orderId: order.orderId, paymentKey: echoedKey, amount: order.amount });
  const approvedKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
  await call('payment:confirm', { orderId: order.orderId, paymentKey: approvedKey, amount: order.amount });
  await call('payment:confirm', { orderId: order.orderId, paymentKey: approvedKey, amount: order.amount });
  await call('sale:get', { orderId: order.orderId });
  await call('sale:quote', { lines: [{ productId: 'americano', quantity: 2 }], couponCode: 'ABCD-EFGH-JKLM' });
  await call('sale:quote', {
    lines: [{ productId: 'americano', quantity: 2 }],
    manualDiscount: { kind: 'percent', value: 50, lineKey: null, reason: '단골' },
  });
  await call('sale:abandon', { orderId: order.orderId });
  const cash = await call('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
  const cashOrderId = (cash.data as unknown as { orderId: string } | undefined)?.orderId ?? order.orderId;
  await call('cash:sale', {
    orderId: cashOrderId,
    received: 10_000,
    cashReceipt: { type: '소득공제', identity: '010-0000-0000' },
  });
  await call('cash:receipt', { orderId: cashOrderId, request: { type: '소득공제', identity: '010-2345-6789' } });
  await call('cash:receipt-failures', {});
  await call('payment:settlements', {});
  await call('payment:dismiss-settlement', { orderId: order.orderId });
  await call('payment:complete-free', { orderId: order.orderId });
  await call('discount:approve', {
    pin: '0000',
    discount: { kind: 'percent', value: 50, lineKey: null, reason: '단골' },
  });

  // Staff and the manager's channels: refused while locked, then answered in a manager session.
  await call('settings:get', {});
  await call('staff:status', {});
  await call('staff:unlock', { pin: '9999' });
  await call('staff:use-training-manager', {});
  await call('staff:setup-owner', { name: '사장', pin: '482913' });
  await call('staff:setup-owner', { name: '또 사장', pin: '482914' });
  // Who is at the till: names offered, signing out and in again, the recent receipts; then the manager again.
  await call('staff:set-name-sign-in', { on: true });
  await call('staff:sign-in-names', {});
  await call('staff:sign-out', {});
  await call('staff:sign-in', { pin: '482913' });
  await call('receipts:recent', {});
  await call('staff:unlock', { pin: '482913' });
  await call('settings:get', {});
  await call('settings:save-store', {
    name: '토스 카페',
    owner: '김토스',
    businessNumber: '120-81-47521',
    address: '서울 강남구 테헤란로 1',
    phone: '02-123-4567',
  });
  await call('settings:save-toss-keys', { clientKey: 'test_gck_x', secretKey: 'test_gsk_x', acceptUnencrypted: true });
  await call('settings:save-toss-keys', {
    clientKey: 'test_ck_probe',
    secretKey: 'test_sk_probe_wrong',
    acceptUnencrypted: true,
  });
  await call('settings:set-mode', { mode: 'live', confirm: true });
  await call('settings:set-mode', { mode: 'training', confirm: true });
  await call('catalog:manage', {});
  await call('catalog:save-product', {
    categoryId: 'coffee',
    name: { ko: '플랫화이트', en: 'Flat White' },
    price: 5200,
    barcode: null,
  });
  await call('catalog:move-product', { productId: 'americano', position: 2 });
  await call('catalog:set-sold-out', { productId: 'americano', soldOut: true });
  await call('catalog:retire-product', { productId: 'americano', retired: true });
  await call('catalog:save-category', { name: { ko: '디저트', en: 'Desserts' } });
  await call('catalog:retire-category', { categoryId: 'goods', retired: true });
  await call('catalog:save-option-group', {
    name: { ko: '얼음', en: 'Ice' },
    min: 0,
    max: 1,
    options: [{ name: { ko: '얼음 많이', en: 'Extra ice' }, price: 0, isDefault: false }],
  });
  await call('catalog:set-option-sold-out', { optionId: 'vanilla-syrup', soldOut: true });
  await call('catalog:retire-option', { optionId: 'hazelnut-syrup', retired: true });
  await call('catalog:retire-option-group', { groupId: 'syrup', retired: true });
  await call('setup:catalog-open', {});
  await call('setup:catalog', { start: 'empty' });
  await call('settings:save-discount-limits', { percent: 20, won: 10_000 });
  const defined = await call('coupons:define', {
    name: '오픈 기념',
    benefit: { type: 'fixed', amount: 1000 },
    minOrderAmount: 0,
    scope: { categoryIds: [], productIds: [] },
  });
  await call('coupons:definitions', {});
  await call('coupons:issue', {
    definitionId: (defined.data as unknown as { id: string } | undefined)?.id ?? 'none',
    count: 3,
    validFrom: '2020-01-01',
    validUntil: '2099-12-31',
  });
  await call('coupons:list', { offset: 0, limit: 10 });
  await call('coupons:void', { code: 'ABCD-EFGH-JKLM' });
  await call('coupons:export', {});
  await call('settings:save-refund-policy', { restoreCouponOnRefund: false });
  await call('settings:save-receipt', { paperWidth: 58, silent: true, printer: null });
  await call('settings:save-mandatory-cash-receipt', { mandatoryCashReceipt: false });
  await call('receipt:setup', {});
  await call('receipt:printers', {});
  await call('receipt:print', { page: { widthMm: 58, heightMm: 120 } });
  await call('receipt:save-pdf', { page: { widthMm: 58, heightMm: 120 }, fileName: 'receipt.pdf' });
  const day = order.orderId.slice(0, 4) + '-' + order.orderId.slice(4, 6) + '-' + order.orderId.slice(6, 8);
  await call('history:list', { filter: { from: day, to: day }, limit: 10 });
  await call('history:totals', { from: day, to: day });
  await call('history:order', { orderId: order.orderId });
  await call('history:changes', { since: -1 });
  await call('history:export', { filter: { from: day, to: day } });
  // The day close asks Toss for the day's transactions: what it answers must not carry the key either.
  await call('day:today', {});
  for (const channel of [
    'day:view',
    'day:match',
    'day:x-report',
    'day:export',
    'day:practice-close',
    'day:close',
  ] as const)
    await call(channel, { day });
  await call('day:closes', {});
  await call('month:report', { month: day.slice(0, 7) });
  await call('month:export', { month: day.slice(0, 7) });
  await call('refund:preview', { orderId: order.orderId, request: { kind: 'full' } });
  await call('refund:create', { orderId: order.orderId, request: { kind: 'amount', amount: 100 }, reason: '테스트' });
  await call('refund:open-elsewhere', {});
  await call('refund:settle-elsewhere', { orderId: order.orderId });
  await call('staff:list', {});
  const added = await call('staff:add', { name: '알바', role: 'cashier', pin: null });
  await call('staff:set-active', {
    staffId: (added.data as unknown as { id: string } | undefined)?.id ?? 'none',
    active: false,
  });
  await call('staff:lock', {});

  await call('register:draft', {});
  await call('register:save-draft', {
    lines: [{ productId: 'americano', quantity: 1 }],
    pending: null,
    approval: null,
    stage: 'ringing',
    paidOrderId: null,
  });
  await call('register:save-draft', { lines: 'all of them' });
  await call('held:hold', { label: '5번' });
  await call('held:list', {});
  await call('held:resume', { id: 'h-none' });
  await call('held:discard', { id: 'h-none' });
  await call('payment:open-part', { orderId: order.orderId, amount: 1_000 });
  await call('payment:drop-part', { orderId: order.orderId, part: 1 });
  await call('cash:pay-part', { orderId: order.orderId, amount: 1_000, received: 1_000 });
  await call('sale:last-paid', {});
  await call('display:watch', { since: 0 });
  await call('bar:watch', { since: 0 });
  await call('bar:ready', { orderId: order.orderId });
  await call('drawer:view', {});
  await call('drawer:open', { float: { 10000: 5 } });
  await call('drawer:move', { kind: 'out', amount: 1000, reason: '식자재 구입' });
  await call('drawer:close', { counted: { 10000: 4, 1000: 9 } });
  await call('ticket:setup', {});
  await call('ticket:order', { orderId: order.orderId });
  await call('ticket:print', { page: { widthMm: 80, heightMm: 100 } });
  await call('ticket:settings', {});
  await call('ticket:save-settings', { enabled: true, paperWidth: 80, printer: null });
  await call('displays:list', {});
  await call('displays:save-customer-screen', { kind: 'off' });
  await call('updates:settings', {});
  await call('updates:save-settings', { enabled: false });
  await call('store:status', {});
  await call('store:settings', {});
  await call('store:save-register-name', { name: '카운터 2' });
  await call('store:save-url', { url: 'postgres://pos:not-the-secret@127.0.0.1:1/shop' });
  await call('store:save-url', { url: null });
  await call('log:csp-violation', {
    page: 'register',
    directive: 'connect-src',
    blockedUri: 'https://blocked.example/x',
    sourceFile: '',
    line: 0,
    column: 0,
  });

  // Every channel of the contract was called (a new channel must be added above).
  for (const channel of channels) expect(called.has(channel), channel).toBe(true);
  return answers;
}

describe('the Toss secret key never leaves main', () => {
  it('is in no IPC answer, successful or failed, and in no log line', async () => {
    const secret = canarySecret();
    const own = await startOwnSimulator({ secretKey: secret });
    const { lines, log } = capturingLogger(secret);
    const h = await withLiveCore(own, { log });

    const answers = await callEverything(h);
    expect(answers.some((a) => (a as { ok: boolean }).ok)).toBe(true);
    expect(answers.some((a) => !(a as { ok: boolean }).ok)).toBe(true);
    expectNoLeak(JSON.stringify(answers), secret);
    expect(lines.length).toBeGreaterThan(0);
    expectNoLeak(lines.map((l) => l.line).join('\n'), secret);
  });

  it('is in no answer when Toss refuses the key or cannot be reached', async () => {
    const secret = canarySecret();
    // Toss knows another key: every call with ours is UNAUTHORIZED_KEY.
    const own = await startOwnSimulator();
    const refused = await withLiveCore({ ...own, secretKey: secret }, { log: capturingLogger(secret).log });
    const offline = await withLiveCore(
      { ...own, secretKey: secret },
      { apiBase: await closedPortUrl(), log: capturingLogger(secret).log },
    );

    for (const h of [refused, offline]) {
      const order = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
      const paymentKey = await payWindow(own.sim, own.clientKey, order, CARD.approves);
      const answer = await h.call('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
      expect(answer.ok).toBe(false);
      expectNoLeak(JSON.stringify(answer), secret);
      expectNoLeak(JSON.stringify(await h.call('sale:get', { orderId: order.orderId })), secret);
    }
    expect(await refused.call('app:info', {})).toMatchObject({
      ok: true,
      data: { mode: 'live', clientKey: own.clientKey },
    });
  });

  it('is taken out of what Toss says before it is stored or shown, even when Toss repeats the key and its Authorization header', async () => {
    const secret = canarySecret();
    const own = await startOwnSimulator({ secretKey: secret });
    const h = await withLiveCore(own, { log: capturingLogger(secret).log });
    const order = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    const paymentKey = await payWindow(own.sim, own.clientKey, order, CARD.echoesKeyAtConfirm);
    // The hostile answer really carries the key: asked directly, the simulator repeats it.
    const direct = await fetch(`${own.sim.apiBase}/v1/payments/confirm`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${secret}:`).toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ paymentKey, orderId: order.orderId, amount: order.amount }),
    });
    expect(await direct.text()).toContain(secret);

    const answer = await h.fail('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
    expect(answer.message).toContain('[redacted]');
    expectNoLeak(JSON.stringify(answer), secret);
    expectNoLeak(JSON.stringify(await h.ok('sale:get', { orderId: order.orderId })), secret);
    const journals = await readdir(join(h.dataDir, 'orders'));
    for (const name of journals.filter((n) => n.endsWith('.jsonl')))
      expectNoLeak(await readFile(join(h.dataDir, 'orders', name), 'utf8'), secret);
  });

  it('is not in the log file the app keeps in its data folder', async () => {
    const secret = canarySecret();
    const own = await startOwnSimulator({ secretKey: secret });
    const dataDir = await tempDir('logfile');
    await withCatalog(dataDir);
    // Its owner is signed in at the till, as a shop that sells live has one.
    await withOwner(dataDir, plainTextCipher);
    // No `log` option: the app's own logger, which writes logs/YYYY-MM-DD.log.
    const core = await startPos({
      env: {
        POS_DATA_DIR: dataDir,
        TOSS_CLIENT_KEY: own.clientKey,
        TOSS_SECRET_KEY: secret,
        TOSS_API_BASE: await closedPortUrl(),
        TOSS_SDK_SRC: own.sim.sdkSrc,
      },
      packaged: false,
      cipher: plainTextCipher,
      keepEnvironmentKey: false,
    });
    onCleanup(() => core.close());
    const created = await core.dispatch('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    if (!created.ok) throw new Error('sale:create failed');
    const order = created.data as { orderId: string; orderName: string; amount: number };
    const paymentKey = await payWindow(own.sim, own.clientKey, order, CARD.approves);
    expect(
      await core.dispatch('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount }),
    ).toMatchObject({ ok: false });

    const logFile = join(dataDir, 'logs', `${seoulDay(new Date())}.log`);
    const logged = async () => (await readFile(logFile, 'utf8').catch(() => '')).includes(order.orderId);
    for (let i = 0; i < 200 && !(await logged()); i += 1) await new Promise((r) => setTimeout(r, 10));
    const text = await readFile(logFile, 'utf8');
    expect(text).toContain('confirm outcome unknown');
    expectNoLeak(text, secret);
  });

  it('is scrubbed from log lines even when an error message or a header carries it', () => {
    const secret = canarySecret();
    const { lines, log } = capturingLogger(secret);
    const basic = `Basic ${Buffer.from(`${secret}:`).toString('base64')}`;

    log.error(`could not confirm with ${secret}`, { error: new Error(`401 for key ${secret}`) });
    log.warn('request failed', { headers: { Authorization: basic }, nested: { deeper: [secret, { again: secret }] } });
    log.info('plain', { [secret]: 'as a field name' });

    expect(lines).toHaveLength(3);
    expectNoLeak(lines.map((l) => l.line).join('\n'), secret);
    // The rest of the line survives, so the log is still useful.
    expect(lines[0]?.line).toContain('could not confirm with [redacted]');
    expect(lines[0]?.line).toContain('401 for key [redacted]');
    expect(lines[1]?.line).toContain('Basic [redacted]');
  });
});

/** A copy of the app's sources in a temp folder, with node_modules linked package by package. */
async function copyOfTheApp(): Promise<string> {
  const repo = resolve('.');
  const dir = await tempDir('build');
  for (const entry of ['electron', 'shared', 'renderer'])
    await cp(join(repo, entry), join(dir, entry), { recursive: true });
  for (const file of ['electron.vite.config.ts', 'package.json', 'tsconfig.json', 'tsconfig.electron.json'])
    await cp(join(repo, file), join(dir, file));
  // Our own node_modules folder (so build caches land in the temp copy), its packages linked to the real ones.
  await mkdir(join(dir, 'node_modules'));
  for (const name of await readdir(join(repo, 'node_modules'))) {
    if (name.startsWith('.')) continue;
    await symlink(join(repo, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

function run(
  command: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<{ code: number | null; output: string }> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => done({ code, output }));
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('the secret key cannot reach a build', () => {
  /*
   * Why this approach: scanning the shared `out/` proves nothing unless we know the environment
   * it was built under, and rebuilding `out/` would disturb others. So the real build
   * (electron-vite with the project's own config) runs on a temp copy of the sources, with the
   * canary in every variable name a careless build might inline: the plain one, Vite's default
   * prefix and electron-vite's per-target prefixes. A probe appended to the copy's renderer
   * entry asks for the *whole* `import.meta.env`, the widest door Vite has; a POS_PUBLIC_
   * control value must come through it (so the scan sees inlined env), the canary must not,
   * in the renderer, the preload or main.
   */
  it('is inlined nowhere in main, preload or renderer, even when the renderer asks for all of import.meta.env', async () => {
    const secret = canarySecret();
    const control = `POS_PUBLIC_CONTROL_${randomBytes(8).toString('hex')}`;
    const app = await copyOfTheApp();
    await appendFile(
      join(app, 'renderer', 'src', 'main.tsx'),
      '\n// build probe (test copy only)\nconsole.debug(JSON.stringify(import.meta.env));\n',
    );
    // A .env next to the config and next to the renderer root, where Vite looks for one.
    for (const envDir of [app, join(app, 'renderer')]) {
      await writeFile(
        join(envDir, '.env'),
        `TOSS_SECRET_KEY=${secret}\nVITE_TOSS_SECRET_KEY=${secret}\nRENDERER_VITE_TOSS_SECRET_KEY=${secret}\n`,
      );
    }

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      TOSS_SECRET_KEY: secret,
      VITE_TOSS_SECRET_KEY: secret,
      MAIN_VITE_TOSS_SECRET_KEY: secret,
      PRELOAD_VITE_TOSS_SECRET_KEY: secret,
      RENDERER_VITE_TOSS_SECRET_KEY: secret,
      POS_PUBLIC_BUILD_PROBE: control,
    };
    const build = await run(
      process.execPath,
      [join(app, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      { cwd: app, env },
    );
    expect(build.code, build.output).toBe(0);

    const out = join(app, 'out');
    const files = await filesUnder(out);
    const rendererJs = files.filter((f) => f.startsWith(join(out, 'renderer')) && f.endsWith('.js'));
    expect(rendererJs.length).toBeGreaterThan(0);
    expect(files.some((f) => f.startsWith(join(out, 'preload')))).toBe(true);
    expect(files.some((f) => f.startsWith(join(out, 'main')))).toBe(true);

    const renderer = (await Promise.all(rendererJs.map((f) => readFile(f, 'utf8')))).join('\n');
    expect(renderer, 'the probe must see public env values').toContain(control);

    for (const file of files) {
      const text = await readFile(file, 'utf8');
      for (const form of leakForms(secret)) expect(text.includes(form), `${file} contains the secret`).toBe(false);
    }

    // The same build's preload: every channel of the contract by name, and no zod inside.
    const preload = await readFile(join(out, 'preload', 'index.cjs'), 'utf8');
    for (const channel of channels) expect(preload, channel).toContain(JSON.stringify(channel));
    expect(preload).not.toMatch(/ZodError|\$ZodType|zod/i);
    expect(preload.length).toBeLessThan(4_000);
    // The customer screen's preload names the display's reading channels (and the log's, which every page reaches) and nothing else.
    const display = await readFile(join(out, 'preload', 'display.cjs'), 'utf8');
    // A sandboxed preload cannot require() a file: each must be one self-contained bundle.
    for (const text of [preload, display]) expect(text).not.toMatch(/require\(["']\./);
    expect(display).toContain(JSON.stringify(APP_ORIGIN_ARG));
    expect(display).toContain(JSON.stringify(unknownChannelResult.ok ? '' : unknownChannelResult.error.message));
    expect(display).toContain('"display:watch"');
    expect(display).toContain('"log:csp-violation"');
    for (const channel of channels.filter((c) => c !== 'display:watch' && c !== 'log:csp-violation'))
      expect(display, channel).not.toContain(JSON.stringify(channel));
    expect(display).not.toMatch(/ZodError|\$ZodType|zod/i);
    // The bar screen's preload names the bar's channels (and the log's) and nothing else.
    const bar = await readFile(join(out, 'preload', 'bar.cjs'), 'utf8');
    expect(bar).not.toMatch(/require\(["']\./);
    expect(bar).toContain(JSON.stringify(APP_ORIGIN_ARG));
    for (const channel of channels)
      expect(bar.includes(JSON.stringify(channel)), channel).toBe(
        channel === 'bar:watch' || channel === 'bar:ready' || channel === 'log:csp-violation',
      );
  }, 180_000);
});
