import { seriousFindings } from './axe';
import { expect, OWNER, payThroughCore, test } from './fixtures';
import { cards } from './cards';
import { openAsManager, scan } from './manager-screens';
import { addProduct, invoke, lineOf, payWithCard, takeTheUsual } from './register';

test.describe('a first start', () => {
  test.use({ seed: { owner: false } });

  test('asks the owner to become the first manager before anything else, then opens the register unlocked', async ({
    pos,
  }) => {
    const { page } = pos;
    await expect(page.getByTestId('setup-screen')).toBeVisible();
    await expect(page.getByTestId('nav-settings')).toHaveCount(0);
    await expect(page.getByTestId('product-americano')).toHaveCount(0);
    // Manager channels are closed to the page as well, whatever it shows.
    expect(await invoke(page, 'settings:get', {})).toMatchObject({ ok: false, error: { code: 'MANAGER_REQUIRED' } });

    // The shop's details come first; the owner is the second step.
    await page.getByTestId('store-name').fill('토스 카페');
    await page.getByTestId('store-owner').fill('김토스');
    await page.getByTestId('store-businessNumber').fill('120-81-47521');
    await page.getByTestId('store-phone').fill('02-123-4567');
    await page.getByTestId('store-address').fill('서울시 강남구 테헤란로 1');
    await page.getByTestId('first-start-next').click();
    await page.getByTestId('setup-name').fill('김토스');
    await page.getByTestId('setup-pin').fill('482913');
    await page.getByTestId('setup-pin-again').fill('482914');
    await expect(page.getByText('두 PIN이 다릅니다.')).toBeVisible();
    await page.getByTestId('setup-pin-again').fill('482913');
    await page.getByTestId('setup-create').click();
    // Nothing else opens until the last step, the owner's session open meanwhile.
    await expect(page.getByTestId('nav-settings')).toHaveCount(0);
    await page.getByTestId('first-start-demo-catalog').click();
    await page.getByTestId('first-start-finish').click();

    await expect(page.getByTestId('product-americano')).toBeVisible();
    await expect(page.getByTestId('manager-badge')).toContainText('김토스');
    await page.getByTestId('manager-lock').click();
    await expect(page.getByTestId('manager-badge')).toHaveCount(0);
    expect(await invoke(page, 'staff:setup-owner', { name: '침입자', pin: '1234' })).toMatchObject({
      ok: false,
      error: { code: 'SETUP_DONE' },
    });
  });

  test('in training mode offers the documented training manager (PIN 0000)', async ({ pos }) => {
    const { page } = pos;
    await page.getByTestId('setup-training').click();
    await expect(page.getByTestId('manager-badge')).toContainText('교육용 관리자');
    await page.getByTestId('manager-lock').click();
    await openAsManager(page, 'settings', '0000');
  });
});

test.describe('a shop that began with the training manager, then set up its owner', () => {
  test.use({
    seed: {
      owner: false,
      then: async (core) => {
        await core.ok('staff:use-training-manager', {});
        await core.ok('staff:setup-owner', OWNER);
        const owner = (await core.ok('staff:list', {})).find((member) => member.name === OWNER.name);
        return { ownerId: owner?.id ?? '' };
      },
    },
  });

  test('in training, PIN 0000 opens the Staff screen, but adding staff or deactivating the owner is refused in words', async ({
    pos,
  }) => {
    const { page } = pos;
    const refused =
      '교육용 관리자는 실제 매장에 남는 변경(직원, 설정, 키, 모드, 상품)을 할 수 없습니다. 실제 관리자 PIN으로 잠금을 해제하세요.';
    await openAsManager(page, 'settings', '0000');
    await expect(page.getByTestId('manager-badge')).toContainText('교육용 관리자');

    await page.getByTestId('staff-name').fill('침입자');
    await page.getByTestId('staff-role').selectOption('manager');
    await page.getByTestId('staff-pin').fill('135790');
    await page.getByTestId('staff-add').click();
    await expect(page.getByTestId('staff-panel').getByRole('alert')).toHaveText(refused);

    const ownerRow = page.getByTestId(`staff-${pos.seeded.ownerId}`);
    await ownerRow.getByRole('button').click();
    await expect(page.getByTestId('staff-panel').getByRole('alert')).toHaveText(refused);
    await expect(ownerRow).toContainText('사용 중');
    expect(await invoke(page, 'staff:list', {})).toMatchObject({
      ok: true,
      data: [
        { name: OWNER.name, active: true },
        { name: '교육용 관리자', trainingOnly: true },
      ],
    });
  });
});

