import { expect, test } from './fixtures';
import { addProduct, invoke } from './register';

test('a tampered amount sent through window.pos is refused and Toss hears nothing', async ({ pos }) => {
  const { page } = pos;
  const created = (await invoke(page, 'sale:create', { lines: [{ productId: 'tumbler', quantity: 1, price: 1 }] })) as {
    ok: boolean;
    data: { orderId: string; amount: number };
  };
  // The price the renderer sent is ignored: main prices from its own catalog.
  expect(created).toMatchObject({ ok: true, data: { amount: 25000 } });

  const tampered = await invoke(page, 'payment:confirm', {
    orderId: created.data.orderId,
    paymentKey: 'tsim_forged',
    amount: 100,
  });
  expect(tampered).toMatchObject({ ok: false, error: { code: 'AMOUNT_MISMATCH' } });
  expect(await pos.tossRequests()).toHaveLength(0);
  const order = await invoke(page, 'sale:get', { orderId: created.data.orderId });
  expect(order).toMatchObject({ ok: true, data: { status: 'PENDING', attempts: [] } });
});

test('the page gets window.pos and nothing else from main', async ({ pos }) => {
  const { page } = pos;
  const surface = await page.evaluate(() => ({
    pos: Object.keys((window as unknown as { pos: object }).pos),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(surface).toEqual({ pos: ['invoke'], require: 'undefined', process: 'undefined' });
  expect(await invoke(page, 'store:dump', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(await invoke(page, 'sale:create', { lines: 'everything' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT' },
  });
});

test('no secret key reaches the page: not in the HTML, scripts or any IPC answer', async ({ pos }) => {
  const { page } = pos;
  const reads: Promise<string>[] = [];
  page.on('response', (response) => reads.push(response.text().catch(() => '')));
  await page.reload();
  await addProduct(page, 'americano');
  await page.getByTestId('pay').click();
  await expect(page.getByTestId('toss-payment-window')).toHaveCount(1);
  const bodies = [...(await Promise.all(reads)), await page.content()];
  expect(bodies.length).toBeGreaterThan(3);
  // Training keys look like Toss's: test_sk_ and then the key. Only the client key (test_ck_…) may
  // appear; the settings screen names the kind "test_sk_…" but never holds a key.
  for (const body of bodies) expect(body).not.toMatch(/(test|live)_sk_[A-Za-z0-9_]{6,}/);
  expect(bodies.join('\n')).not.toContain(pos.liveToss.secretKey);
});

test('the page refuses inline script: the CSP is enforced', async ({ pos }) => {
  const { page } = pos;
  // An allowed inline script runs synchronously on insertion, so no wait is needed to see it didn't.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.appendChild(script);
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  await addProduct(page, 'mug');
  await expect(page.getByTestId('cart-line-mug')).toBeVisible();
});
