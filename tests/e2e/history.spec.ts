import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { CouponBenefit } from '../../shared/domain/coupons';
import type { Order } from '../../shared/domain/order';
import { seoulDay } from '../../shared/domain/time';
import { cards } from './cards';
import { expect, OWNER, payThroughCore, test, type SeedCore } from './fixtures';
import { goLive, openAsManager } from './manager-screens';
import { addProduct, invoke, lineOf, payWithCard } from './register';

const DAY_MS = 24 * 60 * 60 * 1000;
const CANCEL_PATH = /^\/v1\/payments\/[^/]+\/cancel$/;

/**
 * A sale rung up and paid at the register, the way a cashier does it: the app's own Toss
 * simulator approves it, so a refund later goes to the Toss that took the payment.
 */
async function sellAtRegister(
  page: Page,
  products: string[],
  couponCode?: string,
): Promise<{ orderId: string; approveNo: string }> {
  for (const product of products) await addProduct(page, product);
  if (couponCode !== undefined) {
    await page.getByTestId('coupon-input').fill(couponCode);
    await page.getByTestId('coupon-input').press('Enter');
    await expect(page.getByTestId('coupon-applied')).toBeVisible();
  }
  await page.getByTestId('pay').click();
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt')).toBeVisible();
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  const approveNo = (await page.getByTestId('receipt-approve-no').innerText()).trim();
  await page.getByTestId('new-sale').click();
  return { orderId, approveNo };
}

function rows(page: Page) {
  return page.locator('[data-testid^="history-row-"]');
}

async function openOrder(page: Page, orderId: string): Promise<void> {
  await page.getByTestId(`history-row-${orderId}`).click();
  await expect(page.getByTestId('order-detail')).toBeVisible();
  await expect(page.getByTestId('detail-order-id')).toHaveText(orderId);
}

