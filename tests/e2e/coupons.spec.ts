import { formatCode } from '../../shared/domain/coupon-code';
import type { CouponBenefit } from '../../shared/domain/coupons';
import { expect, OWNER, test, type SeedCore } from './fixtures';
import { cards } from './cards';
import { openAsManager, scan, typeStamped } from './manager-screens';
import { addProduct, fullyVisibleCartLines, invoke, lineOf, payWithCard } from './register';

/** Defines a coupon and issues one code for it through the real core; the code, as the spec gets it. */
async function seedCoupon(core: SeedCore, name: string, benefit: CouponBenefit): Promise<Record<string, string>> {
  const definition = await core.ok('coupons:define', {
    name,
    benefit,
    minOrderAmount: 0,
    scope: { categoryIds: [], productIds: [] },
  });
  await core.ok('coupons:issue', {
    definitionId: definition.id,
    count: 1,
    validFrom: '2020-01-01',
    validUntil: '2099-12-31',
  });
  const [coupon] = (await core.ok('coupons:list', { definitionId: definition.id, offset: 0, limit: 1 })).rows;
  if (!coupon) throw new Error('no coupon issued');
  return { code: coupon.code };
}

const thousandOff = {
  owner: true,
  then: (core: SeedCore) => seedCoupon(core, '오픈 기념 1,000원', { type: 'fixed', amount: 1_000 }),
};

test('a manager issues a coupon on the Coupons screen, locks, and the cashier rings it up: Toss is asked for the discounted amount', async ({
  pos,
}) => {
  const { page } = pos;
  await openAsManager(page, 'coupons');
  await page.getByTestId('coupon-new').click();
  await page.getByTestId('coupon-def-name').fill('단골 500원');
  await page.getByTestId('coupon-def-amount').fill('500');
  await page.getByTestId('coupon-def-save').click();
  await page.locator('[data-testid^="coupon-issue-cdef-"]').click();
  await page.getByTestId('coupon-issue-count').fill('1');
  await page.getByTestId('coupon-issue-submit').click();
  await expect(page.getByTestId('coupon-issued')).toContainText('1개를 발행했습니다');
  const row = page.locator('[data-testid^="coupon-row-"]');
  const code = ((await row.getAttribute('data-testid')) ?? '').replace('coupon-row-', '');
  await page.getByTestId('manager-lock').click();

  await addProduct(page, 'lemonade');
  await page.getByTestId('coupon-input').fill(code);
  await page.getByTestId('coupon-input').press('Enter');
  await expect(page.getByTestId('cart-total')).toContainText('5,300');
  await page.getByTestId('pay').click();
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt-discount')).toContainText('단골 500원');
  await expect(page.getByTestId('receipt-total')).toContainText('5,300');
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  expect(await invoke(page, 'sale:get', { orderId })).toMatchObject({
    ok: true,
    data: { amount: 5_300, payment: { totalAmount: 5_300 } },
  });

  await page.getByTestId('new-sale').click();
  await openAsManager(page, 'coupons');
  await expect(page.getByTestId(`coupon-row-${code}`)).toContainText(orderId);
});

