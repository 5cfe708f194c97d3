import { readFileSync } from 'node:fs';
import { CHROMIUM_ARGS, chromiumPath } from '../../e2e/chromium';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../electron/core/platform/security/csp';
import { WINDOW_PATH } from '../../../electron/training/sdk-script';
import { startTossSimulator, type TossSimulator } from '../../../electron/training/simulator';

/**
 * The SDK script and payment window in a real browser: the published
 * `@tosspayments/tosspayments-sdk` loader on a page with a strict CSP, like the renderer.
 * Skipped where no Chromium is installed.
 */

const SECRET = 'test_sk_simulator_window';
const CLIENT = 'test_ck_simulator_window';

const require = createRequire(import.meta.url);
const loaderSource = readFileSync(
  join(dirname(require.resolve('@tosspayments/tosspayments-sdk')), 'index.esm.js'),
  'utf8',
);

function appScript(sdkSrc: string): string {
  return `
    import { loadTossPayments, ANONYMOUS } from '/sdk.js';
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
    const tossPayments = await loadTossPayments(${JSON.stringify(CLIENT)}, { src: ${JSON.stringify(sdkSrc)} });
    window.payment = tossPayments.payment({ customerKey: ANONYMOUS });
    window.settled = false;
    window.startPayment = (request) => {
      window.settled = false;
      window.result = window.payment
        .requestPayment({ method: 'CARD', windowTarget: 'iframe', ...request })
        .then((value) => ({ ok: true, value }), (error) => ({ ok: false, code: error.code, message: error.message }))
        .finally(() => { window.settled = true; });
    };
    document.body.dataset.ready = 'yes';
  `;
}

/** A checkout page under the app's own CSP (or a variant of it), serving the published SDK loader. */
function startHost(sim: TossSimulator, csp = contentSecurityPolicy(sim.sdkSrc)): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': csp });
      res.end(
        '<!doctype html><html><head><script type="module" src="/app.js"></script></head><body><button id="before">계산</button></body></html>',
      );
    } else if (req.url === '/sdk.js' || req.url === '/app.js') {
      res.writeHead(200, { 'Content-Type': 'application/javascript' });
      res.end(req.url === '/sdk.js' ? loaderSource : appScript(sim.sdkSrc));
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('the payment window under the page’s CSP', () => {
  it('opens only because form-action allows the form the SDK posts into its iframe', async () => {
    const sim = await startTossSimulator({ secretKey: SECRET, clientKey: CLIENT });
    const withoutForms = contentSecurityPolicy(sim.sdkSrc).replace(/form-action [^;]+/, "form-action 'none'");
    const host = await startHost(sim, withoutForms);
    const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
      await page.waitForSelector('body[data-ready="yes"]');
      void page.evaluate(
        `window.startPayment({ orderId: 'ORDER-csp-check', orderName: '아메리카노', amount: { value: 4500, currency: 'KRW' } })`,
      );
      await expect
        .poll(() => page.evaluate('window.cspViolations'))
        .toContain(`form-action ${sim.origin}${WINDOW_PATH}`);
      expect(sim.requests()).toEqual([]);
      expect(page.frames().some((f) => f.url().startsWith(sim.origin))).toBe(false);
    } finally {
      await browser.close();
      await new Promise((resolve) => host.close(resolve));
      host.closeAllConnections();
      await sim.close();
    }
  });
});

