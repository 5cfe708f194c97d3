import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { formatCode } from '../../shared/domain/coupon-code';
import type { CouponDefinition, CouponPage } from '../../shared/domain/coupons';
import { seoulDay } from '../../shared/domain/time';
import { expect, OWNER, payThroughCore, test } from './fixtures';
import { openAsManager } from './manager-screens';
import { invoke } from './register';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A Seoul date `days` from today (the app runs on the real clock here). */
const seoulDate = (days: number) => seoulDay(new Date(Date.now() + days * DAY_MS));
const GROUPED = /^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/;

async function definitions(page: Page): Promise<CouponDefinition[]> {
  const answer = await invoke(page, 'coupons:definitions', {});
  return answer.data as CouponDefinition[];
}

async function listed(page: Page, filter: Record<string, string> = {}): Promise<CouponPage> {
  const answer = await invoke(page, 'coupons:list', { ...filter, offset: 0, limit: 200 });
  return answer.data as CouponPage;
}

/** The codes the list shows now, as their rows' test ids name them. */
async function shownCodes(page: Page): Promise<string[]> {
  const ids = await page
    .locator('[data-testid^="coupon-row-"]')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-testid') ?? ''));
  return ids.map((id) => id.replace('coupon-row-', ''));
}

async function issue(page: Page, definitionId: string, count: string, from: string, until: string): Promise<void> {
  await page.getByTestId(`coupon-issue-${definitionId}`).click();
  await page.getByTestId('coupon-issue-count').fill(count);
  await page.getByTestId('coupon-issue-from').fill(from);
  await page.getByTestId('coupon-issue-until').fill(until);
  await page.getByTestId('coupon-issue-submit').click();
}

