import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, payInWindow, test } from './fixtures';
import { openAsManager } from './manager-screens';
import { invoke } from './register';

const large = (extra: Array<{ optionId: string; count: number }> = []) => ({
  lines: [{ productId: 'americano', quantity: 1, options: [{ optionId: 'size-l', count: 1 }, ...extra] }],
});

test.describe('with a large americano already sold', () => {
  test.use({
    seed: {
      owner: true,
      then: async (core) => {
        const order = await core.ok('sale:create', large());
        const paymentKey = await payInWindow(core, order);
        await core.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
        return { oldOrderId: order.orderId };
      },
    },
  });

  test('a manager changes 라지’s price and marks 바닐라 시럽 sold out on the Catalog screen; main charges the new price and refuses the syrup, and the sale already made keeps its price', async ({
    pos,
  }) => {
    const { page } = pos;
    const { oldOrderId } = pos.seeded;
    expect(await invoke(page, 'sale:quote', large())).toMatchObject({ ok: true, data: { amount: 5_000 } });

    await openAsManager(page, 'catalog');
    await expect(page.getByTestId('catalog-option-price-size-l')).toHaveText('+500원');
    await page.getByTestId('option-group-edit-size').click();
    const dialog = page.getByTestId('option-group-dialog');
    await expect(page.getByTestId('option-group-name-ko')).toBeFocused();
    await page.getByTestId('option-price-size-l').fill('700');
    // Enter saves, as in the product dialog.
    await page.getByTestId('option-price-size-l').press('Enter');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('catalog-option-price-size-l')).toHaveText('+700원');
    await expect(page.getByTestId('catalog-option-size-l')).toContainText('가격 변경: 김토스');

    await page.getByTestId('catalog-option-toggle-sold-out-vanilla-syrup').click();
    await expect(page.getByTestId('catalog-option-sold-out-vanilla-syrup')).toHaveText('품절');

    expect(await invoke(page, 'sale:quote', large())).toMatchObject({
      ok: true,
      data: {
        amount: 5_200,
        lines: [{ unitPrice: 5_200, options: [{ optionId: 'hot' }, { optionId: 'size-l', unitPrice: 700 }] }],
      },
    });
    expect(await invoke(page, 'sale:quote', large([{ optionId: 'vanilla-syrup', count: 1 }]))).toMatchObject({
      ok: false,
      error: { code: 'OPTION_INVALID', details: { reason: 'sold-out', option: '바닐라 시럽' } },
    });
    expect(await invoke(page, 'sale:quote', large([{ optionId: 'hazelnut-syrup', count: 1 }]))).toMatchObject({
      ok: true,
      data: { amount: 5_500 },
    });
    expect(await invoke(page, 'sale:get', { orderId: oldOrderId })).toMatchObject({
      ok: true,
      data: {
        status: 'PAID',
        amount: 5_000,
        lines: [{ unitPrice: 5_000, options: [{}, { optionId: 'size-l', unitPrice: 500 }] }],
      },
    });

    // Back on sale, the syrup sells again.
    await page.getByTestId('catalog-option-toggle-sold-out-vanilla-syrup').click();
    await expect(page.getByTestId('catalog-option-sold-out-vanilla-syrup')).toHaveCount(0);
    expect(await invoke(page, 'sale:quote', large([{ optionId: 'vanilla-syrup', count: 1 }]))).toMatchObject({
      ok: true,
      data: { amount: 5_500 },
    });
  });
});