describe('payment window in a browser', () => {
  let browser: Browser;
  let sim: TossSimulator;
  let host: Server;
  let page: Page;
  let orderSeq = 0;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser.close();
  });

  beforeEach(async () => {
    sim = await startTossSimulator({ secretKey: SECRET, clientKey: CLIENT });
    host = await startHost(sim);
    page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
    await page.waitForSelector('body[data-ready="yes"]');
    await page.focus('#before');
  });
  afterEach(async () => {
    await page.close();
    await new Promise((resolve) => host.close(resolve));
    host.closeAllConnections();
    await sim.close();
  });

  // In-page code is passed as strings: this tsconfig has no DOM lib, on purpose for main-process code.
  function inPage<T>(expression: string): Promise<T> {
    return page.evaluate(expression) as Promise<T>;
  }

  function start(amount = 12_300): string {
    orderSeq += 1;
    const orderId = `ORDER-window-${Date.now()}-${orderSeq}`;
    const request = { orderId, orderName: '아메리카노 외 1건', amount: { value: amount, currency: 'KRW' } };
    void inPage(`window.startPayment(${JSON.stringify(request)})`);
    return orderId;
  }

  const frame = () => page.frameLocator('iframe[data-testid="toss-payment-window"]');

  type Outcome = { ok: true; value: { paymentKey: string } } | { ok: false; code: string; message: string };
  const result = () => inPage<Outcome>('window.result');
  const settled = () => inPage<boolean>('window.settled');
  const overlayCount = () => page.locator('[data-testid="toss-payment-overlay"]').count();

  async function waitForFocusedCardInput(): Promise<void> {
    const input = frame().locator('[data-testid="card-number"]');
    await input.waitFor();
    const windowFrame = page.frames().find((f) => f.url() === `${sim.origin}${WINDOW_PATH}`);
    if (!windowFrame) throw new Error('payment window frame not found');
    await expect
      .poll(() =>
        windowFrame.evaluate('document.activeElement?.dataset.testid === "card-number" && document.hasFocus()'),
      )
      .toBe(true);
  }

  it('approves with the keyboard alone and resolves like Toss', async () => {
    const orderId = start();
    expect(await page.getByTitle('토스페이먼츠 결제창').count()).toBe(1);
    await waitForFocusedCardInput();
    await expect.poll(() => frame().getByTestId('amount').textContent()).toBe('12,300원');

    await page.keyboard.type('4330-0000-0000-0001');
    await page.keyboard.press('Enter');

    const outcome = await result();
    if (!outcome.ok) throw new Error(`payment failed: ${outcome.code}`);
    expect(outcome.value).toEqual({
      paymentKey: expect.stringMatching(/^tsim_/),
      orderId,
      amount: { value: 12_300, currency: 'KRW' },
    });
    expect(await overlayCount()).toBe(0);
    expect(await inPage('document.activeElement?.id')).toBe('before');

    const confirm = await fetch(`${sim.apiBase}/v1/payments/confirm`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${SECRET}:`).toString('base64')}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ paymentKey: outcome.value.paymentKey, orderId, amount: 12_300 }),
    });
    expect(confirm.status).toBe(200);
    expect(await inPage('window.cspViolations')).toEqual([]);
  });

  it('takes requestPayment’s taxFreeAmount: shown in the window and kept on the payment', async () => {
    const orderId = `ORDER-window-taxfree-${Date.now()}`;
    const request = {
      orderId,
      orderName: '사과 외 1건',
      amount: { value: 12_300, currency: 'KRW' },
      taxFreeAmount: 6000,
    };
    void inPage(`window.startPayment(${JSON.stringify(request)})`);
    await waitForFocusedCardInput();
    await expect.poll(() => frame().getByTestId('tax-free-amount').textContent()).toContain('6,000원');
    await page.keyboard.type('4330-0000-0000-0001');
    await page.keyboard.press('Enter');

    const outcome = await result();
    if (!outcome.ok) throw new Error(`payment failed: ${outcome.code}`);
    const answer = await fetch(`${sim.apiBase}/v1/payments/${outcome.value.paymentKey}`, {
      headers: { Authorization: `Basic ${Buffer.from(`${SECRET}:`).toString('base64')}` },
    });
    expect(await answer.json()).toMatchObject({ totalAmount: 12_300, taxFreeAmount: 6000 });
  });

  it('refuses a taxFreeAmount over the amount before any window opens', async () => {
    const request = {
      orderId: `ORDER-window-taxfree-over-${Date.now()}`,
      orderName: '사과',
      amount: { value: 1000, currency: 'KRW' },
      taxFreeAmount: 1001,
    };
    void inPage(`window.startPayment(${JSON.stringify(request)})`);
    expect(await result()).toMatchObject({ ok: false, code: 'INVALID_PARAMETERS' });
    expect(await overlayCount()).toBe(0);
  });

  it('shows an inline error for an unknown card, then Esc rejects with USER_CANCEL', async () => {
    start();
    await waitForFocusedCardInput();
    await page.keyboard.type('1111 2222 3333 4444');
    await page.keyboard.press('Enter');

    await expect
      .poll(() => frame().getByTestId('card-error').textContent())
      .toBe('유효하지 않은 카드 번호입니다 / invalid card number');
    expect(await settled()).toBe(false);

    await page.keyboard.press('Escape');
    expect(await result()).toEqual({ ok: false, code: 'USER_CANCEL', message: '사용자가 결제를 취소하였습니다' });
    expect(await overlayCount()).toBe(0);
  });

  it('rejects with REJECT_CARD_COMPANY for the window-decline card', async () => {
    start();
    await frame().getByTestId('test-card-4330000000000002').click();
    await frame().getByTestId('pay').click();
    expect(await result()).toMatchObject({ ok: false, code: 'REJECT_CARD_COMPANY' });
  });

  it('rejects with USER_CANCEL from the close button', async () => {
    start();
    await frame().getByTestId('close').click();
    expect(await result()).toMatchObject({ ok: false, code: 'USER_CANCEL' });
  });

  it('refuses a second request while open, and destroy() aborts the first', async () => {
    start();
    await frame().getByTestId('card-number').waitFor();
    const second = await inPage(`window.payment
      .requestPayment({ method: 'CARD', amount: { value: 1000, currency: 'KRW' }, orderId: 'ORDER-second', orderName: 'x' })
      .catch((error) => error.code)`);
    expect(second).toBe('INVALID_METHOD_TRANSACTION');

    await inPage('window.payment.destroy()');
    expect(await result()).toMatchObject({ ok: false, code: 'PAYMENT_REQUEST_ABORTED' });
    expect(await overlayCount()).toBe(0);
    expect(await inPage('document.querySelectorAll("iframe").length')).toBe(0);
  });

  it('ignores result messages that do not come from its own window', async () => {
    start();
    await frame().getByTestId('card-number').waitFor();
    // Even knowing the requestId, a message from the page itself is not from the window.
    await inPage(`(() => {
      const requestId = document.querySelector('#___tosspayments_form___ input[name="requestId"]').value;
      window.postMessage({ source: 'toss-sim', type: 'success', paymentKey: 'forged', requestId }, '*');
    })()`);
    // A second frame on the simulator's origin, posted the very same fields, is still not the window.
    await inPage(`(() => {
      const rogue = document.createElement('iframe');
      rogue.name = 'rogue';
      rogue.setAttribute('data-testid', 'rogue');
      document.body.appendChild(rogue);
      const form = document.querySelector('#___tosspayments_form___').cloneNode(true);
      form.target = 'rogue';
      document.body.appendChild(form);
      form.submit();
    })()`);
    const rogue = page.frameLocator('iframe[data-testid="rogue"]');
    await rogue.getByTestId('card-number').fill('4330000000000001');
    // The overlay covers the rogue frame, so press Pay without pointer hit-testing.
    await rogue.getByTestId('pay').dispatchEvent('click');
    await expect.poll(() => rogue.getByTestId('pay').isDisabled()).toBe(true);
    await page.waitForTimeout(200);
    expect(await settled()).toBe(false);

    await frame().getByTestId('close').click();
    expect(await result()).toMatchObject({ ok: false, code: 'USER_CANCEL' });
  });
});