test('a manager defines coupons, issues codes, finds one typed loosely, voids it and exports the CSV', async ({
  pos,
}) => {
  const { page } = pos;
  await openAsManager(page, 'coupons');
  await expect(page.getByTestId('coupon-defs-empty')).toBeVisible();
  await expect(page.getByTestId('coupon-list-empty')).toHaveText('아직 발행한 쿠폰이 없습니다.');

  await page.getByTestId('coupon-new').click();
  await page.getByTestId('coupon-def-name').fill('오픈 기념 1,000원');
  await page.getByTestId('coupon-def-amount').fill('1,000');
  await page.getByTestId('coupon-def-save').click();
  await expect(page.getByTestId('coupon-def-dialog')).toHaveCount(0);

  await page.getByTestId('coupon-new').click();
  await page.getByTestId('coupon-def-name').fill('커피 10%');
  await page.getByTestId('coupon-def-type-percent').check();
  await page.getByTestId('coupon-def-percent').fill('10');
  await page.getByTestId('coupon-def-maxDiscount').fill('3000');
  await page.getByTestId('coupon-def-minOrderAmount').fill('5000');
  await page.getByTestId('coupon-def-scope-pick').check();
  await page.getByTestId('coupon-def-save').click();
  await expect(page.getByText('분류나 상품을 하나 이상 골라 주세요.')).toBeVisible();
  await page.getByTestId('coupon-scope-category-coffee').check();
  // Enter in a field submits the dialog.
  await page.getByTestId('coupon-def-name').press('Enter');
  await expect(page.getByTestId('coupon-def-dialog')).toHaveCount(0);

  const [fixed, percent] = await definitions(page);
  if (fixed === undefined || percent === undefined) throw new Error('both coupons should be defined');
  await expect(page.getByTestId(`coupon-def-${fixed.id}`)).toContainText('1,000원 할인');
  await expect(page.getByTestId(`coupon-def-${fixed.id}`)).toContainText('주문 전체');
  await expect(page.getByTestId(`coupon-def-${percent.id}`)).toContainText('10% (최대 3,000원)');
  await expect(page.getByTestId(`coupon-def-${percent.id}`)).toContainText('5,000원 이상');
  await expect(page.getByTestId(`coupon-def-${percent.id}`)).toContainText('분류: 커피');

  await issue(page, fixed.id, '3', seoulDate(0), seoulDate(30));
  await expect(page.getByTestId('coupon-issued')).toHaveText('오픈 기념 1,000원 쿠폰 3개를 발행했습니다.');
  await expect(page.locator('[data-testid^="coupon-row-"]')).toHaveCount(3);
  // Starts next week: issued, not usable yet.
  await issue(page, percent.id, '2', seoulDate(7), seoulDate(14));
  await expect(page.getByTestId('coupon-issued')).toHaveText('커피 10% 쿠폰 2개를 발행했습니다.');
  await expect(page.locator('[data-testid^="coupon-row-"]')).toHaveCount(5);
  await expect(page.getByTestId('coupon-range')).toHaveText('1–5 / 5');

  const fixedCodes = (await listed(page, { definitionId: fixed.id })).rows.map((row) => row.code);
  expect(fixedCodes).toHaveLength(3);
  for (const code of fixedCodes) {
    const row = page.getByTestId(`coupon-row-${code}`);
    await expect(row.locator('.coupon-code')).toHaveText(formatCode(code));
    await expect(row.locator('.coupon-code')).toHaveText(GROUPED);
    await expect(page.getByTestId(`coupon-state-${code}`)).toHaveText('사용 가능');
    await expect(row).toContainText(`${seoulDate(0)} 00:00 ~ ${seoulDate(30)} 24:00`);
  }

  await page.getByTestId('coupon-filter-state').selectOption('not-yet-valid');
  await expect(page.locator('[data-testid^="coupon-row-"]')).toHaveCount(2);
  await expect(page.locator('[data-testid^="coupon-state-"]')).toHaveText(['사용 전(시작 전)', '사용 전(시작 전)']);
  await page.getByTestId('coupon-filter-state').selectOption('available');
  await expect(page.locator('[data-testid^="coupon-row-"]')).toHaveCount(3);
  expect((await shownCodes(page)).sort()).toEqual([...fixedCodes].sort());

  const [target = '', ...others] = fixedCodes;
  await page.getByTestId('coupon-filter-state').selectOption('');
  await page.getByTestId('coupon-search').fill(formatCode(target).toLowerCase());
  await expect(page.locator('[data-testid^="coupon-row-"]')).toHaveCount(1);
  await expect(page.getByTestId(`coupon-row-${target}`)).toBeVisible();

  // Esc backs out of the confirm step; only the confirm button voids.
  await page.getByTestId(`coupon-void-${target}`).click();
  await expect(page.getByTestId('coupon-void-dialog')).toContainText(formatCode(target));
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('coupon-void-dialog')).toHaveCount(0);
  await expect(page.getByTestId(`coupon-state-${target}`)).toHaveText('사용 가능');
  await page.getByTestId(`coupon-void-${target}`).click();
  await page.getByTestId('coupon-void-confirm').click();
  await expect(page.getByTestId(`coupon-state-${target}`)).toHaveText(/^사용 중지 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
  await expect(page.getByTestId(`coupon-void-${target}`)).toHaveCount(0);
  expect((await listed(page, { search: target })).rows[0]).toMatchObject({ state: 'voided', isValid: false });

  await page.getByTestId('coupon-search').fill('');
  await page.getByTestId('coupon-filter-state').selectOption('voided');
  await expect(page.locator('[data-testid^="coupon-row-"]')).toHaveCount(1);
  expect(await shownCodes(page)).toEqual([target]);
  await page.getByTestId('coupon-filter-state').selectOption('');
  await expect(page.locator('[data-testid^="coupon-row-"]')).toHaveCount(5);

  const downloading = page.waitForEvent('download');
  await page.getByTestId('coupon-export').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^coupons-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');
  // The header follows the screen's language.
  expect(lines[0]).toBe('쿠폰 코드,쿠폰 이름,상태,사용 시작,사용 기한,사용 시각,주문번호,잡아 둔 주문');
  expect(lines).toHaveLength(6);
  expect(lines.find((line) => line.startsWith(formatCode(target)))).toContain(',voided,');
  for (const code of others)
    expect(lines.find((line) => line.startsWith(formatCode(code)))).toContain('"오픈 기념 1,000원",available,');

  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId(`coupon-def-${fixed.id}`)).toContainText('₩1,000 off');
  await expect(page.getByTestId(`coupon-def-${percent.id}`)).toContainText('10% (up to ₩3,000)');
  await expect(page.getByTestId(`coupon-state-${target}`)).toContainText('Voided');
  await expect(page.getByTestId('coupon-range')).toHaveText('1–5 of 5');
});