/** Asks for a refund in the dialog up to its confirm step; the preview must show `amount`. */
async function askRefund(
  page: Page,
  request: { kind: 'full' } | { kind: 'lines'; lines: Record<string, number> } | { kind: 'amount'; amount: string },
  amount: string,
): Promise<void> {
  await page.getByTestId('detail-refund').click();
  const dialog = page.getByTestId('refund-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId(`refund-kind-${request.kind}`).check();
  if (request.kind === 'lines') {
    for (const [productId, quantity] of Object.entries(request.lines)) {
      for (let i = 0; i < quantity; i += 1) await lineOf(page, 'refund-more', productId).click();
    }
  }
  if (request.kind === 'amount') await page.getByTestId('refund-amount').fill(request.amount);
  await page.getByTestId('refund-reason-0').click();
  await expect(page.getByTestId('refund-preview-amount')).toHaveText(amount);
  await page.getByTestId('refund-next').click();
  await expect(page.getByTestId('refund-confirm-body')).toContainText(amount);
}

async function orderOf(page: Page, orderId: string): Promise<Order> {
  const answer = await invoke(page, 'history:order', { orderId });
  expect(answer.ok).toBe(true);
  return answer.data as Order;
}

async function seedCoupon(core: SeedCore, name: string, benefit: CouponBenefit): Promise<string> {
  const definition = await core.ok('coupons:define', {
    name,
    benefit,
    minOrderAmount: 0,
    scope: { categoryIds: [], productIds: [] },
  });
  await core.ok('coupons:issue', {
    definitionId: definition.id,
    count: 1,
    validFrom: '2020-01-01',
    validUntil: '2099-12-31',
  });
  const [coupon] = (await core.ok('coupons:list', { definitionId: definition.id, offset: 0, limit: 1 })).rows;
  if (!coupon) throw new Error('no coupon issued');
  return coupon.code;
}

test('a manager finds a sale by its approval number, refunds two of its three lines, then the rest: the order ends refunded and Toss’s balance is 0', async ({
  pos,
}) => {
  // Two sales through the payment window and three refunds: more than the default 30 s on a busy machine.
  test.setTimeout(60_000);
  const { page } = pos;
  const other = await sellAtRegister(page, ['sandwich']);
  const sale = await sellAtRegister(page, ['americano', 'cafe-latte', 'croissant']);

  await openAsManager(page, 'history');
  await expect(rows(page)).toHaveCount(2);
  // Newest first.
  await expect(rows(page).first()).toHaveAttribute('data-testid', `history-row-${sale.orderId}`);
  await page.getByTestId('history-search').fill(sale.approveNo);
  await expect(rows(page)).toHaveCount(1);
  await expect(page.getByTestId(`history-row-${other.orderId}`)).toHaveCount(0);
  const row = page.getByTestId(`history-row-${sale.orderId}`);
  await expect(row.getByTestId('history-status')).toHaveText('결제 완료');
  await expect(row.getByTestId('history-approve-no')).toHaveText(sale.approveNo);

  await openOrder(page, sale.orderId);
  await expect(page.getByTestId('detail-approve-no')).toHaveText(sale.approveNo);
  await expect(page.getByTestId('detail-total')).toHaveText('13,400원');
  // VAT is split from the total: round(13,400 / 11) = 1,218.
  await expect(page.getByTestId('detail-vat')).toHaveText('1,218원');
  await expect(page.getByTestId('detail-supply')).toHaveText('12,182원');
  await expect(page.getByTestId('timeline-paid')).toContainText('결제 완료 13,400원');

  await askRefund(page, { kind: 'lines', lines: { americano: 1, 'cafe-latte': 1 } }, '9,500원');
  await page.getByTestId('refund-confirm').click();
  const receipt = page.getByTestId('refund-receipt');
  await expect(receipt).toBeVisible();
  await expect(page.getByTestId('refund-receipt-amount')).toHaveText('9,500원');
  await expect(page.getByTestId('refund-receipt-lines')).toContainText('아메리카노');
  await expect(page.getByTestId('refund-receipt-lines')).toContainText('카페라테');
  await expect(page.getByTestId('refund-receipt-reason')).toHaveText('고객 변심');
  await expect(page.getByTestId('refund-receipt-approver')).toHaveText(OWNER.name);
  await expect(page.getByTestId('refund-receipt-balance')).toHaveText('3,900원');
  await page.getByTestId('refund-receipt-close').click();
  await expect(page.getByTestId('refund-dialog')).toHaveCount(0);

  // The detail and the list follow the refund.
  await expect(page.getByTestId('order-detail').getByTestId('history-status')).toHaveText('부분 환불');
  await expect(page.getByTestId('detail-balance')).toHaveText('3,900원');
  await expect(page.getByTestId('timeline-refund-requested')).toContainText('승인: 김토스');
  await expect(page.getByTestId('timeline-refund-done')).toContainText('환불 완료 9,500원');
  await expect(row.getByTestId('history-status')).toHaveText('부분 환불');
  await expect(row.getByTestId('history-amount')).toContainText('−9,500원 환불');

  await askRefund(page, { kind: 'full' }, '3,900원');
  await expect(page.getByTestId('refund-preview-balance')).toHaveText('0원');
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('refund-receipt-amount')).toHaveText('3,900원');
  await expect(page.getByTestId('refund-receipt-balance')).toHaveText('0원');
  await page.getByTestId('refund-receipt-close').click();
  await expect(page.getByTestId('order-detail').getByTestId('history-status')).toHaveText('환불 완료');
  await expect(page.getByTestId('detail-refund')).toBeDisabled();
  await expect(page.getByTestId('detail-not-refundable')).toHaveText('전액 환불된 주문입니다.');
  await expect(row.getByTestId('history-status')).toHaveText('환불 완료');
  await expect(row.locator('s')).toHaveText('13,400원');

  const order = await orderOf(page, sale.orderId);
  expect(order.refunds).toMatchObject([
    { status: 'DONE', amount: 9_500, approvedBy: OWNER.name, reason: '고객 변심', tossBalance: 3_900 },
    { status: 'DONE', amount: 3_900, tossBalance: 0 },
  ]);
  const cancels = (await pos.tossRequests()).filter((request) => CANCEL_PATH.test(request.path));
  expect(cancels.map((request) => request.status)).toEqual([200, 200]);
});

test('an over-refund is refused in words, and nothing is refunded', async ({ pos }) => {
  const { page } = pos;
  const sale = await sellAtRegister(page, ['americano']);
  await openAsManager(page, 'history');
  await openOrder(page, sale.orderId);
  await page.getByTestId('detail-refund').click();
  await page.getByTestId('refund-kind-amount').check();
  await page.getByTestId('refund-amount').fill('99,999');
  await page.getByTestId('refund-reason-text').fill('잘못 받은 금액');
  await expect(page.getByTestId('refund-preview-error')).toHaveText('남은 결제 금액 4,500원까지만 환불할 수 있습니다.');
  await page.getByTestId('refund-next').click();
  await expect(page.getByTestId('refund-confirm')).toHaveCount(0);

  // A page that skips the preview gets the same answer from main.
  expect(
    await invoke(page, 'refund:create', {
      orderId: sale.orderId,
      request: { kind: 'amount', amount: 99_999 },
      reason: '잘못 받은 금액',
    }),
  ).toMatchObject({
    ok: false,
    error: { code: 'REFUND_EXCEEDS_BALANCE' },
  });
  expect((await orderOf(page, sale.orderId)).refunds).toEqual([]);
  expect((await pos.tossRequests()).filter((request) => CANCEL_PATH.test(request.path))).toEqual([]);

  // An amount within the balance goes through.
  await page.getByTestId('refund-amount').fill('1000');
  await expect(page.getByTestId('refund-preview-balance')).toHaveText('3,500원');
  await page.getByTestId('refund-next').click();
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('refund-receipt-reason')).toHaveText('잘못 받은 금액');
  await expect(page.getByTestId('refund-receipt-lines')).toHaveText('금액 지정 환불');
});