test('a cashier cannot reach the manager screens: the tab asks for a PIN, and main refuses the channels', async ({
  pos,
}) => {
  const { page } = pos;
  await page.getByTestId('nav-catalog').click();
  await expect(page.getByTestId('unlock-dialog')).toBeVisible();
  await expect(page.getByTestId('unlock-pin')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('unlock-dialog')).toHaveCount(0);
  // Focus goes back to where it was, and the register is still the screen.
  await expect(page.getByTestId('nav-catalog')).toBeFocused();
  await expect(page.getByTestId('product-americano')).toBeVisible();
  for (const [channel, input] of [
    ['settings:get', {}],
    ['catalog:save-product', { categoryId: 'coffee', name: { ko: '공짜', en: 'Free' }, price: 1, barcode: null }],
    ['settings:set-mode', { mode: 'live', confirm: true }],
    ['staff:add', { name: '나', role: 'manager', pin: '1111' }],
  ] as const) {
    expect(await invoke(page, channel, input)).toMatchObject({ ok: false, error: { code: 'MANAGER_REQUIRED' } });
  }
});

test('wrong PINs are refused, then unlocking pauses, and even the right PIN waits', async ({ pos }) => {
  const { page } = pos;
  await page.getByTestId('nav-settings').click();
  for (let i = 0; i < 4; i += 1) {
    await page.getByTestId('unlock-pin').fill('000000');
    await page.getByTestId('unlock-submit').click();
    // Main has answered once the field is cleared for the next try.
    await expect(page.getByTestId('unlock-pin')).toHaveValue('');
    await expect(page.getByTestId('unlock-error')).toHaveText('PIN이 맞지 않습니다. 다시 입력해 주세요.');
  }
  await page.getByTestId('unlock-pin').fill('000000');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('unlock-error')).toContainText(/PIN을 여러 번 틀려 \d+초 동안 잠겼습니다/);
  await expect(page.getByTestId('unlock-pin')).toBeDisabled();
  expect(await invoke(page, 'staff:unlock', { pin: OWNER.pin })).toMatchObject({
    ok: false,
    error: { code: 'PIN_LOCKED' },
  });
  await expect(page.getByTestId('settings-screen')).toHaveCount(0);
});

test('settings: the shop’s details checked field by field, the Toss keys checked with Toss and shown masked, then live payments', async ({
  pos,
}) => {
  const { page, liveToss } = pos;
  await openAsManager(page, 'settings');
  await page.getByTestId('store-name').fill('토스 카페');
  await page.getByTestId('store-owner').fill('김토스');
  await page.getByTestId('store-businessNumber').fill('120-81-47522');
  await page.getByTestId('store-phone').fill('02-1544-7772');
  await page.getByTestId('store-address').fill('서울 강남구 테헤란로 131');
  await page.getByTestId('store-save').click();
  await expect(page.getByText('사업자등록번호의 검증 숫자가 맞지 않습니다. 번호를 확인해 주세요.')).toBeVisible();
  await page.getByTestId('store-businessNumber').fill('120-81-47521');
  await page.getByTestId('store-save').click();
  await expect(page.getByTestId('store-saved')).toBeVisible();
  await expect(page.getByText(/마지막 변경: 김토스/)).toBeVisible();

  await page.getByTestId('toss-client-key').fill(liveToss.clientKey);
  await page.getByTestId('toss-secret-key').fill(`${liveToss.secretKey}x`);
  await page.getByTestId('toss-accept-unencrypted').check();
  await page.getByTestId('toss-save').click();
  await expect(page.getByTestId('toss-error')).toContainText('토스페이먼츠가 이 시크릿 키를 거부했습니다');
  await expect(page.getByTestId('toss-saved-keys')).toHaveText('저장된 키가 없습니다.');

  await page.getByTestId('toss-client-key').fill(liveToss.clientKey);
  await page.getByTestId('toss-secret-key').fill(liveToss.secretKey);
  await page.getByTestId('toss-save').click();
  await expect(page.getByTestId('toss-saved-keys')).toHaveText(
    `저장된 키: test_ck_…${liveToss.clientKey.slice(-4)} · test_sk_…${liveToss.secretKey.slice(-4)}`,
  );
  await expect(page.getByTestId('toss-secret-key')).toHaveValue('');
  expect(await page.content()).not.toContain(liveToss.secretKey);

  await page.getByTestId('toss-switch-mode').click();
  await expect(page.getByTestId('mode-confirm')).toBeVisible();
  await page.getByTestId('mode-confirm-yes').click();
  // The page reloads into live mode: no training banner, and the payment window is this Toss's.
  await expect(page.getByTestId('product-americano')).toBeVisible();
  await expect(page.getByTestId('training-banner')).toHaveCount(0);
  expect(await invoke(page, 'app:info', {})).toMatchObject({
    ok: true,
    data: { mode: 'live', clientKey: liveToss.clientKey, sdkSrc: liveToss.sim.sdkSrc },
  });
  await addProduct(page, 'americano');
  await page.getByTestId('pay').click();
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt')).toBeVisible();
  await expect(page.getByTestId('receipt-training')).toHaveCount(0);
  expect(liveToss.sim.requests().filter((r) => r.path === '/v1/payments/confirm')).toHaveLength(1);
});