test.describe('with a coupon defined', () => {
  test.use({
    seed: {
      owner: true,
      then: async (core) => {
        const definition = await core.ok('coupons:define', {
          name: '주말 2,000원',
          benefit: { type: 'fixed', amount: 2_000 },
          minOrderAmount: 0,
          scope: { categoryIds: [], productIds: [] },
        });
        return { definitionId: definition.id };
      },
    },
  });

  test('issuing refuses a count outside 1–10,000 in the form, and a window that ends before it starts in main, and issues nothing', async ({
    pos,
  }) => {
    const { page } = pos;
    const { definitionId = '' } = pos.seeded;
    await openAsManager(page, 'coupons');
    await page.getByTestId(`coupon-issue-${definitionId}`).click();
    await expect(page.getByTestId('coupon-issue-count')).toBeFocused();
    await expect(page.getByTestId('coupon-issue-count')).toHaveValue('1');
    for (const count of ['0', '10001', '2.5']) {
      await page.getByTestId('coupon-issue-count').fill(count);
      await page.getByTestId('coupon-issue-count').press('Enter');
      await expect(page.getByText('발행 개수는 1에서 10,000 사이의 정수로 입력해 주세요.')).toBeVisible();
    }

    await page.getByTestId('coupon-issue-count').fill('5');
    await page.getByTestId('coupon-issue-from').fill(seoulDate(5));
    await page.getByTestId('coupon-issue-until').fill(seoulDate(2));
    await page.getByTestId('coupon-issue-submit').click();
    await expect(page.getByTestId('coupon-issue-error')).toHaveText('사용 기간의 끝은 시작보다 늦어야 합니다.');
    await expect(page.getByTestId('coupon-issue-dialog')).toBeVisible();

    // Same day, the start later than the end.
    await page.getByTestId('coupon-issue-from').fill(seoulDate(2));
    await page.getByTestId('coupon-issue-from-time').fill('18:00');
    await page.getByTestId('coupon-issue-until-time').fill('09:00');
    await page.getByTestId('coupon-issue-submit').click();
    await expect(page.getByTestId('coupon-issue-error')).toHaveText('사용 기간의 끝은 시작보다 늦어야 합니다.');

    await page.keyboard.press('Escape');
    await expect(page.getByTestId('coupon-issue-dialog')).toHaveCount(0);
    await expect(page.getByTestId('coupon-issued')).toHaveCount(0);
    await expect(page.getByTestId('coupon-list-empty')).toBeVisible();
    expect((await listed(page)).total).toBe(0);
  });
});