test.describe('with a sale on the books', () => {
  test.use({
    seed: {
      owner: true,
      then: async (core) => ({ orderId: await payThroughCore(core, [{ productId: 'americano', quantity: 1 }]) }),
    },
  });

  test('a cashier cannot refund: the tab asks for a PIN, and main refuses the channels', async ({ pos }) => {
    const { page } = pos;
    const orderId = pos.seeded['orderId'] ?? '';
    await page.getByTestId('nav-history').click();
    await expect(page.getByTestId('unlock-dialog')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('history-screen')).toHaveCount(0);
    for (const [channel, input] of [
      ['refund:create', { orderId, request: { kind: 'full' }, reason: '고객 변심' }],
      ['refund:preview', { orderId, request: { kind: 'full' } }],
      ['history:list', { filter: { from: seoulDay(new Date()), to: seoulDay(new Date()) }, limit: 10 }],
      ['history:order', { orderId }],
      ['settings:save-refund-policy', { restoreCouponOnRefund: false }],
    ] as const) {
      expect(await invoke(page, channel, input)).toMatchObject({ ok: false, error: { code: 'MANAGER_REQUIRED' } });
    }
  });

  test('the order’s receipt shows again from its detail, and the keyboard alone opens, refunds and closes', async ({
    pos,
  }) => {
    const { page } = pos;
    const orderId = pos.seeded['orderId'] ?? '';
    await openAsManager(page, 'history');
    await page.getByTestId(`history-open-${orderId}`).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('order-detail')).toBeVisible();
    await expect(page.getByTestId('detail-refund')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('refund-dialog')).toBeVisible();
    await expect(page.getByTestId('refund-kind-full')).toBeFocused();
    // Esc closes the refund dialog only; focus goes back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('refund-dialog')).toHaveCount(0);
    await expect(page.getByTestId('order-detail')).toBeVisible();
    await expect(page.getByTestId('detail-refund')).toBeFocused();

    await page.keyboard.press('Tab');
    await expect(page.getByTestId('detail-receipt')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('receipt-again')).toBeVisible();
    await expect(page.getByTestId('paper-preview')).toContainText(orderId);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('receipt-again')).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('order-detail')).toHaveCount(0);
    await expect(page.getByTestId(`history-open-${orderId}`)).toBeFocused();
  });
});

