import { describe, expect, it } from 'vitest';
import { asManager } from '../../helpers/coupons';
import { startOwnSimulator, withCore, withLiveCore, type PosHarness } from '../../helpers/pos';

const AMERICANO = [{ productId: 'americano', quantity: 1 }];
const CASHIER = { name: '이알바', pin: '5531' } as const;

/** The owner (unlocked) adds a cashier with a PIN, then locks: the register as a shift starts. */
async function withCashier(h: PosHarness): Promise<string> {
  await asManager(h);
  const cashier = await h.ok('staff:add', { name: CASHIER.name, role: 'cashier', pin: CASHIER.pin });
  await h.ok('staff:lock', {});
  return cashier.id;
}

async function cashSale(h: PosHarness) {
  const order = await h.ok('sale:create', { lines: AMERICANO });
  return h.ok('cash:sale', { orderId: order.orderId, received: 10_000 });
}

describe('signing in at the till', () => {
  it('signs a cashier in with their PIN, shows who is signed in, and stamps them on the orders they ring up', async () => {
    const h = await withCore();
    const cashierId = await withCashier(h);
    const status = await h.ok('staff:sign-in', { pin: CASHIER.pin });
    expect(status.signedIn).toMatchObject({ id: cashierId, name: CASHIER.name, role: 'cashier' });
    expect(status.session).toBeNull();
    const paid = await cashSale(h);
    expect(paid.cashier).toEqual({ id: cashierId, name: CASHIER.name });
    expect((await h.ok('sale:get', { orderId: paid.orderId })).cashier).toEqual({ id: cashierId, name: CASHIER.name });
  });

  it('refuses the money channels with nobody signed in, and signing out ends a manager session too', async () => {
    const h = await withCore();
    await withCashier(h);
    const order = await h.ok('sale:create', { lines: AMERICANO });
    await asManager(h);
    const out = await h.ok('staff:sign-out', {});
    expect(out).toMatchObject({ signedIn: null, session: null });
    expect((await h.fail('sale:create', { lines: AMERICANO })).code).toBe('SIGN_IN_NEEDED');
    expect((await h.fail('cash:sale', { orderId: order.orderId, received: 10_000 })).code).toBe('SIGN_IN_NEEDED');
    expect((await h.ok('sale:get', { orderId: order.orderId })).status).toBe('PENDING');
  });

  it('pauses sign-in after 5 wrong PINs, like unlock, and lets nobody in meanwhile', async () => {
    const h = await withCore();
    await withCashier(h);
    await h.ok('staff:sign-out', {});
    for (let i = 0; i < 4; i += 1) expect((await h.fail('staff:sign-in', { pin: '9999' })).code).toBe('PIN_WRONG');
    expect((await h.fail('staff:sign-in', { pin: '9999' })).code).toBe('PIN_LOCKED');
    expect((await h.fail('staff:sign-in', { pin: CASHIER.pin })).code).toBe('PIN_LOCKED');
    expect((await h.ok('staff:status', {})).signedIn).toBeNull();
  });

  it('keeps who is signed in across a restart', async () => {
    const h = await withCore();
    await withCashier(h);
    await h.ok('staff:sign-in', { pin: CASHIER.pin });
    await h.close();
    const again = await withCore({ dataDir: h.dataDir });
    expect((await again.ok('staff:status', {})).signedIn).toMatchObject({ name: CASHIER.name });
  });

  it('offers names to pick only once the owner allows it, and a deactivated member is signed out at once', async () => {
    const h = await withCore();
    const cashierId = await withCashier(h);
    expect(await h.ok('staff:sign-in-names', {})).toEqual([]);
    expect((await h.fail('staff:sign-in', { staffId: cashierId })).code).toBe('NAME_SIGN_IN_OFF');
    await asManager(h);
    expect((await h.ok('staff:set-name-sign-in', { on: true })).nameSignIn).toBe(true);
    expect(await h.ok('staff:sign-in-names', {})).toContainEqual({ id: cashierId, name: CASHIER.name });
    expect((await h.ok('staff:sign-in', { staffId: cashierId })).signedIn).toMatchObject({ id: cashierId });
    await asManager(h);
    await h.ok('staff:set-active', { staffId: cashierId, active: false });
    expect((await h.ok('staff:status', {})).signedIn).toBeNull();
    expect((await h.fail('sale:create', { lines: AMERICANO })).code).toBe('SIGN_IN_NEEDED');
  });

  it('records who asked for a refund besides the manager who approved it', async () => {
    const h = await withCore();
    const cashierId = await withCashier(h);
    await h.ok('staff:sign-in', { pin: CASHIER.pin });
    const paid = await cashSale(h);
    await h.ok('staff:unlock', { pin: '482913' });
    const refunded = await h.ok('refund:create', {
      orderId: paid.orderId,
      request: { kind: 'full' },
      reason: '고객 변심',
    });
    expect(refunded.refunds[0]).toMatchObject({
      approvedBy: '김토스',
      requestedBy: { id: cashierId, name: CASHIER.name },
    });
  });

  it('records the person signed in as who closed the day', async () => {
    const h = await withLiveCore(await startOwnSimulator());
    await withCashier(h);
    await h.ok('staff:sign-in', { pin: CASHIER.pin });
    const paid = await cashSale(h);
    await h.ok('staff:unlock', { pin: '482913' });
    const z = await h.ok('day:close', { day: paid.businessDay });
    expect(z.by).toBe(CASHIER.name);
  });
});

describe('history by cashier', () => {
  it('shows who rang each order up, filters by them, and exports them in a cashier column', async () => {
    const h = await withCore();
    const cashierId = await withCashier(h);
    const byOwner = await cashSale(h);
    await h.ok('staff:sign-in', { pin: CASHIER.pin });
    const byCashier = await cashSale(h);
    await h.ok('staff:unlock', { pin: '482913' });
    await h.core.orders('training').flush();
    const day = byCashier.businessDay;
    const all = await h.ok('history:list', { filter: { from: day, to: day }, limit: 10 });
    expect(all.rows.map((row) => [row.orderId, row.cashier?.name])).toEqual([
      [byCashier.orderId, CASHIER.name],
      [byOwner.orderId, byOwner.cashier?.name],
    ]);
    const mine = await h.ok('history:list', { filter: { from: day, to: day, cashierId }, limit: 10 });
    expect(mine.rows.map((row) => row.orderId)).toEqual([byCashier.orderId]);
    const csv = (await h.ok('history:export', { filter: { from: day, to: day, cashierId } })).csv;
    const [header, row] = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header?.split(',').at(-1)).toBe('cashier');
    expect(row?.split(',').at(-1)).toBe(CASHIER.name);
  });
});

describe('recent receipts at the register', () => {
  it('lists the business day’s paid orders newest first for a cashier, with no manager session', async () => {
    const h = await withCore();
    await withCashier(h);
    await h.ok('staff:sign-in', { pin: CASHIER.pin });
    const first = await cashSale(h);
    await h.ok('sale:create', { lines: AMERICANO });
    const second = await cashSale(h);
    expect((await h.ok('staff:status', {})).session).toBeNull();
    const recent = await h.ok('receipts:recent', {});
    expect(recent.map((order) => [order.orderId, order.cashier?.name])).toEqual([
      [second.orderId, CASHIER.name],
      [first.orderId, CASHIER.name],
    ]);
  });
});