test.describe('with 52 codes, one held by an open order and one used', () => {
  test.use({
    seed: {
      owner: true,
      then: async (core) => {
        const definition = await core.ok('coupons:define', {
          name: '1,000원 할인',
          benefit: { type: 'fixed', amount: 1_000 },
          minOrderAmount: 0,
          scope: { categoryIds: [], productIds: [] },
        });
        await core.ok('coupons:issue', {
          definitionId: definition.id,
          count: 52,
          validFrom: '2020-01-01',
          validUntil: '2099-12-31',
        });
        const [held = '', used = '', free = ''] = (await core.ok('coupons:list', { offset: 0, limit: 10 })).rows.map(
          (row) => row.code,
        );
        const open = await core.ok('sale:create', {
          lines: [{ productId: 'americano', quantity: 1 }],
          couponCode: held,
        });
        const paid = await payThroughCore(core, [{ productId: 'croissant', quantity: 1 }], used);
        return { held, heldBy: open.orderId, used, usedBy: paid, free };
      },
    },
  });

  test('the list says which order is paying with a code and which one used it, offers no void for either, and pages 50 at a time', async ({
    pos,
  }) => {
    const { page } = pos;
    const { held = '', heldBy = '', used = '', usedBy = '', free = '' } = pos.seeded;
    await openAsManager(page, 'coupons');
    await expect(page.getByTestId(`coupon-state-${held}`)).toHaveText(`결제 중 주문 ${heldBy}`);
    await expect(page.getByTestId(`coupon-state-${used}`)).toHaveText(
      new RegExp(`^사용됨 \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} · 주문 ${usedBy}$`),
    );
    await expect(page.getByTestId(`coupon-state-${free}`)).toHaveText('사용 가능');
    await expect(page.getByTestId(`coupon-void-${held}`)).toHaveCount(0);
    await expect(page.getByTestId(`coupon-void-${used}`)).toHaveCount(0);
    await expect(page.getByTestId(`coupon-void-${free}`)).toBeVisible();
    // 2020-01-01 to the end of 2099-12-31.
    await expect(page.getByTestId(`coupon-row-${free}`)).toContainText('2020-01-01 00:00 ~ 2099-12-31 24:00');

    await expect(page.getByTestId('coupon-range')).toHaveText('1–50 / 52');
    await expect(page.locator('[data-testid^="coupon-row-"]')).toHaveCount(50);
    await expect(page.getByTestId('coupon-page-previous')).toBeDisabled();
    await page.getByTestId('coupon-page-next').click();
    await expect(page.getByTestId('coupon-range')).toHaveText('51–52 / 52');
    await expect(page.locator('[data-testid^="coupon-row-"]')).toHaveCount(2);
    await expect(page.getByTestId('coupon-page-next')).toBeDisabled();
    await page.getByTestId('coupon-page-previous').click();
    await expect(page.getByTestId(`coupon-row-${held}`)).toBeVisible();
  });
});

test('the discount limits are checked, saved with who changed them, and still there after a reload', async ({
  pos,
}) => {
  const { page } = pos;
  await openAsManager(page, 'settings');
  await expect(page.getByTestId('discount-limit-percent')).toHaveValue('10');
  await expect(page.getByTestId('discount-limit-won')).toHaveValue('5,000');
  await expect(page.getByTestId('discount-limits-changed')).toHaveCount(0);

  await page.getByTestId('discount-limit-percent').fill('101');
  await page.getByTestId('discount-limits-save').click();
  await expect(page.getByText('0에서 100 사이의 정수로 입력해 주세요.')).toBeVisible();
  expect(await invoke(page, 'settings:get', {})).toMatchObject({
    data: { discountLimits: { percent: 10, won: 5_000 } },
  });

  await page.getByTestId('discount-limit-percent').fill('15');
  await page.getByTestId('discount-limit-won').fill('20,000');
  await page.getByTestId('discount-limits-save').click();
  await expect(page.getByTestId('discount-limits-saved')).toBeVisible();
  await expect(page.getByTestId('discount-limits-changed')).toContainText(`마지막 변경: ${OWNER.name}`);

  await page.reload();
  await openAsManager(page, 'settings');
  await expect(page.getByTestId('discount-limit-percent')).toHaveValue('15');
  await expect(page.getByTestId('discount-limit-won')).toHaveValue('20,000');
  await expect(page.getByTestId('discount-limits-changed')).toContainText(`마지막 변경: ${OWNER.name}`);
  expect(await invoke(page, 'settings:get', {})).toMatchObject({
    data: { discountLimits: { percent: 15, won: 20_000 } },
  });
});
