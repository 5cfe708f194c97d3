import { seriousFindings } from './axe';
import { expect, test } from './fixtures';
import { openAsManager } from './manager-screens';

test('a manager finds which monitor faces the customer in Settings, with what it does here', async ({ pos }) => {
  const { page } = pos;
  await openAsManager(page, 'settings');
  const panel = page.getByTestId('customer-screen-panel');
  await expect(panel.getByRole('heading', { name: '고객 화면' })).toBeVisible();
  await expect(panel).toContainText('스캔과 키 입력은 늘 계산대로 갑니다');
  if (pos.mode === 'browser-host') {
    // No monitors to place a window on: the customer screen is a page the shop opens itself.
    await expect(panel.getByTestId('customer-screen-browser')).toContainText('/customer.html');
    await expect(panel.getByRole('radio')).toHaveCount(0);
  } else {
    await expect(panel.getByTestId('customer-screen-auto')).toBeChecked();
    await expect(panel.getByTestId('customer-screen-off')).toBeVisible();
  }
  expect(await seriousFindings(page)).toEqual([]);
});
