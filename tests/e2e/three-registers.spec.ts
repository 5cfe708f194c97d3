import { expect } from './fixtures';
import { openAsManager } from './manager-screens';
import { addProduct, payWithCard } from './register';
import { cards } from './cards';
import { expectAllArrived, journalTally, ONLINE_WAIT, sellByCard, storeTally, test, totals } from './three-registers';

// Three registers started, a coupon issued, eight sales, a server stopped and started again, and
// the outbox's backoff (up to 30 s) to wait out: a long test on 2 shared cores.
test.describe.configure({ timeout: 240_000 });

test('three registers on one PostgreSQL: a coupon used on A is refused on C, the server stops mid-day and all three sell on by card, and once it is back every order has arrived exactly once', async ({
  shop,
}) => {
  const { a, b, c, registers, postgres } = shop;

  await test.step('each register sells by card, and its sales reach the shared store', async () => {
    await sellByCard(a.page, ['americano']);
    await sellByCard(b.page, ['croissant']);
    await sellByCard(c.page, ['sandwich']);
    for (const register of registers) await expectAllArrived(postgres.url, register);
  });

  let code = '';
  await test.step('a coupon issued and used on A is refused on C, naming A', async () => {
    const page = a.page;
    await openAsManager(page, 'coupons');
    await page.getByTestId('coupon-new').click();
    await page.getByTestId('coupon-def-name').fill('세 계산대 1,000원');
    await page.getByTestId('coupon-def-amount').fill('1000');
    await page.getByTestId('coupon-def-save').click();
    await page.locator('[data-testid^="coupon-issue-cdef-"]').click();
    await page.getByTestId('coupon-issue-count').fill('1');
    await page.getByTestId('coupon-issue-submit').click();
    await expect(page.getByTestId('coupon-issued')).toContainText('1개를 발행했습니다');
    const row = page.locator('[data-testid^="coupon-row-"]');
    code = ((await row.getAttribute('data-testid')) ?? '').replace('coupon-row-', '');
    await page.getByTestId('manager-lock').click();

    await addProduct(page, 'lemonade');
    await page.getByTestId('coupon-input').fill(code);
    await page.getByTestId('coupon-input').press('Enter');
    await expect(page.getByTestId('cart-total')).toContainText('4,800');
    await page.getByTestId('pay').click();
    await payWithCard(page, cards.approve);
    await expect(page.getByTestId('receipt-total')).toContainText('4,800');
    await page.getByTestId('new-sale').click();

    await addProduct(c.page, 'lemonade');
    await c.page.getByTestId('coupon-input').fill(code);
    await c.page.getByTestId('coupon-input').press('Enter');
    await expect(c.page.getByTestId('coupon-error')).toContainText('다른 계산대(카운터 A)에서 이미 사용된 쿠폰입니다');
    await expect(c.page.getByTestId('coupon-applied')).toHaveCount(0);
    await expect(c.page.getByTestId('cart-total')).toContainText('5,800');
    // The customer pays full price: the refusal stops the coupon, never the sale.
    await c.page.getByTestId('pay').click();
    await payWithCard(c.page, cards.approve);
    await expect(c.page.getByTestId('receipt-total')).toContainText('5,800');
    await c.page.getByTestId('new-sale').click();
    for (const register of registers) await expectAllArrived(postgres.url, register);
  });

  const sentBefore = new Map<string, number>();
  await test.step('PostgreSQL is stopped mid-day: all three sell on by card (coupons refused in words), each showing it is offline and how much waits', async () => {
    for (const register of registers) sentBefore.set(register.name, totals(await journalTally(register.dataDir)).lines);
    await postgres.stop();
    await sellByCard(a.page, ['americano', 'croissant']);
    // A coupon needs the whole shop: B cannot ask the store, says so, and sells on without it.
    await addProduct(b.page, 'sandwich');
    await b.page.getByTestId('coupon-input').fill(code);
    await b.page.getByTestId('coupon-input').press('Enter');
    await expect(b.page.getByTestId('coupon-error')).toContainText(
      '공유 저장소에 연결할 수 없어 쿠폰을 쓸 수 없습니다',
    );
    await expect(b.page.getByTestId('cart-total')).toContainText('6,900');
    await b.page.getByTestId('pay').click();
    await payWithCard(b.page, cards.approve);
    await expect(b.page.getByTestId('receipt-total')).toContainText('6,900');
    await b.page.getByTestId('new-sale').click();
    await sellByCard(c.page, ['americano']);
    await sellByCard(c.page, ['croissant']);
    for (const register of registers) {
      const waiting = totals(await journalTally(register.dataDir)).lines - (sentBefore.get(register.name) ?? 0);
      expect(waiting).toBeGreaterThan(0);
      await expect(register.page.getByTestId('shared-store-offline')).toHaveText(
        `공유 저장소 연결 끊김 · ${waiting}건 대기`,
        ONLINE_WAIT,
      );
    }
  });

  await test.step('PostgreSQL is started again: the badges go and every order arrives exactly once', async () => {
    await postgres.start();
    for (const register of registers)
      await expect(register.page.getByTestId('shared-store-offline')).toHaveCount(0, ONLINE_WAIT);
    for (const register of registers) await expectAllArrived(postgres.url, register);
    // What each register sold, by its own journal and by the shared store alike: count and amount.
    const expected = new Map([
      [a.name, { paid: 3, amount: 4_500 + 4_800 + 4_500 + 3_900 }],
      [b.name, { paid: 2, amount: 3_900 + 6_900 }],
      [c.name, { paid: 4, amount: 6_900 + 5_800 + 4_500 + 3_900 }],
    ]);
    for (const register of registers) {
      const store = totals(await storeTally(postgres.url, register.name));
      expect({ paid: store.paid, amount: store.amount }, register.name).toEqual(expected.get(register.name));
    }
  });
});
