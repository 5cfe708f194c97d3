import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Order } from '../../shared/domain/order';
import { cards } from './cards';
import { expect, payThroughCore, test, type PosApp } from './fixtures';
import { openAsManager } from './manager-screens';
import { addProduct, invoke, lineOf, payWithCard } from './register';

const STORE = {
  name: '토스 카페 역삼점',
  owner: '김토스',
  businessNumber: '120-81-47521',
  address: '서울 강남구 테헤란로 131',
  phone: '02-1544-7772',
};
/** PDF points per millimetre. */
const PT_PER_MM = 72 / 25.4;

/** Counts the page's calls to the browser's print dialog instead of opening it (a headless browser has none to show). */
async function recordPrints(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    const calls = { count: 0 };
    Object.defineProperty(window, '__prints', { value: calls });
    window.print = () => {
      calls.count += 1;
    };
  });
  return () => page.evaluate(() => (window as unknown as { __prints: { count: number } }).__prints.count);
}

/**
 * The receipt the page would print, as a PDF: in Electron the app's own Save as PDF (its save
 * dialog answered with a path); in the browser host Chromium's PDF output of the page in print
 * media, at the page size the receipt set (@page), as the print dialog's "Save as PDF" makes it.
 */
async function receiptPdf(pos: PosApp, dir: string, name: string): Promise<string> {
  const file = join(dir, name);
  if (pos.electronApp !== null) {
    await pos.electronApp.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
    }, file);
    await pos.page.getByTestId('receipt-save-pdf').last().click();
    await expect(pos.page.getByTestId('receipt-print-status').last()).toContainText(file);
  } else {
    await writeFile(file, await pos.page.pdf({ preferCSSPageSize: true, printBackground: true }));
  }
  return file;
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.error)
    throw new Error(
      `${command}: ${result.error.message} (Debian: apt-get install -y poppler-utils; macOS: brew install poppler; Windows: poppler's pdftotext on PATH)`,
    );
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout;
}