test.describe('a 1,000-won coupon', () => {
  test.use({ seed: thousandOff });

  test('applied at the register, paid in the window: Toss confirms the discounted amount, the receipt names the coupon; the code is refused on the next sale', async ({
    pos,
  }) => {
    const { page } = pos;
    const code = pos.seeded['code'] ?? '';
    await addProduct(page, 'americano');
    await page.keyboard.press('F4');
    await expect(page.getByTestId('coupon-input')).toBeFocused();
    // Typed the way people type: lower case, with the dashes; a pause after the first group,
    // then the rest as fast as a scanner. It is still what the cashier typed, not a scan of its tail.
    await typeStamped(page, formatCode(code).toLowerCase(), (index) => (index < 4 ? 300 : 4));
    await expect(page.getByTestId('coupon-applied')).toContainText('오픈 기념 1,000원');
    await expect(page.getByTestId('coupon-applied')).toContainText('−1,000');
    await expect(page.getByTestId('cart-total')).toContainText('3,500');
    // VAT is split from the discounted total: round(3,500 / 11) = 318.
    await expect(page.getByTestId('vat-amount')).toContainText('318');

    await page.getByTestId('pay').click();
    await payWithCard(page, cards.approve);
    await expect(page.getByTestId('receipt')).toBeVisible();
    await expect(page.getByTestId('receipt-total')).toContainText('3,500');
    await expect(page.getByTestId('receipt-discount')).toContainText('오픈 기념 1,000원');
    await expect(page.getByTestId('receipt-discount')).toContainText('−1,000');
    const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
    expect(await invoke(page, 'sale:get', { orderId })).toMatchObject({
      ok: true,
      data: { amount: 3_500, payment: { totalAmount: 3_500 } },
    });
    const confirms = (await pos.tossRequests()).filter((r) => r.path === '/v1/payments/confirm');
    expect(confirms).toMatchObject([{ orderId, status: 200 }]);

    await page.getByTestId('new-sale').click();
    await addProduct(page, 'cafe-latte');
    await page.getByTestId('coupon-input').fill(code);
    await page.getByTestId('coupon-input').press('Enter');
    await expect(page.getByTestId('coupon-error')).toContainText('이미 사용된 쿠폰입니다');
    await expect(page.getByTestId('coupon-error')).toContainText(orderId);
    await expect(page.getByTestId('coupon-applied')).toHaveCount(0);
    await expect(page.getByTestId('cart-total')).toContainText('5,000');
  });

  test('a declined card leaves the code usable: the next card pays with the same coupon', async ({ pos }) => {
    const { page } = pos;
    await addProduct(page, 'americano', 2);
    await page.getByTestId('coupon-input').fill(pos.seeded['code'] ?? '');
    await page.getByTestId('coupon-apply').click();
    await expect(page.getByTestId('cart-total')).toContainText('8,000');

    await page.getByTestId('pay').click();
    await payWithCard(page, cards.overLimit);
    await expect(page.getByTestId('error')).toContainText('한도 초과 또는 잔액 부족');
    await expect(page.getByTestId('coupon-applied')).toBeVisible();

    await page.getByTestId('pay').click();
    await payWithCard(page, cards.approve);
    await expect(page.getByTestId('receipt-total')).toContainText('8,000');
    const confirms = (await pos.tossRequests()).filter((r) => r.path === '/v1/payments/confirm');
    expect(confirms.map((r) => r.status)).toEqual([403, 200]);
  });

  test('a scanned coupon applies, and survives a reload of the window', async ({ pos }) => {
    const { page } = pos;
    await addProduct(page, 'croissant');
    await page.getByTestId('search').blur();
    await scan(page, formatCode(pos.seeded['code'] ?? ''));
    await expect(page.getByTestId('coupon-applied')).toContainText('오픈 기념 1,000원');
    await expect(page.getByTestId('cart-total')).toContainText('2,900');
    await expect(page.getByTestId('scan-problem')).toBeEmpty();

    await page.reload();
    await expect(page.getByTestId('coupon-applied')).toContainText('오픈 기념 1,000원');
    await expect(page.getByTestId('cart-total')).toContainText('2,900');
  });

  test('at 1024×768 with a coupon and a discount on the cart, six lines still show and Pay stays in view', async ({
    pos,
  }) => {
    const { page } = pos;
    await page.setViewportSize({ width: 1024, height: 768 });
    for (const id of [
      'americano',
      'cafe-latte',
      'vanilla-latte',
      'cappuccino',
      'cold-brew',
      'espresso',
      'green-tea-latte',
      'sandwich',
    ])
      await addProduct(page, id);
    await page.getByTestId('coupon-input').fill(pos.seeded['code'] ?? '');
    await page.getByTestId('coupon-input').press('Enter');
    await page.getByTestId('discount-open').click();
    await page.getByTestId('discount-value').fill('5');
    await page.getByTestId('discount-reason').fill('단골');
    await page.getByTestId('discount-apply').click();
    await expect(page.getByTestId('discount-applied')).toContainText('−2,025');
    await expect(page.getByTestId('coupon-applied')).toContainText('−1,000');
    expect(await fullyVisibleCartLines(page)).toBeGreaterThanOrEqual(6);
    await expect(page.getByTestId('pay')).toBeInViewport();
    await expect(page.getByTestId('cart-total')).toBeInViewport();
  });

  test('removing the coupon gives the cart back its full price', async ({ pos }) => {
    const { page } = pos;
    await addProduct(page, 'bagel');
    await page.getByTestId('coupon-input').fill(pos.seeded['code'] ?? '');
    await page.getByTestId('coupon-input').press('Enter');
    await expect(page.getByTestId('cart-total')).toContainText('2,500');
    await page.getByTestId('coupon-remove').click();
    await expect(page.getByTestId('cart-total')).toContainText('3,500');
    await expect(page.getByTestId('coupon-input')).toBeVisible();
  });
});

