import { cards } from './cards';
import { expect, OWNER, test } from './fixtures';
import { goLive, openAsManager } from './manager-screens';
import { addProduct, invoke, payWithCard } from './register';

/** What main says is still open in each mode (the Settings screen shows it when it opens). */
async function openWork(page: Parameters<typeof invoke>[0]): Promise<{ live: number; training: number }> {
  const view = await invoke(page, 'settings:get', {});
  return (view.data as { toss: { openWork: { live: number; training: number } } }).toss.openWork;
}

test('a live payment whose answer was lost is settled with the real Toss while the register trains, and never asked of the training simulator', async ({
  pos,
}) => {
  // Going live, a sale, two switches and the settler's backoff: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  const { page, liveToss } = pos;
  await openAsManager(page, 'settings');
  await goLive(page, liveToss);

  // Toss approves, but its answer is lost and it cannot be asked until it comes back.
  liveToss.sim.faults.add({ route: 'confirm', fault: { kind: 'reset', processed: true } });
  liveToss.sim.faults.add({ route: 'lookup', times: 'always', fault: { kind: 'reset', processed: false } });
  await addProduct(page, 'americano', 2);
  await page.getByTestId('pay').click();
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('settlement-notice')).toBeVisible();
  const [approved] = liveToss.sim.payments().filter((payment) => payment.status === 'DONE');
  if (!approved) throw new Error('Toss never approved the sale');
  await expect(page.getByTestId(`settlement-${approved.orderId}`)).toHaveAttribute('data-state', 'SETTLING');

  // The register will not leave a payment whose outcome is unknown, but the bridge can be called as a
  // hostile page would (this is how the fault was found): the switch is allowed, the live work stays live.
  expect(await invoke(page, 'settings:set-mode', { mode: 'training', confirm: true })).toMatchObject({
    ok: true,
    data: { toss: { mode: 'training', openWork: { live: 1 } } },
  });
  await page.reload();
  await expect(page.getByTestId('training-banner')).toBeVisible();
  await openAsManager(page, 'settings');
  await expect(page.getByTestId('toss-open-work-live')).toContainText('실제 결제·환불·현금영수증 1건');
  // The training register neither knows the live order nor can pay it.
  expect(await invoke(page, 'sale:get', { orderId: approved.orderId })).toMatchObject({
    ok: false,
    error: { code: 'ORDER_NOT_FOUND' },
  });

  // Toss comes back while the register trains: the live books' settler asks the real Toss and records the sale.
  liveToss.sim.faults.clear();
  await expect.poll(() => openWork(page), { timeout: 60_000 }).toEqual({ live: 0, training: 0 });
  const trainingCalls = (await pos.tossRequests()).filter(
    (request) => request.path.includes(approved.paymentKey) || request.path.includes(approved.orderId),
  );
  expect(trainingCalls).toEqual([]);

  await page.getByTestId('toss-switch-mode').click();
  await page.getByTestId('mode-confirm-yes').click();
  await expect(page.getByTestId('training-banner')).toHaveCount(0);
  await expect(page.getByTestId(`settlement-${approved.orderId}`)).toHaveAttribute('data-state', 'PAID');
  expect(await invoke(page, 'sale:get', { orderId: approved.orderId })).toMatchObject({
    ok: true,
    data: { status: 'PAID', payment: { paymentKey: approved.paymentKey } },
  });
  // Charged once, and the books say so.
  expect(liveToss.sim.payments().filter((payment) => payment.orderId === approved.orderId)).toHaveLength(1);
});

test('the training manager (PIN 0000) is refused on the Settings screen: keys, limits and the mode stay the owner’s', async ({
  pos,
}) => {
  const { page, liveToss } = pos;
  // A first start in training with the documented training manager, the owner set up later.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('unlock-pin').fill('0000');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('unlock-error')).toBeVisible();
  expect(await invoke(page, 'staff:unlock', { pin: '0000' })).toMatchObject({
    ok: false,
    error: { code: 'PIN_WRONG' },
  });
  // Keys sent straight through the bridge by a tampered page are refused just the same without a real manager.
  expect(
    await invoke(page, 'settings:save-toss-keys', {
      clientKey: liveToss.clientKey,
      secretKey: liveToss.secretKey,
      acceptUnencrypted: true,
    }),
  ).toMatchObject({ ok: false, error: { code: 'MANAGER_REQUIRED' } });
});

test.describe('on a first start that chose the training manager', () => {
  test.use({ seed: { owner: false } });

  test('the training manager opens Settings but cannot save Toss keys or go live; the message says to use a real manager’s PIN', async ({
    pos,
  }) => {
    const { page, liveToss } = pos;
    await page.getByTestId('setup-training').click();
    await page.getByTestId('nav-settings').click();
    await expect(page.getByTestId('settings-screen')).toBeVisible();
    await page.getByTestId('toss-client-key').fill(liveToss.clientKey);
    await page.getByTestId('toss-secret-key').fill(liveToss.secretKey);
    await page.getByTestId('toss-accept-unencrypted').check();
    await page.getByTestId('toss-save').click();
    await expect(page.getByTestId('toss-error')).toContainText('교육용 관리자는 실제 매장에 남는 변경');
    await expect(page.getByTestId('toss-saved-keys')).toHaveText('저장된 키가 없습니다.');
    await page.getByTestId('toss-switch-mode').click();
    await page.getByTestId('mode-confirm-yes').click();
    await expect(page.getByTestId('toss-error')).toContainText('교육용 관리자는 실제 매장에 남는 변경');
    await expect(page.getByTestId('training-banner')).toBeVisible();
    expect(liveToss.sim.requests()).toEqual([]);

    // The owner is registered from the same screen; then the keys and the switch are theirs to make.
    const owner = page.getByTestId('owner-form');
    await owner.getByTestId('setup-name').fill(OWNER.name);
    await owner.getByTestId('setup-pin').fill(OWNER.pin);
    await owner.getByTestId('setup-pin-again').fill(OWNER.pin);
    await owner.getByTestId('setup-create').click();
    await expect(page.getByTestId('owner-form')).toHaveCount(0);
    await expect(page.getByText(`관리자: ${OWNER.name}`)).toBeVisible();
    await goLive(page, liveToss);
    // Live, the training manager's PIN opens nothing.
    await page.getByTestId('manager-lock').click();
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('unlock-pin').fill('0000');
    await page.getByTestId('unlock-submit').click();
    await expect(page.getByTestId('unlock-error')).toBeVisible();
  });
});