/** The PDF's text as pdftotext reads it, one receipt row per line; and its page size in mm. */
function readPdf(file: string): { text: string; pages: number; widthMm: number; heightMm: number } {
  const info = run('pdfinfo', [file]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  const pages = /Pages:\s+(\d+)/.exec(info);
  if (!size?.[1] || !size[2] || !pages?.[1]) throw new Error(`pdfinfo: no page size in\n${info}`);
  return {
    text: run('pdftotext', ['-layout', file, '-']),
    pages: Number(pages[1]),
    widthMm: Number(size[1]) / PT_PER_MM,
    heightMm: Number(size[2]) / PT_PER_MM,
  };
}

test.describe('with the shop’s details saved', () => {
  let dir = '';
  test.beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'toss-pos-receipt-pdf-'));
  });
  test.afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test.use({
    seed: {
      owner: true,
      then: async (core) => {
        await core.ok('settings:save-store', STORE);
        return {
          orderId: await payThroughCore(core, [
            { productId: 'americano', quantity: 2 },
            { productId: 'croissant', quantity: 1 },
          ]),
        };
      },
    },
  });

  test('a card sale’s receipt prints on 80 mm paper with the shop, its business number, the VAT split and the approval number', async ({
    pos,
  }) => {
    const { page } = pos;
    await addProduct(page, 'americano');
    await addProduct(page, 'croissant');
    await page.getByTestId('pay').click();
    await payWithCard(page, cards.approve);
    await expect(page.getByTestId('receipt')).toBeVisible();
    const approveNo = (await page.getByTestId('receipt-approve-no').innerText()).trim();
    const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
    await expect(page.getByTestId('receipt-print')).toBeEnabled();

    if (pos.mode === 'browser-host') {
      // The browser host cannot print by itself: the button and Ctrl+P open the browser's print dialog.
      const prints = await recordPrints(page);
      await expect(page.getByTestId('receipt-printing')).toHaveAttribute('data-printing', 'browser');
      await page.keyboard.press('Control+P');
      await expect.poll(prints).toBe(1);
      await page.getByTestId('receipt-print').click();
      await expect.poll(prints).toBe(2);
      // Still on the receipt: printing is not "next order".
      await expect(page.getByTestId('receipt')).toBeVisible();
    }

    const pdf = readPdf(await receiptPdf(pos, dir, 'sale.pdf'));
    expect(pdf.pages).toBe(1);
    expect(pdf.widthMm).toBeCloseTo(80, 0);
    expect(pdf.text).toContain('토스 카페 역삼점');
    expect(pdf.text).toContain('대표자 김토스');
    expect(pdf.text).toContain('사업자등록번호 120-81-47521');
    expect(pdf.text).toContain(orderId);
    // 8,400원: VAT round(8,400 / 11) = 764, supply 7,636.
    expect(pdf.text).toMatch(/합계\s+8,400원/);
    expect(pdf.text).toMatch(/공급가액\s+7,636원/);
    expect(pdf.text).toMatch(/부가세\s+764원/);
    expect(pdf.text).toMatch(/카드사\s+비자/);
    expect(pdf.text).toMatch(/할부\s+일시불/);
    expect(pdf.text).toMatch(new RegExp(`승인번호\\s+${approveNo}`));
    // Only the receipt prints: nothing of the screen around it.
    expect(pdf.text).not.toContain('다음 주문');
  });

  test('a cash sale’s receipt says what was handed over, the change and the 현금영수증 with its number, the identity masked', async ({
    pos,
  }) => {
    const { page } = pos;
    await addProduct(page, 'americano');
    await page.keyboard.press('F7');
    await page.getByTestId('cash-note-10000').click();
    await page.getByTestId('cash-receipt-wanted').check();
    await page.getByTestId('cash-receipt-identity').fill('010-2345-6789');
    await page.getByTestId('cash-take').click();
    await expect(page.getByTestId('receipt')).toBeVisible();
    const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
    const order = (await invoke(page, 'sale:get', { orderId })).data as Order;
    const issueNumber = order.cash?.cashReceipt?.issueNumber ?? 'none';
    await expect(page.getByTestId('receipt-cash-change')).toHaveText('5,500원');
    await expect(page.getByTestId('receipt-print')).toBeEnabled();

    const pdf = readPdf(await receiptPdf(pos, dir, 'cash.pdf'));
    expect(pdf.text).toContain('사업자등록번호 120-81-47521');
    expect(pdf.text).toMatch(/결제수단\s+현금/);
    expect(pdf.text).toMatch(/받은 금액\s+10,000원/);
    expect(pdf.text).toMatch(/거스름돈\s+5,500원/);
    // 4,500원: VAT round(4,500 / 11) = 409.
    expect(pdf.text).toMatch(/부가세\s+409원/);
    expect(pdf.text).toMatch(/현금영수증\s+소득공제 · 발급/);
    expect(pdf.text).toMatch(/식별번호\s+010-\*\*\*\*-6789/);
    expect(pdf.text).toMatch(new RegExp(`현금영수증 승인번호\\s+${issueNumber}`));
    expect(pdf.text).not.toContain('23456789');
  });

  test('on 58 mm paper chosen in Settings, a manager reprints a past sale from history, then its refund, in the same form', async ({
    pos,
  }) => {
    const { page } = pos;
    const orderId = pos.seeded['orderId'] ?? '';
    const order = (await invoke(page, 'sale:get', { orderId })).data as Order;

    await openAsManager(page, 'settings');
    await expect(page.getByTestId('receipt-paper-80')).toBeChecked();
    if (pos.mode === 'browser-host') await expect(page.getByTestId('receipt-browser-printing')).toBeVisible();
    await page.getByTestId('receipt-paper-58').check();
    await page.getByTestId('receipt-settings-save').click();
    await expect(page.getByTestId('receipt-settings-saved')).toBeVisible();

    await openAsManager(page, 'history');
    await page.getByTestId(`history-row-${orderId}`).click();
    await page.getByTestId('detail-receipt').click();
    const preview = page.getByTestId('paper-preview');
    await expect(preview.getByTestId('paper-receipt')).toHaveAttribute('data-paper-width', '58');
    await expect(preview).toContainText('사업자등록번호 120-81-47521');
    await expect(preview).toContainText(orderId);

    const sale = readPdf(await receiptPdf(pos, dir, 'reprint.pdf'));
    expect(sale.pages).toBe(1);
    expect(sale.widthMm).toBeCloseTo(58, 0);
    expect(sale.text).toContain('토스 카페 역삼점');
    expect(sale.text).toContain('120-81-47521');
    // 12,900원: VAT round(12,900 / 11) = 1,173, supply 11,727.
    expect(sale.text).toMatch(/공급가액\s+11,727원/);
    expect(sale.text).toMatch(/부가세\s+1,173원/);
    expect(sale.text).toMatch(new RegExp(`승인번호\\s+${order.payment?.approveNo ?? 'none'}`));
    await page.keyboard.press('Escape');

    // A refund of one 아메리카노: its receipt prints from the refund dialog, and from the reprint dialog later.
    await page.getByTestId('detail-refund').click();
    await page.getByTestId('refund-kind-lines').check();
    await lineOf(page, 'refund-more', 'americano').click();
    await page.getByTestId('refund-reason-0').click();
    await page.getByTestId('refund-next').click();
    await page.getByTestId('refund-confirm').click();
    await expect(page.getByTestId('refund-receipt')).toBeVisible();
    await expect(page.getByTestId('refund-dialog').getByTestId('receipt-print')).toBeEnabled();
    const refund = readPdf(await receiptPdf(pos, dir, 'refund.pdf'));
    expect(refund.widthMm).toBeCloseTo(58, 0);
    expect(refund.text).toContain('환불 영수증');
    expect(refund.text).toContain('120-81-47521');
    // 4,500원 back: VAT round(4,500 / 11) = 409, supply 4,091; 8,400원 still paid.
    expect(refund.text).toMatch(/환불 금액\s+4,500원/);
    expect(refund.text).toMatch(/공급가액\s+4,091원/);
    expect(refund.text).toMatch(/부가세\s+409원/);
    expect(refund.text).toMatch(/남은 결제 금액\s+8,400원/);
    await page.getByTestId('refund-receipt-close').click();

    await page.getByTestId('detail-receipt').click();
    await page.getByTestId('receipt-choice-r1').check();
    await expect(preview).toContainText('환불 영수증');
    await page.getByTestId('receipt-choice-sale').check();
    await expect(preview).not.toContainText('환불 영수증');
  });
});