test('settings: automatic updates are on until a manager switches them off, and stay off when Settings is opened again', async ({
  pos,
}) => {
  const { page } = pos;
  await openAsManager(page, 'settings');
  const updates = page.getByTestId('updates-enabled');
  await expect(updates).toBeChecked();
  await expect(page.getByTestId('updates-panel')).toContainText('판매 중에는 설치하지 않습니다');
  await updates.uncheck();
  await expect(page.getByTestId('updates-saved')).toBeVisible();
  await expect(page.getByTestId('updates-panel')).toContainText('업데이트를 확인하지 않으며');
  await expect(page.getByTestId('updates-panel')).toContainText(/마지막 변경: 김토스/);
  expect(await seriousFindings(page)).toEqual([]);

  await page.reload();
  await openAsManager(page, 'settings');
  await expect(page.getByTestId('updates-enabled')).not.toBeChecked();
  expect(await invoke(page, 'updates:settings', {})).toMatchObject({ ok: true, data: { enabled: false } });
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('updates-panel')).toContainText('Automatic updates');
  expect(await seriousFindings(page)).toEqual([]);
});

test.describe('with a sale already on the books', () => {
  test.use({
    seed: {
      owner: true,
      then: async (core) => ({ oldOrderId: await payThroughCore(core, [{ productId: 'americano', quantity: 1 }]) }),
    },
  });

  test('a price changed in the catalog shows on the next sale, and not on an order already taken', async ({ pos }) => {
    const { page } = pos;
    const { oldOrderId } = pos.seeded;
    expect(await invoke(page, 'sale:get', { orderId: oldOrderId })).toMatchObject({
      ok: true,
      data: { status: 'PAID', amount: 4_500 },
    });

    await openAsManager(page, 'catalog');
    await page.getByTestId('catalog-edit-americano').click();
    await page.getByTestId('product-price').fill('0');
    await page.getByTestId('product-save').click();
    await expect(page.getByText('가격은 1원 이상의 정수로 입력해 주세요.')).toBeVisible();
    await page.getByTestId('product-price').fill('4800');
    await page.getByTestId('product-save').click();
    await expect(page.getByTestId('catalog-price-americano')).toHaveText('4,800원');

    await page.getByTestId('nav-register').click();
    await expect(page.getByTestId('product-americano')).toContainText('4,800원');
    await addProduct(page, 'americano');
    await expect(page.getByTestId('cart-total')).toContainText('4,800');
    expect(await invoke(page, 'sale:get', { orderId: oldOrderId })).toMatchObject({
      ok: true,
      data: { amount: 4_500, lines: [{ unitPrice: 4_500 }] },
    });
  });
});

test.describe('with a product labelled in Code 128', () => {
  test.use({
    seed: {
      owner: true,
      then: async (core) => {
        await core.ok('catalog:save-product', {
          categoryId: 'goods',
          name: { ko: '선물 세트', en: 'Gift Set' },
          price: 30_000,
          barcode: 'GIFT-SET-01',
        });
      },
    },
  });

  test('a barcode scanner adds the product from anywhere on the register; an unknown code says so', async ({ pos }) => {
    const { page } = pos;
    await expect(page.getByTestId('product-americano')).toBeVisible();
    await scan(page, '8801234000017');
    // An americano asks for its options: Enter takes the usual.
    await takeTheUsual(page);
    await expect(lineOf(page, 'cart-line', 'americano')).toBeVisible();
    await page.getByTestId('search').focus();
    await scan(page, '8801234000123');
    await expect(page.getByTestId('cart-line-croissant')).toBeVisible();
    await expect(page.getByTestId('search')).toHaveValue('');
    await scan(page, 'GIFT-SET-01');
    await expect(page.getByTestId('cart-line-gift-set')).toBeVisible();
    await scan(page, '9999999999994');
    await expect(page.getByTestId('scan-problem')).toHaveText('등록되지 않은 바코드입니다: 9999999999994');
    await expect(page.getByTestId('cart-total')).toContainText('38,400');
  });
});

test('the register will not be left while the customer is paying', async ({ pos }) => {
  const { page } = pos;
  await addProduct(page, 'americano');
  await page.getByTestId('pay').click();
  await expect(page.getByTestId('toss-payment-window')).toBeVisible();
  // The window covers the screen; a click that still reaches the tab is refused.
  await page.getByTestId('nav-settings').dispatchEvent('click');
  await expect(page.getByTestId('nav-refused')).toContainText('결제가 진행 중이라');
  await expect(page.getByTestId('unlock-dialog')).toHaveCount(0);
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt')).toBeVisible();
});
