import { expect, payInWindow, test, type SeedCore } from './fixtures';

/**
 * The app went away mid-confirm: Toss approved, but its answer was lost (the connection dropped)
 * and asking Toss failed too, so the order was left CONFIRMING when the app stopped.
 */
async function confirmAnswerLost(core: SeedCore): Promise<Record<string, string>> {
  const order = await core.ok('sale:create', { lines: [{ productId: 'americano', quantity: 2 }] });
  const paymentKey = await payInWindow(core, order);
  core.sim.faults.add({ route: 'confirm', fault: { kind: 'reset', processed: true } });
  core.sim.faults.add({ route: 'lookup', times: 'always', fault: { kind: 'reset', processed: false } });
  const lost = await core.call('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
  if (lost.ok || lost.error.code !== 'TOSS_UNREACHABLE')
    throw new Error(`seed: the confirm was meant to be lost, got ${JSON.stringify(lost)}`);
  return { orderId: order.orderId };
}

test.use({ seed: { owner: true, then: confirmAnswerLost } });

test('a sale whose confirm answer was lost is settled at the next start, and the register says so until the cashier has seen it', async ({
  pos,
}) => {
  const notice = pos.page.getByTestId(`settlement-${pos.seeded.orderId}`);
  await expect(notice).toHaveAttribute('data-state', 'PAID');
  await expect(notice).toContainText('결제 완료로 기록됨');
  await expect(notice).toContainText('9,000원');
  const order = await pos.page.evaluate(
    (orderId) =>
      (
        window as unknown as {
          pos: { invoke(c: string, i: unknown): Promise<{ ok: boolean; data: { status: string } }> };
        }
      ).pos.invoke('sale:get', { orderId }),
    pos.seeded.orderId,
  );
  expect(order.data.status).toBe('PAID');

  await notice.getByRole('button', { name: '확인' }).click();
  await expect(notice).toHaveCount(0);
  await pos.page.reload();
  await expect(pos.page.getByTestId('product-americano')).toBeVisible();
  await expect(pos.page.getByTestId('settlement-notice')).toHaveCount(0);
});