test.describe('a coupon for the whole amount', () => {
  test.use({
    seed: {
      owner: true,
      then: (core: SeedCore) => seedCoupon(core, '무료 음료', { type: 'percent', percent: 100, maxDiscount: 10_000 }),
    },
  });

  test('completes at 0 won without the payment window, and nothing is sent to Toss', async ({ pos }) => {
    const { page } = pos;
    await addProduct(page, 'americano');
    await page.getByTestId('coupon-input').fill(pos.seeded['code'] ?? '');
    await page.getByTestId('coupon-input').press('Enter');
    // Exactly 0원: "4,500원" also contains "0원", and paying before the coupon is on would open the window.
    await expect(page.getByTestId('cart-total')).toHaveText('0원');
    await page.keyboard.press('F9');
    await expect(page.getByTestId('receipt')).toBeVisible();
    await expect(page.getByTestId('receipt-free')).toBeVisible();
    await expect(page.getByTestId('receipt-discount')).toContainText('무료 음료');
    await expect(page.getByTestId('call-number')).toContainText('1');
    await expect(page.getByTestId('toss-payment-window')).toHaveCount(0);
    expect(await pos.tossRequests()).toEqual([]);
  });
});

test('a mistyped code is told apart from an unknown one, in plain words', async ({ pos }) => {
  const { page } = pos;
  await addProduct(page, 'americano');
  await page.getByTestId('coupon-input').fill('ABCD-EFGH-JKLM');
  await page.getByTestId('coupon-input').press('Enter');
  await expect(page.getByTestId('coupon-error')).toContainText('쿠폰 번호가 잘못 입력되었습니다');
  await page.getByTestId('coupon-input').fill('O0I1-2345-6789');
  await page.getByTestId('coupon-input').press('Enter');
  await expect(page.getByTestId('coupon-error')).toContainText('쿠폰 번호가 잘못 입력되었습니다');
  await expect(page.getByTestId('cart-total')).toContainText('4,500');
});

test('a manual discount within the limit applies at once; above it a manager’s PIN approves it, and the receipt names reason and approver', async ({
  pos,
}) => {
  const { page } = pos;
  await addProduct(page, 'americano', 2);
  await page.keyboard.press('F6');
  const dialog = page.getByTestId('discount-dialog');
  await expect(dialog).toBeVisible();
  // Typing digits in the dialog is typing, not a quantity for the cart.
  await page.getByTestId('discount-value').fill('10');
  await page.getByTestId('discount-reason').fill('단골');
  await page.getByTestId('discount-value').press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('discount-applied')).toContainText('할인 10% · 단골');
  await expect(page.getByTestId('discount-applied')).toContainText('−900');
  await expect(page.getByTestId('cart-total')).toContainText('8,100');
  await expect(lineOf(page, 'qty', 'americano')).toHaveText('2');

  await page.getByTestId('discount-remove').click();
  await page.getByTestId('discount-open').click();
  await page.getByTestId('discount-value').fill('50');
  await page.getByTestId('discount-reason').fill('불만 고객 보상');
  await page.getByTestId('discount-apply').click();
  await expect(page.getByTestId('discount-error')).toContainText('관리자 PIN으로 승인');
  await page.getByTestId('discount-pin').fill('000000');
  await page.getByTestId('discount-apply').click();
  await expect(page.getByTestId('discount-error')).toContainText('PIN이 맞지 않습니다');
  await page.getByTestId('discount-pin').fill('482913');
  await page.getByTestId('discount-apply').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('cart-total')).toContainText('4,500');
  // Approving is not unlocking: the register did not become a manager's.
  await expect(page.getByTestId('manager-badge')).toHaveCount(0);

  await page.getByTestId('pay').click();
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt-discount')).toContainText('할인 50% · 불만 고객 보상');
  await expect(page.getByTestId('receipt-discount')).toContainText('관리자 승인: 김토스');
  await expect(page.getByTestId('receipt-total')).toContainText('4,500');
});

