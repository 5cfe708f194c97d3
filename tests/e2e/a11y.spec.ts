import { seriousFindings } from './axe';
import { expect, OWNER, test } from './fixtures';
import { cards } from './cards';
import { openAsManager } from './manager-screens';
import { addProduct, invoke, paymentWindow, payWithCard } from './register';

// Each spec runs axe over several screens in two languages: a full scan takes seconds of its own.
test.describe.configure({ timeout: 90_000 });

test.describe('first start', () => {
  test.use({ seed: { owner: false } });
  test('the owner setup screen has no serious accessibility findings', async ({ pos }) => {
    await expect(pos.page.getByTestId('setup-screen')).toBeVisible();
    expect(await seriousFindings(pos.page)).toEqual([]);
  });
});

test('the register, the payment window and the receipt have no serious accessibility findings, in Korean and English', async ({
  pos,
}) => {
  const { page } = pos;
  await page.getByTestId('product-cafe-latte').click();
  await expect(page.getByTestId('option-picker')).toBeVisible();
  expect(await seriousFindings(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await addProduct(page, 'americano');
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByTestId('pay').click();
  await expect(paymentWindow(page).getByTestId('card-number')).toBeVisible();
  expect(await seriousFindings(page)).toEqual([]);
  // A 1024×768 terminal: the window scrolls, and the keyboard must reach all of it.
  await page.setViewportSize({ width: 1024, height: 768 });
  expect(await seriousFindings(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 800 });
  await payWithCard(page, cards.windowDecline);
  await expect(page.getByTestId('checkout-problem')).toBeVisible();
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByTestId('pay-again').click();
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt')).toBeVisible();
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByTestId('lang-toggle').click();
  expect(await seriousFindings(page)).toEqual([]);
});

test('the customer’s screen has no serious accessibility findings, ringing up and after', async ({ pos }) => {
  const customer = await pos.openCustomerScreen();
  test.skip(
    customer === null,
    'the customer screen needs the browser host here; in Electron it opens on a second monitor',
  );
  if (customer === null) return;
  await expect(customer.getByTestId('customer-screen')).toHaveAttribute('data-stage', 'idle');
  expect(await seriousFindings(customer)).toEqual([]);
  await addProduct(pos.page, 'americano');
  await expect(customer.getByTestId('customer-lines')).toBeVisible();
  expect(await seriousFindings(customer)).toEqual([]);
});

test('the PIN dialog, settings, catalog and product dialog have no serious accessibility findings', async ({ pos }) => {
  const { page } = pos;
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('unlock-dialog')).toBeVisible();
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByTestId('unlock-pin').fill('0001');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('unlock-error')).not.toBeEmpty();
  expect(await seriousFindings(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await openAsManager(page, 'settings');
  await expect(page.getByTestId('staff-panel')).toBeVisible();
  expect(await seriousFindings(page)).toEqual([]);
  await openAsManager(page, 'catalog');
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByTestId('catalog-edit-americano').click();
  await expect(page.getByTestId('product-dialog')).toBeVisible();
  expect(await seriousFindings(page)).toEqual([]);
});

test.describe('with coupons issued', () => {
  test.use({
    seed: {
      owner: true,
      then: async (core) => {
        const definition = await core.ok('coupons:define', {
          name: '커피 10%',
          benefit: { type: 'percent', percent: 10, maxDiscount: 3_000 },
          minOrderAmount: 5_000,
          scope: { categoryIds: ['coffee'], productIds: [] },
        });
        await core.ok('coupons:issue', {
          definitionId: definition.id,
          count: 3,
          validFrom: '2020-01-01',
          validUntil: '2099-12-31',
        });
        const [code = ''] = (await core.ok('coupons:list', { offset: 0, limit: 1 })).rows.map((row) => row.code);
        return { definitionId: definition.id, code };
      },
    },
  });

  test('the coupons screen, its new-coupon, issue and void dialogs have no serious accessibility findings, in Korean and English', async ({
    pos,
  }) => {
    const { page } = pos;
    const { definitionId = '', code = '' } = pos.seeded;
    await openAsManager(page, 'coupons');
    await expect(page.getByTestId(`coupon-row-${code}`)).toBeVisible();
    expect(await seriousFindings(page)).toEqual([]);
    await page.getByTestId('coupon-new').click();
    await page.getByTestId('coupon-def-scope-pick').check();
    await page.getByTestId('coupon-def-save').click();
    await expect(page.getByTestId('coupon-def-dialog').getByRole('alert').first()).toBeVisible();
    expect(await seriousFindings(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId(`coupon-issue-${definitionId}`).click();
    await expect(page.getByTestId('coupon-issue-dialog')).toBeVisible();
    expect(await seriousFindings(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId(`coupon-void-${code}`).click();
    await expect(page.getByTestId('coupon-void-dialog')).toBeVisible();
    expect(await seriousFindings(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('lang-toggle').click();
    await expect(page.getByTestId(`coupon-state-${code}`)).toHaveText('Available');
    expect(await seriousFindings(page)).toEqual([]);
  });
});

test('the sales history, an order’s detail, the refund dialog with its preview and the refund receipt have no serious accessibility findings, in Korean and English', async ({
  pos,
}) => {
  const { page } = pos;
  await addProduct(page, 'americano');
  await addProduct(page, 'croissant');
  await page.getByTestId('pay').click();
  await payWithCard(page, cards.approve);
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  await page.getByTestId('new-sale').click();

  await openAsManager(page, 'history');
  await expect(page.getByTestId(`history-row-${orderId}`)).toBeVisible();
  await expect(page.getByTestId('history-totals-orders')).toBeVisible();
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByTestId(`history-row-${orderId}`).click();
  await expect(page.getByTestId('detail-timeline')).toBeVisible();
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByTestId('detail-refund').click();
  await page.getByTestId('refund-kind-lines').check();
  await page.getByTestId('refund-more-croissant').click();
  await page.getByTestId('refund-reason-1').click();
  await expect(page.getByTestId('refund-preview-amount')).toHaveText('3,900원');
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByTestId('lang-toggle').dispatchEvent('click');
  await expect(page.getByTestId('refund-preview-amount')).toHaveText('₩3,900');
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByTestId('refund-next').click();
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('refund-receipt')).toBeVisible();
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByTestId('refund-receipt-close').click();
  await page.getByTestId('detail-receipt').click();
  await expect(page.getByTestId('receipt-again')).toBeVisible();
  expect(await seriousFindings(page)).toEqual([]);
  await page.keyboard.press('Escape');
  expect(await seriousFindings(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId(`history-row-${orderId}`).getByTestId('history-status')).toHaveText('Part refunded');
  expect(await seriousFindings(page)).toEqual([]);
});

test('the hold dialog, the held list, the discard question and the resume notice have no serious accessibility findings, in Korean and English', async ({
  pos,
}) => {
  const { page } = pos;
  for (const locale of ['ko', 'en']) {
    if (locale === 'en') await page.getByTestId('lang-toggle').click();
    await addProduct(page, 'croissant');
    await page.getByTestId('hold-open').click();
    await page.getByTestId('hold-label').fill('5');
    expect(await seriousFindings(page)).toEqual([]);
    await page.getByTestId('hold-confirm').click();
    await addProduct(page, 'bagel');
    await page.getByTestId('hold-open').click();
    await page.getByTestId('hold-confirm').click();
    await expect(page.getByTestId('held-open')).toHaveText(/ 2$/);
    await page.getByTestId('held-open').click();
    await expect(page.getByTestId('held-cart-1')).toBeVisible();
    expect(await seriousFindings(page)).toEqual([]);
    await page.getByTestId('held-discard').click();
    await expect(page.getByTestId('held-discard-dialog')).toBeVisible();
    expect(await seriousFindings(page)).toEqual([]);
    await page.getByTestId('held-discard-confirm').click();
    await expect(page.getByTestId('held-cart-1')).toHaveCount(0);
    // The croissant's price changes while it waits: resuming says so.
    await invoke(page, 'staff:unlock', { pin: OWNER.pin });
    await invoke(page, 'catalog:save-product', {
      id: 'croissant',
      categoryId: 'bakery',
      name: { ko: '크루아상', en: 'Croissant' },
      price: locale === 'ko' ? 4_200 : 4_500,
      barcode: '8801234000123',
    });
    await invoke(page, 'staff:lock', {});
    await page.getByTestId('held-resume').click();
    await expect(page.getByTestId('resume-notice')).toBeVisible();
    expect(await seriousFindings(page)).toEqual([]);
    await page.getByTestId('resume-notice-ok').click();
    await page.getByTestId('remove-croissant').click();
  }
});