test.describe('with a coupon issued', () => {
  test.use({
    seed: {
      owner: true,
      then: async (core) => ({ code: await seedCoupon(core, '오픈 기념 1,000원', { type: 'fixed', amount: 1_000 }) }),
    },
  });

  test('a fully refunded order gives its coupon back: the register takes the code again', async ({ pos }) => {
    const { page } = pos;
    const code = pos.seeded['code'] ?? '';
    const sale = await sellAtRegister(page, ['americano'], code);
    await openAsManager(page, 'history');
    await openOrder(page, sale.orderId);
    await expect(page.getByTestId('detail-discount')).toContainText('오픈 기념 1,000원');
    await expect(lineOf(page, 'detail-line', 'americano')).toContainText('−1,000원');
    await expect(lineOf(page, 'detail-line', 'americano')).toContainText('3,500원');

    await askRefund(page, { kind: 'full' }, '3,500원');
    await expect(page.getByTestId('refund-preview-coupon')).toHaveText('쿠폰을 되살렸습니다. 다시 쓸 수 있습니다.');
    await page.getByTestId('refund-confirm').click();
    await expect(page.getByTestId('refund-receipt-coupon')).toHaveText('쿠폰을 되살렸습니다. 다시 쓸 수 있습니다.');
    await page.getByTestId('refund-receipt-close').click();
    await page.getByTestId('detail-close').click();
    await page.getByTestId('manager-lock').click();

    await addProduct(page, 'cafe-latte');
    await page.getByTestId('coupon-input').fill(code);
    await page.getByTestId('coupon-input').press('Enter');
    await expect(page.getByTestId('coupon-applied')).toContainText('오픈 기념 1,000원');
    await expect(page.getByTestId('cart-total')).toContainText('4,000');
  });

  test('with the refund policy switched off in Settings, a full refund keeps the coupon used', async ({ pos }) => {
    const { page } = pos;
    const code = pos.seeded['code'] ?? '';
    const sale = await sellAtRegister(page, ['americano'], code);
    await openAsManager(page, 'settings');
    await expect(page.getByTestId('refund-restore-coupon')).toBeChecked();
    await page.getByTestId('refund-restore-coupon').uncheck();
    await expect(page.getByTestId('refund-policy-saved')).toBeVisible();
    await expect(page.getByTestId('refund-policy-changed')).toContainText('마지막 변경: 김토스');

    await page.getByTestId('nav-history').click();
    await openOrder(page, sale.orderId);
    await askRefund(page, { kind: 'full' }, '3,500원');
    await expect(page.getByTestId('refund-preview-coupon')).toHaveText('쿠폰은 사용한 것으로 남습니다.');
    await page.getByTestId('refund-confirm').click();
    await expect(page.getByTestId('refund-receipt-coupon')).toHaveText('쿠폰은 사용한 것으로 남습니다.');
    await page.getByTestId('refund-receipt-close').click();
    await page.getByTestId('detail-close').click();
    await page.getByTestId('manager-lock').click();

    await addProduct(page, 'cafe-latte');
    await page.getByTestId('coupon-input').fill(code);
    await page.getByTestId('coupon-input').press('Enter');
    await expect(page.getByTestId('coupon-error')).toContainText('이미 사용된 쿠폰입니다');
  });
});

test.describe('with yesterday’s sales and an unpaid order', () => {
  const yesterday = seoulDay(new Date(Date.now() - DAY_MS));
  test.use({
    seed: {
      owner: true,
      at: new Date(Date.now() - DAY_MS).toISOString(),
      then: async (core) => {
        const latte = await payThroughCore(core, [{ productId: 'cafe-latte', quantity: 2 }]);
        const croissant = await payThroughCore(core, [
          { productId: 'croissant', quantity: 1 },
          { productId: 'americano', quantity: 1 },
        ]);
        const tumbler = await payThroughCore(core, [{ productId: 'tumbler', quantity: 1 }]);
        const unpaid = (await core.ok('sale:create', { lines: [{ productId: 'scone', quantity: 1 }] })).orderId;
        return { latte, croissant, tumbler, unpaid };
      },
    },
  });

  test('today opens empty; the date range, status, product search and amounts narrow the list; the CSV holds Korean names after a BOM', async ({
    pos,
  }) => {
    const { page } = pos;
    const { latte = '', croissant = '', tumbler = '', unpaid = '' } = pos.seeded;
    await openAsManager(page, 'history');
    await expect(page.getByTestId('history-empty')).toHaveText('이 기간에 주문이 없습니다.');

    await page.getByTestId('history-from').fill(yesterday);
    await expect(rows(page)).toHaveCount(4);
    await expect(page.getByTestId(`history-row-${unpaid}`).getByTestId('history-status')).toHaveText('미결제');

    await page.getByTestId('history-filter-status').selectOption('unpaid');
    await expect(rows(page)).toHaveCount(1);
    await page.getByTestId('history-filter-status').selectOption('paid');
    await expect(rows(page)).toHaveCount(3);

    await page.getByTestId('history-search').fill('크루아상');
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByTestId(`history-row-${croissant}`)).toBeVisible();
    await page.getByTestId('history-search').fill('');
    await page.getByTestId('history-min-amount').fill('10,000');
    await expect(rows(page)).toHaveCount(2);
    await expect(page.getByTestId(`history-row-${latte}`)).toBeVisible();
    await expect(page.getByTestId(`history-row-${tumbler}`)).toBeVisible();
    await page.getByTestId('history-max-amount').fill('5000');
    await expect(page.getByText('최대 금액이 최소 금액보다 작습니다.')).toBeVisible();
    // While a field is wrong the list stays as it was.
    await expect(rows(page)).toHaveCount(2);
    await page.getByTestId('history-max-amount').fill('');
    await page.getByTestId('history-min-amount').fill('');
    await page.getByTestId('history-filter-status').selectOption('');

    // The range ending yesterday still holds them all; one ending before it holds none.
    await page.getByTestId('history-to').fill(yesterday);
    await expect(rows(page)).toHaveCount(4);
    await page.getByTestId('history-to').fill(seoulDay(new Date(Date.now() - 2 * DAY_MS)));
    await expect(page.getByText('종료일이 시작일보다 빠릅니다.')).toBeVisible();
    await page.getByTestId('history-to').fill(yesterday);

    const downloading = page.waitForEvent('download');
    await page.getByTestId('history-export').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    for (const name of ['카페라테', '크루아상', '텀블러']) expect(csv).toContain(name);
    for (const orderId of [latte, croissant, tumbler, unpaid]) expect(csv).toContain(orderId);
  });
});

