import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type PosApp } from './fixtures';
import { openAsManager } from './manager-screens';
import { addProduct, invoke, takeTheUsual } from './register';

/** The serious and critical axe findings on the page as it is now, one line each. */
async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

/** A cash sale of one product, paid exactly, and the register back for the next customer. */
async function cashSale(page: Page, productId: string): Promise<void> {
  await addProduct(page, productId);
  await page.getByTestId('pay-cash').click();
  await page.getByTestId('cash-exact').click();
  await page.getByTestId('cash-take').click();
  await expect(page.getByTestId('receipt')).toBeVisible();
  await page.getByTestId('new-sale').click();
  await expect(page.getByTestId('receipt')).toHaveCount(0);
}

/** The bar's screen as a second page of the browser host. */
async function openBarScreen(pos: PosApp): Promise<Page | null> {
  if (pos.hostUrl === null) return null;
  const bar = await pos.page.context().newPage();
  await bar.goto(new URL('bar.html', pos.hostUrl).href);
  return bar;
}

const numbers = (page: Page, column: 'preparing' | 'ready') => page.getByTestId(`board-${column}`).locator('li');

test('two sales wait under 준비 중; one called from the register’s call list, one from the bar’s screen, both move to 준비 완료 with a chime', async ({
  pos,
}) => {
  const { page } = pos;
  const customer = await pos.openCustomerScreen();
  const bar = await openBarScreen(pos);
  test.skip(
    customer === null || bar === null,
    'the customer and bar screens are pages of the browser host here; in Electron the customer’s opens on a second monitor and the bar’s has no window',
  );
  if (customer === null || bar === null) return;

  await cashSale(page, 'americano');
  await cashSale(page, 'croissant');
  await expect(numbers(customer, 'preparing')).toHaveText(['1', '2']);
  await expect(customer.getByTestId('customer-screen')).toHaveAttribute('data-stage', 'idle');
  await expect(bar.getByTestId('bar-ticket')).toHaveCount(2);
  await expect(bar.getByTestId('bar-ticket').first()).toContainText('아메리카노');
  expect(await seriousFindings(customer)).toEqual([]);
  expect(await seriousFindings(bar)).toEqual([]);

  // The register: F5 lists the numbers being made, the oldest chosen; Enter calls it ready.
  await page.keyboard.press('F5');
  const list = page.getByTestId('call-list');
  await expect(list.getByTestId('call-order')).toHaveCount(2);
  await expect(list.getByTestId('call-orders')).toBeFocused();
  expect(await seriousFindings(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(list.getByTestId('call-order')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(list).toHaveCount(0);
  await expect(numbers(customer, 'ready')).toHaveText(['1']);
  await expect(numbers(customer, 'preparing')).toHaveText(['2']);
  await expect(customer.locator('body')).toHaveAttribute('data-last-chime', 'called');
  await expect(bar.getByTestId('bar-ticket')).toHaveCount(1);

  // The bar: its ticket's big button.
  await bar
    .getByTestId('bar-ticket')
    .getByRole('button', { name: /준비 완료/ })
    .click();
  await expect(bar.getByTestId('bar-ticket')).toHaveCount(0);
  await expect(numbers(customer, 'ready')).toHaveText(['2', '1']);
  await expect(numbers(customer, 'preparing')).toHaveCount(0);
  await expect(customer.locator('.number-board-newest')).toHaveText('2');
  expect(await seriousFindings(customer)).toEqual([]);
  await customer.screenshot({ path: test.info().outputPath('number-board.png') });

  // A reload of either screen shows the same board: it lives in main.
  await customer.reload();
  await expect(numbers(customer, 'ready')).toHaveText(['2', '1']);
});

test('the bar’s screen reaches its own channels only, and nothing answers without its token', async ({ pos }) => {
  const bar = await openBarScreen(pos);
  test.skip(bar === null, 'the bar screen is a page of the browser host here; in Electron it has no window');
  if (bar === null || pos.hostUrl === null) return;
  await expect(bar.getByTestId('bar-screen')).toHaveAttribute('data-state', 'ready');
  expect(await invoke(bar, 'bar:watch', { since: 0 })).toMatchObject({ ok: true });
  for (const channel of ['sale:create', 'display:watch', 'staff:unlock', 'register:save-draft'])
    expect(await invoke(bar, channel, {}), channel).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

  // Its token, sent by hand, still reaches nothing else; no token reaches nothing at all.
  const origin = new URL(pos.hostUrl).origin;
  const answers = await bar.evaluate(async (ipcOrigin) => {
    const token = document.querySelector('meta[name="pos-token"]')?.getAttribute('content') ?? '';
    const send = async (channel: string, headers: Record<string, string>) => {
      const response = await fetch(`${ipcOrigin}/__pos/ipc`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ channel, input: { lines: [{ productId: 'americano', quantity: 1 }] } }),
      });
      return { status: response.status, body: (await response.json()) as { ok: boolean; error?: { code: string } } };
    };
    return {
      withToken: await send('sale:create', { 'x-pos-token': token }),
      without: await send('bar:watch', {}),
    };
  }, origin);
  expect(answers.withToken.body).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  expect(answers.without.status).toBe(403);
});

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error)
    throw new Error(
      `${command}: ${result.error.message} (Debian: apt-get install -y poppler-utils; macOS: brew install poppler; Windows: poppler's pdftotext on PATH)`,
    );
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout;
}

