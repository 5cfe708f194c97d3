import { expect, OWNER, test } from './fixtures';
import { tabTo } from './register';

test('a manager works the settings and the catalog with the keyboard alone; dialogs take focus and give it back', async ({
  pos,
}) => {
  const { page } = pos;
  await expect(page.getByTestId('search')).toBeFocused();
  await tabTo(page, 'nav-settings', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('unlock-pin')).toBeFocused();
  await page.keyboard.type(OWNER.pin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('settings-screen')).toBeVisible();
  await expect(page.getByTestId('nav-settings')).toBeFocused();

  await tabTo(page, 'store-name');
  for (const value of ['토스 카페', '김토스', '1208147521', '02-1544-7772', '서울 강남구 테헤란로 131']) {
    await page.keyboard.type(value);
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('store-saved')).toBeVisible();
  await expect(page.getByTestId('store-businessNumber')).toHaveValue('1208147521');

  await tabTo(page, 'nav-catalog', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('catalog-screen')).toBeVisible();
  await tabTo(page, 'catalog-edit-americano');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('product-name-ko')).toBeFocused();
  // Tab stays inside the dialog.
  for (let i = 0; i < 12; i += 1) await page.keyboard.press('Tab');
  expect(await page.getByTestId('product-dialog').evaluate((dialog) => dialog.contains(document.activeElement))).toBe(
    true,
  );
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('product-dialog')).toHaveCount(0);
  await expect(page.getByTestId('catalog-edit-americano')).toBeFocused();

  await tabTo(page, 'manager-lock', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('product-americano')).toBeVisible();
  await expect(page.getByTestId('manager-badge')).toHaveCount(0);
});