test.describe('with training sales, then a live one', () => {
  test.use({
    seed: {
      owner: true,
      then: async (core) => {
        await payThroughCore(core, [{ productId: 'americano', quantity: 1 }]);
        await payThroughCore(core, [{ productId: 'cheesecake', quantity: 1 }]);
      },
    },
  });

  test('training orders wear their badge and never count in the totals; they stay in the training books, and live history never lists them', async ({
    pos,
  }) => {
    const { page, liveToss } = pos;
    await openAsManager(page, 'history');
    await expect(rows(page)).toHaveCount(2);
    await expect(page.getByTestId('history-training')).toHaveText(['교육', '교육']);
    await expect(page.getByTestId('history-totals-orders')).toHaveText('실제 판매 0건');
    await expect(page.getByTestId('history-totals-paid')).toHaveText('0원');
    await expect(page.getByTestId('history-totals-note')).toContainText('교육 주문은 넣지 않고');

    await page.getByTestId('nav-settings').click();
    await goLive(page, liveToss);
    const live = await sellAtRegister(page, ['sandwich']);

    // Live history is the live books: the training sales are not there at all.
    await openAsManager(page, 'history');
    await expect(rows(page)).toHaveCount(1);
    await expect(page.getByTestId(`history-row-${live.orderId}`).getByTestId('history-training')).toHaveCount(0);
    await expect(page.getByTestId('history-totals-orders')).toHaveText('실제 판매 1건');
    await expect(page.getByTestId('history-totals-paid')).toHaveText('6,900원');
    await page.getByTestId('history-filter-training').selectOption('training');
    await expect(rows(page)).toHaveCount(0);

    // Back in training, its own books: the two training sales, and never the live one.
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('toss-switch-mode').click();
    await page.getByTestId('mode-confirm-yes').click();
    await expect(page.getByTestId('training-banner')).toBeVisible();
    await openAsManager(page, 'history');
    await expect(rows(page)).toHaveCount(2);
    await expect(page.getByTestId(`history-row-${live.orderId}`)).toHaveCount(0);
    await page.getByTestId('lang-toggle').click();
    await expect(page.getByTestId('history-totals-orders')).toHaveText('0 real sales');
    await expect(page.getByTestId('history-training')).toHaveText(['Training', 'Training']);
  });
});

test.describe('with 260 sales in the day', () => {
  // The 260 sales are seeded through the real core before the test starts: that set-up counts against the timeout too.
  test.describe.configure({ timeout: 150_000 });
  test.use({
    seed: {
      owner: true,
      then: async (core) => {
        for (let i = 0; i < 260; i += 1)
          await payThroughCore(core, [{ productId: i % 2 === 0 ? 'americano' : 'scone', quantity: 1 + (i % 3) }]);
      },
    },
  });

  test('the list renders only the rows in view, and scrolling to the end reads the next pages until the last', async ({
    pos,
  }) => {
    const { page } = pos;
    await openAsManager(page, 'history');
    await expect(page.getByTestId('history-loaded')).toContainText(/불러옴|모두/);
    expect(await rows(page).count()).toBeLessThan(40);
    const scroller = page.locator('.history-scroll');
    // Keep scrolling to the bottom as a reader would, however long each page takes on a busy machine.
    await expect(async () => {
      await scroller.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
      await expect(page.getByTestId('history-loaded')).toHaveText('주문 260건을 모두 보았습니다.', { timeout: 500 });
    }).toPass({ timeout: 45_000 });
    expect(await rows(page).count()).toBeLessThan(40);

    // The arrows walk the rows, and the list scrolls along.
    await rows(page).first().locator('.history-open').focus();
    await page.keyboard.press('Home');
    await expect(page.locator('[data-index="0"] .history-open')).toBeFocused();
    await page.keyboard.press('End');
    await expect(page.locator('[data-index="259"] .history-open')).toBeFocused();
    await page.keyboard.press('ArrowUp');
    await expect(page.locator('[data-index="258"] .history-open')).toBeFocused();
  });
});