test('with order tickets on, a paid order prints its ticket: the number, the options and the memos', async ({
  pos,
}) => {
  test.skip(pos.mode === 'electron', 'Electron sends the ticket to its printer; here the browser prints it');
  const { page } = pos;
  const dir = await mkdtemp(join(tmpdir(), 'toss-pos-ticket-pdf-'));
  try {
    await openAsManager(page, 'settings');
    const panel = page.getByTestId('ticket-panel');
    await expect(panel.getByTestId('ticket-enabled')).not.toBeChecked();
    await expect(panel.getByTestId('ticket-browser-printing')).toBeVisible();
    expect(await seriousFindings(page)).toEqual([]);
    await panel.getByTestId('ticket-enabled').check();
    await panel.getByTestId('ticket-settings-save').click();
    await expect(panel.getByTestId('ticket-settings-saved')).toBeVisible();
    await page.getByTestId('nav-register').click();

    // The browser's print dialog is counted instead of opened (a headless browser has none).
    await page.evaluate(() => {
      const calls = { count: 0 };
      Object.defineProperty(window, '__prints', { value: calls });
      window.print = () => {
        calls.count += 1;
      };
    });
    await page.getByTestId('product-cafe-latte').click();
    await takeTheUsual(page);
    await page.keyboard.press('F3');
    await page.keyboard.type('얼음 적게');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+F3');
    await page.keyboard.type('창가 자리');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('memo-dialog')).toHaveCount(0);
    await page.getByTestId('pay-cash').click();
    await page.getByTestId('cash-exact').click();
    await page.getByTestId('cash-take').click();
    await expect(page.getByTestId('receipt')).toBeVisible();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __prints: { count: number } }).__prints.count))
      .toBe(1);
    await expect(page.locator('html')).toHaveAttribute('data-print-job', 'ticket');

    // What the print dialog's "Save as PDF" makes of the page while the ticket prints.
    const file = join(dir, 'ticket.pdf');
    await writeFile(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const text = run('pdftotext', ['-layout', file, '-']);
    expect(text).toContain('주문서');
    expect(text).toMatch(/^\s*1(?!\d)/m);
    expect(text).toContain('카페라테');
    expect(text).toContain('HOT · 레귤러');
    expect(text).toContain('얼음 적게');
    expect(text).toContain('창가 자리');
    // The ticket alone: the receipt's total is not on it.
    expect(text).not.toContain('합계');

    // The next paid screen does not print this ticket again after a reload.
    await page.reload();
    await expect(page.getByTestId('receipt')).toBeVisible();
    await expect(page.locator('html')).not.toHaveAttribute('data-print-job', 'ticket');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('at 1024×768 the register keeps its cart and Pay in view with the call list open, and the hint bar names F5', async ({
  pos,
}) => {
  const { page } = pos;
  await page.setViewportSize({ width: 1024, height: 768 });
  await cashSale(page, 'americano');
  await cashSale(page, 'croissant');
  await addProduct(page, 'americano');
  await expect(page.locator('.hint-bar')).toContainText('호출');
  const hint = await page.locator('.hint-bar .hint').last().boundingBox();
  expect(hint === null ? null : hint.x + hint.width).toBeLessThanOrEqual(1024);
  await page.getByTestId('call-open').click();
  const dialog = page.getByTestId('call-list');
  await expect(dialog.getByTestId('call-order')).toHaveCount(2);
  const box = await dialog.boundingBox();
  if (box === null) throw new Error('the call list is not laid out');
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(1024);
  expect(box.y + box.height).toBeLessThanOrEqual(768);
  await expect(dialog.getByTestId('call-ready')).toBeInViewport();
  await expect(page.getByTestId('pay')).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('call-list-1024x768.png') });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(dialog.getByTestId('call-order')).toHaveCount(1);
  await expect(dialog.getByTestId('call-order')).toContainText('아메리카노');
});