test('a manager’s approval is for one sale: kept through a declined card, bound to the cart, refused on the next order, where the screen asks for a manager again', async ({
  pos,
}) => {
  // Two sales, a declined card and a reload: longer than one sale.
  test.setTimeout(90_000);
  const { page } = pos;
  // Two of the usual americano, as the register rings it up: hot, regular.
  const usual = [
    { optionId: 'hot', count: 1 },
    { optionId: 'size-r', count: 1 },
  ];
  const lines = [{ productId: 'americano', quantity: 2, options: usual, memo: null }];
  await addProduct(page, 'americano', 2);
  await page.keyboard.press('F6');
  await page.getByTestId('discount-value').fill('50');
  await page.getByTestId('discount-reason').fill('불만 고객 보상');
  await page.getByTestId('discount-apply').click();
  await page.getByTestId('discount-pin').fill(OWNER.pin);
  await page.getByTestId('discount-apply').click();
  await expect(page.getByTestId('discount-dialog')).toHaveCount(0);
  await expect(page.getByTestId('cart-total')).toContainText('4,500');

  // Approved for this cart: another cart is refused until it is the approved cart again.
  await addProduct(page, 'croissant');
  await expect(page.getByTestId('quote-problem')).toContainText('장바구니(상품·수량·가격)가 바뀌었습니다');
  await expect(page.getByTestId('discount-approve-again')).toBeVisible();
  await page.getByTestId('remove-croissant').click();
  await expect(page.getByTestId('quote-problem')).toHaveCount(0);
  await expect(page.getByTestId('cart-total')).toContainText('4,500');
  const approved = ((await invoke(page, 'register:draft', {})).data as { manualDiscount: unknown }).manualDiscount;

  // A declined card is tried again without a second PIN.
  await page.getByTestId('pay').click();
  await payWithCard(page, cards.overLimit);
  await expect(page.getByTestId('checkout-problem')).toBeVisible();
  await page.getByTestId('pay-again').click();
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt-discount')).toContainText('관리자 승인: 김토스');
  await expect(page.getByTestId('receipt-total')).toContainText('4,500');
  const paidOrder = (await page.getByTestId('receipt-order-id').innerText()).trim();
  await page.getByTestId('new-sale').click();

  // The next customer buys the same, and the register holds the spent approval again (a stale or tampered page).
  await addProduct(page, 'americano', 2);
  await expect
    .poll(async () => ((await invoke(page, 'register:draft', {})).data as { lines: unknown }).lines)
    .toEqual(lines);
  expect(await invoke(page, 'sale:create', { lines, manualDiscount: approved })).toMatchObject({
    ok: false,
    error: { code: 'DISCOUNT_APPROVAL_USED' },
  });
  const draft = (await invoke(page, 'register:draft', {})).data as Record<string, unknown>;
  await invoke(page, 'register:save-draft', { ...draft, manualDiscount: approved });
  await page.reload();
  await expect(page.getByTestId('quote-problem')).toContainText(`이미 주문 ${paidOrder}에 쓰였습니다`);
  await expect(page.getByTestId('quote-problem')).toContainText('다시 관리자 승인을 받아 주세요');
  await page.getByTestId('discount-approve-again').click();
  await expect(page.getByTestId('discount-pin')).toBeFocused();
  await expect(page.getByTestId('discount-value')).toHaveValue('50');
  await expect(page.getByTestId('discount-reason')).toHaveValue('불만 고객 보상');
  await page.getByTestId('discount-pin').fill(OWNER.pin);
  await page.getByTestId('discount-apply').click();
  await expect(page.getByTestId('discount-dialog')).toHaveCount(0);
  await expect(page.getByTestId('quote-problem')).toHaveCount(0);
  await page.getByTestId('pay').click();
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt-discount')).toContainText('관리자 승인: 김토스');
  expect((await page.getByTestId('receipt-order-id').innerText()).trim()).not.toBe(paidOrder);
});
