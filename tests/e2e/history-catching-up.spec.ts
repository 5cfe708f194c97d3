import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { seoulDay } from '../../shared/domain/time';
import { TRAINING_DIR } from '../../electron/core/platform/disk/training-dir';
import { demoCatalog } from '../../electron/core/shop/catalog/demo-catalog';
import { generateHistory } from '../bench/history/generator';
import { cards } from './cards';
import { expect, test } from './fixtures';
import { openAsManager } from './manager-screens';
import { addProduct, payWithCard } from './register';

const DAY_MS = 24 * 60 * 60 * 1000;
/** Between two days of the rebuild: slow enough to see it under way, quick enough to see it end. */
const PACE_MS = 8_000;
const yesterday = seoulDay(new Date(Date.now() - DAY_MS));
/** The days the history holds (written below, about 1,000 orders a day, ending yesterday). */
const days = { count: 0, oldest: '' };

/** The serious and critical axe findings on the page as it is now, one line each. */
async function seriousFindings(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id}: ${node.target.join(' ')}`));
}

function rows(page: Page) {
  return page.locator('[data-testid^="history-row-"]');
}

/** The first rows the list shows (it draws only those near the view). */
function shownRows(page: Page): Promise<Array<string | null>> {
  return rows(page).evaluateAll((found) => found.slice(0, 5).map((row) => row.getAttribute('data-testid')));
}

/** The line's "n / N일" as numbers. */
async function progress(page: Page): Promise<{ built: number; total: number }> {
  const text = await page.getByTestId('history-catching-up').innerText();
  const match = /([\d,]+) \/ ([\d,]+)일/.exec(text);
  if (match === null) throw new Error(`no progress in "${text}"`);
  return { built: Number(match[1]?.replaceAll(',', '')), total: Number(match[2]?.replaceAll(',', '')) };
}

test.describe('history while its index is rebuilt', () => {
  test.use({
    seed: {
      owner: true,
      // A history with no index (an earlier version's folder, or one lost): the app rebuilds it in the background.
      files: async (dataDir) => {
        const generated = await generateHistory({
          dataDir: join(dataDir, TRAINING_DIR),
          orders: 4_500,
          today: yesterday,
        });
        days.count = generated.counts.days;
        days.oldest = generated.oldest;
        // A folder that has sold has its own catalog (none is made up for it).
        await writeFile(join(dataDir, 'catalog.json'), JSON.stringify(demoCatalog));
      },
      env: { POS_REBUILD_PACE_MS: String(PACE_MS) },
    },
  });

  test('the register sells at once; history says it is catching up, answers a day not built yet, and the line goes once it is done', async ({
    pos,
  }) => {
    test.setTimeout(120_000);
    const { page } = pos;
    // The till does not wait for the rebuild.
    await addProduct(page, 'americano');
    await page.getByTestId('pay').click();
    await payWithCard(page, cards.approve);
    await expect(page.getByTestId('receipt')).toBeVisible();
    const sold = (await page.getByTestId('receipt-order-id').innerText()).trim();
    await page.getByTestId('new-sale').click();

    await openAsManager(page, 'history');
    await expect(page.getByTestId(`history-row-${sold}`)).toBeVisible();
    const line = page.getByTestId('history-catching-up');
    await expect(line).toBeVisible();
    await expect(line).toContainText('기록 색인 다시 만드는 중 · ');
    const first = await progress(page);
    expect(first.total).toBe(days.count);
    expect(first.built).toBeLessThan(days.count);
    expect(await seriousFindings(page)).toEqual([]);

    // The oldest day is built last: it is answered from its journal meanwhile, the same rows, only slower.
    // (The range's end first: from the oldest day to today would ask for, and so build, every day.)
    await page.getByTestId('history-to').fill(days.oldest);
    await page.getByTestId('history-from').fill(days.oldest);
    await expect(rows(page).first()).toBeVisible();
    await expect(page.getByTestId(`history-row-${sold}`)).toHaveCount(0);
    const meanwhile = await progress(page);
    expect(meanwhile.built).toBeLessThan(days.count);
    const oldestRows = await shownRows(page);

    // The line moves on by itself, with nothing touched, and goes once every day is built.
    await expect
      .poll(async () => ((await line.isVisible()) ? (await progress(page)).built : days.count), {
        timeout: 3 * PACE_MS,
      })
      .toBeGreaterThan(meanwhile.built);
    await expect(line).toBeHidden({ timeout: (days.count + 5) * PACE_MS });
    // The oldest day lists the same orders from the built index.
    await page.getByTestId('history-to').fill(seoulDay(new Date()));
    await expect(page.getByTestId(`history-row-${sold}`)).toBeVisible();
    await page.getByTestId('history-to').fill(days.oldest);
    await expect(page.getByTestId(`history-row-${sold}`)).toHaveCount(0);
    await expect(rows(page).first()).toBeVisible();
    expect(await shownRows(page)).toEqual(oldestRows);
    await expect(line).toBeHidden();
  });
});
