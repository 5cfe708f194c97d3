import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { cards } from './cards';
import { expect, payThroughCore, test } from './fixtures';
import { goLive, openAsManager } from './manager-screens';
import { addProduct, payWithCard } from './register';

/** Rings a sale up and pays it by card in the payment window, as a cashier does. */
async function sell(page: Page, products: string[]): Promise<string> {
  for (const product of products) await addProduct(page, product);
  await page.getByTestId('pay').click();
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt')).toBeVisible();
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  await page.getByTestId('new-sale').click();
  return orderId;
}

/** A charge made at Toss behind the shop's back: the window authorised and the payment confirmed straight against the simulator, no app in between. */
async function chargeAtTossAlone(
  sim: { origin: string; apiBase: string },
  keys: { clientKey: string; secretKey: string },
  orderId: string,
  amount: number,
): Promise<string> {
  const authorized = await fetch(`${sim.origin}/sim/authorize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      clientKey: keys.clientKey,
      orderId,
      orderName: '외부 결제',
      amount,
      cardNumber: cards.approve,
    }),
  });
  const { paymentKey } = (await authorized.json()) as { paymentKey: string };
  const confirmed = await fetch(`${sim.apiBase}/v1/payments/confirm`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Authorization: `Basic ${Buffer.from(`${keys.secretKey}:`).toString('base64')}`,
    },
    body: JSON.stringify({ paymentKey, orderId, amount }),
  });
  expect(confirmed.status).toBe(200);
  return paymentKey;
}

/** The serious and critical axe findings on the page as it is now, one line each. */
async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

test.use({
  seed: {
    owner: true,
    // A training sale: it stays in the training books, and the live day never sees it.
    then: async (core) => {
      await payThroughCore(core, [{ productId: 'cheesecake', quantity: 1 }]);
    },
  },
});

test('the day close: figures of the sales made here, a charge made at Toss alone shown as a mismatch, X and Z reports, CSV', async ({
  pos,
}) => {
  // Going live, four sales, a check with Toss, two reports and a close: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const { page, liveToss } = pos;
  await openAsManager(page, 'settings');
  await goLive(page, liveToss);

  const first = await sell(page, ['americano', 'croissant']);
  await sell(page, ['sandwich']);
  await chargeAtTossAlone(liveToss.sim, liveToss, 'ELSEWHERE-E2E-0001', 5_000);

  await openAsManager(page, 'day-close');
  await expect(page.getByTestId('day-status')).toContainText('영업 중');
  await expect(page.getByTestId('day-sales')).toHaveText('15,300원');
  await expect(page.getByTestId('day-gross')).toHaveText('15,300원');
  await expect(page.getByTestId('day-refunds')).toHaveText('0원');
  await expect(page.getByTestId('day-net')).toHaveText('15,300원');
  await expect(page.getByTestId('day-training')).toHaveText('교육 주문은 넣지 않습니다.');
  await expect(page.getByTestId('day-method-카드')).toContainText('2');
  await expect(page.getByTestId('day-company-4V')).toContainText('비자');
  await expect(page.getByTestId('day-hour-chart')).toBeVisible();

  await page.keyboard.press('r');
  await expect(page.getByTestId('day-mismatch-count')).toHaveText('맞지 않는 항목 1건');
  const orphan = page.getByTestId('day-mismatch-orphan-charge');
  await expect(orphan).toContainText('ELSEWHERE-E2E-0001');
  await expect(orphan).toContainText('5,000원');
  await expect(orphan).toContainText('장부에 주문');
  await expect(orphan.getByTestId('day-mismatch-open')).toHaveCount(0);
  await expect(page.getByTestId('day-reconcile-summary')).toContainText('거래 3건');

  await page.keyboard.press('x');
  await expect(page.getByTestId('day-report')).toContainText('중간 보고서 (X)');
  await expect(page.getByTestId('day-report').getByTestId('day-net')).toHaveText('15,300원');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('day-report')).toHaveCount(0);

  await page.keyboard.press('z');
  await expect(page.getByTestId('day-close-confirm')).toContainText('되돌릴 수 없습니다');
  // Z then Enter alone would only cancel: the close is one Tab further.
  await expect(page.getByTestId('day-close-no')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('day-close-yes')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('day-report')).toContainText('마감 보고서 (Z)');
  // The close checks with Toss again, up to its own instant: the three transactions, the outside charge among them.
  await expect(page.getByTestId('day-report').getByTestId('day-reconcile-summary')).toContainText('거래 3건');
  await expect(page.getByTestId('day-report').getByTestId('day-mismatch-orphan-charge')).toContainText(
    'ELSEWHERE-E2E-0001',
  );
  await page.getByTestId('day-report-close').click();
  await expect(page.getByTestId('day-status')).toContainText('마감됨');
  await expect(page.getByTestId('day-z-close')).toHaveCount(0);

  const download = page.waitForEvent('download');
  await page.keyboard.press('e');
  const file = await (await download).path();
  const bytes = await readFile(file);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const csv = bytes.toString('utf8');
  expect(csv).toContain('total,sales,2,,15300,,');
  expect(csv).toContain('mismatch,orphan-charge ELSEWHERE-E2E-0001');

  // A sale after the close belongs to the next business day.
  await page.getByTestId('nav-register').click();
  const late = await sell(page, ['espresso']);
  expect(late.slice(0, 8) > first.slice(0, 8)).toBe(true);

  // The screen opens on main's business day: the next one, where the late sale is.
  await openAsManager(page, 'day-close');
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('day-status')).toContainText('Open');
  await expect(page.getByTestId('day-sales')).toHaveText('₩3,800');
  await page.getByTestId('day-previous').click();
  await expect(page.getByTestId('day-status')).toContainText('Closed');
  await expect(page.getByTestId('day-sales')).toHaveText('₩15,300');
  await page.getByTestId('day-current').click();
  await expect(page.getByTestId('day-status')).toContainText('Open');
});

test('in training the screen says there is no real Toss to check against and offers a practice close instead; it and the X report have no serious accessibility findings, in Korean and English', async ({
  pos,
}) => {
  const { page } = pos;
  await openAsManager(page, 'day-close');
  // The training books' own day: the seeded training sale is counted, as a rehearsal of the close.
  await expect(page.getByTestId('day-training')).toHaveText('교육 주문 1건을 연습으로 계산했습니다.');
  await expect(page.getByTestId('day-z-close')).toHaveText('연습 마감 (Z)');
  await page.getByTestId('day-reconcile-run').click();
  await expect(page.getByTestId('day-reconcile-unavailable')).toHaveText(
    '교육 모드에는 대조할 실제 토스페이먼츠가 없습니다.',
  );
  expect(await seriousFindings(page)).toEqual([]);
  await page.keyboard.press('x');
  // The report scrolls and takes the focus first (arrow keys scroll it); Print is the next Tab.
  await expect(page.getByTestId('day-report-body')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('day-report-print')).toBeFocused();
  expect(await seriousFindings(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('day-training')).toHaveText('1 training order is counted for practice.');
  expect(await seriousFindings(page)).toEqual([]);
});