test('a manager gives a product option groups in order, adds a group, and is told in words why a default cannot be retired', async ({
  pos,
}) => {
  const { page } = pos;
  await openAsManager(page, 'catalog');

  // A new group, by keyboard: names, bounds, two options, the first the default; Enter saves.
  await page.getByTestId('option-group-add').click();
  await expect(page.getByTestId('option-group-name-ko')).toBeFocused();
  await page.keyboard.type('우유');
  await page.getByTestId('option-group-name-en').fill('Milk');
  await page.getByTestId('option-group-min').fill('1');
  await page.getByTestId('option-group-save').click();
  await expect(page.getByText('옵션마다 두 이름과 0원 이상의 정수 금액을 입력해 주세요.')).toBeVisible();
  await page.getByTestId('option-name-ko-new-0').fill('일반 우유');
  await page.getByTestId('option-name-en-new-0').fill('Whole milk');
  await page.getByTestId('option-add').click();
  await page.getByTestId('option-name-ko-new-1').fill('오트 우유');
  await page.getByTestId('option-name-en-new-1').fill('Oat milk');
  await page.getByTestId('option-price-new-1').fill('600');
  await page.getByTestId('option-price-new-1').press('Enter');
  // A required group needs its default before it is sent.
  await expect(page.getByTestId('option-defaults-problem')).toHaveText(
    '꼭 골라야 하는 그룹이라 기본 선택이 1개 있어야 합니다.',
  );
  await page.getByTestId('option-default-new-0').check();
  await page.getByTestId('option-price-new-1').press('Enter');
  await expect(page.getByTestId('option-group-dialog')).toHaveCount(0);
  await expect(page.getByTestId('option-group-milk')).toContainText('필수 · 1개');
  await expect(page.getByTestId('catalog-option-price-oat-milk')).toHaveText('+600원');

  // The croissant asks for 우유, then 온도, moved into that order in its dialog.
  await page.getByTestId('catalog-edit-croissant').click();
  await page.getByTestId('product-group-choice').selectOption('temperature');
  await page.getByTestId('product-group-add').click();
  await page.getByTestId('product-group-choice').selectOption('milk');
  await page.getByTestId('product-group-add').click();
  await page.getByRole('button', { name: '우유 위로' }).click();
  await expect(page.getByTestId('product-groups')).toHaveText(/1\. 우유.*2\. 온도/);
  await page.getByTestId('product-save').click();
  await expect(page.getByTestId('product-dialog')).toHaveCount(0);
  await expect(page.getByTestId('catalog-groups-croissant')).toHaveText('옵션: 우유 · 온도');
  expect(
    await invoke(page, 'sale:quote', {
      lines: [{ productId: 'croissant', quantity: 1, options: [{ optionId: 'oat-milk', count: 1 }] }],
    }),
  ).toMatchObject({
    ok: true,
    data: { amount: 4_500, lines: [{ options: [{ optionId: 'oat-milk' }, { optionId: 'hot' }] }] },
  });

  // HOT is 온도's default: retiring it is refused, in words, and nothing changes.
  await page.getByTestId('catalog-option-retire-hot').click();
  await expect(page.getByTestId('catalog-error')).toContainText(
    'HOT는 온도의 기본 선택이라 판매 종료할 수 없습니다. 먼저 다른 옵션을 기본 선택으로 정해 주세요.',
  );
  await expect(page.getByTestId('catalog-option-hot')).toContainText('판매 중');

  // A retired group is no longer asked for.
  await page.getByTestId('option-group-retire-milk').click();
  await expect(page.getByTestId('option-group-retire-milk')).toHaveText('다시 판매');
  expect(
    await invoke(page, 'sale:quote', { lines: [{ productId: 'croissant', quantity: 1, options: [] }] }),
  ).toMatchObject({ ok: true, data: { amount: 3_900, lines: [{ options: [{ optionId: 'hot' }] }] } });

  // Esc closes the group dialog and gives focus back to what opened it.
  await page.getByTestId('option-group-edit-size').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('option-group-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('option-group-dialog')).toHaveCount(0);
  await expect(page.getByTestId('option-group-edit-size')).toBeFocused();
});

/** The serious and critical axe findings on the page as it is now. */
async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

test('the option groups and their dialog have no serious accessibility findings at 1024×768, in Korean and English', async ({
  pos,
}) => {
  test.setTimeout(90_000);
  const { page } = pos;
  await page.setViewportSize({ width: 1024, height: 768 });
  await openAsManager(page, 'catalog');
  await page.getByTestId('option-groups-panel').scrollIntoViewIfNeeded();
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByTestId('option-group-edit-syrup').click();
  await expect(page.getByTestId('option-group-dialog')).toBeVisible();
  expect(await seriousFindings(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('option-groups-panel')).toContainText('Option groups');
  await page.getByTestId('option-group-edit-syrup').click();
  await expect(page.getByTestId('option-group-dialog')).toContainText('Edit option group');
  expect(await seriousFindings(page)).toEqual([]);
});

test('the catalog screen finds a product by name, barcode or code, and a tile moved up there moves up on the register', async ({
  pos,
}) => {
  const { page } = pos;
  const firstTiles = async () =>
    (
      await page
        .locator('.product-grid [data-testid^="product-"]')
        .evaluateAll((els) => els.map((e) => e.dataset['testid']))
    ).slice(0, 2);
  const before = await firstTiles();
  await openAsManager(page, 'catalog');
  const search = page.getByTestId('catalog-search');
  await search.fill('크루아');
  await expect(page.locator('[data-testid^="catalog-row-"]')).toHaveCount(1);
  await expect(page.getByTestId('catalog-row-croissant')).toBeVisible();
  await search.fill('8801234000123');
  await expect(page.locator('[data-testid^="catalog-row-"]')).toHaveCount(1);
  await search.fill('Croiss');
  await expect(page.getByTestId('catalog-row-croissant')).toBeVisible();
  await search.fill('no such thing');
  await expect(page.getByTestId('catalog-no-matches')).toBeVisible();
  expect(await seriousFindings(page)).toEqual([]);

  await search.fill('croissant');
  const position = Number(await page.getByTestId('catalog-position-croissant').innerText());
  expect(position).toBeGreaterThan(2);
  await page.getByTestId('catalog-up-croissant').click();
  await expect(page.getByTestId('catalog-position-croissant')).toHaveText(String(position - 1));
  // Alt+↑ on its row moves it again, the search left as it was.
  await page.getByTestId('catalog-up-croissant').focus();
  for (let to = position - 2; to >= 1; to -= 1) {
    await page.keyboard.press('Alt+ArrowUp');
    await expect(page.getByTestId('catalog-position-croissant')).toHaveText(String(to));
  }
  await expect(page.getByTestId('catalog-up-croissant')).toBeDisabled();
  await search.fill('');
  await page.getByTestId('manager-lock').click();
  await expect(page.getByTestId('product-americano')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('product-croissant')).toBeVisible();
  expect((await firstTiles())[0]).toBe('product-croissant');
  expect((await firstTiles())[1]).toBe(before[0]);
});

test('the product form says each problem under its own field, in the screen’s language', async ({ pos }) => {
  const { page } = pos;
  await openAsManager(page, 'catalog');
  await page.getByTestId('catalog-add-product').click();
  await page.getByTestId('product-name-ko').fill('선물 세트');
  await page.getByTestId('product-price').fill('30000');
  await page.getByTestId('product-barcode').fill('8801234000018');
  await page.getByTestId('product-save').click();
  const enField = page.getByTestId('product-name-en').locator('..');
  await expect(enField.getByRole('alert')).toHaveText('영어 이름을 입력해 주세요.');
  await expect(page.getByTestId('product-name-ko').locator('..').getByRole('alert')).toHaveCount(0);
  await expect(page.getByTestId('product-barcode').locator('..').getByRole('alert')).toContainText('검증 숫자');
  expect(await seriousFindings(page)).toEqual([]);

  await page.getByTestId('product-name-en').fill('Gift set');
  await page.getByTestId('product-barcode').fill('8801234000994');
  await page.getByTestId('product-save').click();
  await expect(page.getByTestId('product-dialog')).toHaveCount(0);
  await expect(page.getByTestId('catalog-row-gift-set')).toBeVisible();
});
