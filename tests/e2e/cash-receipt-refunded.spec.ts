import { expect, test } from './fixtures';
import { openAsManager } from './manager-screens';
import { invoke } from './register';

// A cash sale with no 현금영수증 yet, rung up before the app starts.
test.use({
  seed: {
    owner: true,
    then: async (core) => {
      const order = await core.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
      await core.ok('cash:sale', { orderId: order.orderId, received: 5_000 });
      return { orderId: order.orderId };
    },
  },
});

test('a cash sale refunded in full while its detail was open: issuing its 현금영수증 from Sales history is refused in words, and Toss is never asked', async ({
  pos,
}) => {
  const { page } = pos;
  const orderId = pos.seeded.orderId ?? '';
  await openAsManager(page, 'history');
  await page.getByTestId(`history-row-${orderId}`).click();
  await expect(page.getByTestId('detail-cash-receipt')).toContainText('발급하지 않음');
  await expect(page.getByTestId('detail-cash-issue')).toBeVisible();

  // Meanwhile the whole sale is given back (at another register, say): this screen still offers the receipt.
  expect(
    await invoke(page, 'refund:create', { orderId, request: { kind: 'full' }, reason: '고객 변심' }),
  ).toMatchObject({ ok: true });

  await page.getByTestId('detail-cash-identity').fill('010-2345-6789');
  await page.getByTestId('detail-cash-issue-submit').click();
  await expect(page.getByTestId('detail-cash-issue-error')).toHaveText(
    '전액 환불된 판매입니다. 고객에게 돌려준 금액에는 현금영수증을 발급할 수 없습니다.',
  );
  expect((await pos.tossRequests()).filter((request) => request.path.startsWith('/v1/cash-receipts'))).toEqual([]);
  const order = (await invoke(page, 'sale:get', { orderId })) as { data?: { cash?: { cashReceipt: unknown } } };
  expect(order.data?.cash?.cashReceipt).toBeNull();
});
