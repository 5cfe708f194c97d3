import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startPos } from '../../../electron/compose/start-pos';
import { plainTextCipher } from '../../../electron/core/shop/secrets/key-cipher';
import { contract, type Channel } from '../../../shared/ipc/contract';
import { startSimProcess, type SimProcess } from '../../chaos/sim-process';
import { issueCoupons } from '../helpers/coupons';
import { onCleanup } from '../helpers/cleanup';
import { booksDirOf, silentLog, withCatalog, withCore, type PosHarness } from '../helpers/pos';
import { tempDir } from '../helpers/temp-dir';
import { CARD } from '../helpers/toss-window';

const QUICK = { sweepMs: 60_000, firstRetryMs: 50, maxRetryMs: 200 };
const OWNER = { name: '김토스', pin: '482913' } as const;

/** Polls main until the check holds (an event-based wait, not a timing assertion). */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > 20_000) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function simProcess(): Promise<SimProcess> {
  const sim = await startSimProcess(join(await tempDir('sim-ledger'), 'ledger.json'));
  onCleanup(() => sim.stop());
  return sim;
}

/** A register selling live with the simulator process as its Toss, the owner unlocked. */
async function liveRegister(sim: SimProcess): Promise<PosHarness> {
  const dataDir = await tempDir('sandbox');
  await withCatalog(dataDir);
  const core = await startPos({
    env: {
      POS_DATA_DIR: dataDir,
      TOSS_CLIENT_KEY: sim.clientKey,
      TOSS_SECRET_KEY: sim.secretKey,
      TOSS_API_BASE: sim.apiBase,
      TOSS_SDK_SRC: sim.sdkSrc,
    },
    packaged: false,
    cipher: plainTextCipher,
    keepEnvironmentKey: false,
    log: silentLog,
    tossTimeoutMs: 500,
    settleTiming: QUICK,
  });
  onCleanup(() => core.close());
  const call = async (channel: Channel, input: unknown) =>
    (await core.dispatch(channel, input)) as { ok: boolean; data?: unknown; error?: { code: string } };
  const h = {
    core,
    dataDir,
    booksDir: dataDir,
    call,
    ok: async (channel: Channel, input: unknown) => {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.data;
    },
    fail: async (channel: Channel, input: unknown) => {
      const result = await call(channel, input);
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded`);
      return result.error;
    },
  } as unknown as PosHarness;
  await h.ok('staff:setup-owner', OWNER);
  return h;
}

async function order(h: PosHarness, productId: string, quantity: number) {
  return h.ok('sale:create', { lines: [{ productId, quantity }] });
}

/** An order rung up, and paid by the customer in the payment window (not confirmed yet): the paymentKey the register gets. */
async function windowPaid(h: PosHarness, sim: SimProcess, productId: string, quantity: number) {
  const rung = await order(h, productId, quantity);
  const paymentKey = await sim.authorize(rung, CARD.approves);
  if (paymentKey === null) throw new Error('the window refused');
  return { order: rung, paymentKey };
}

describe('training is a sandbox: live work is settled with the live Toss whatever the register shows', () => {
  it('a live confirm, refund and 현금영수증 cancel left open are settled with the real Toss while the register trains: charged once, refunded once, books equal to Toss’s ledger', async () => {
    const sim = await simProcess();
    const h = await liveRegister(sim);

    // A card sale whose confirm answer is lost after Toss approved it.
    const { order: lost, paymentKey: lostKey } = await windowPaid(h, sim, 'americano', 2);
    await sim.addFault({ route: 'confirm', paymentKey: lostKey, fault: { kind: 'reset', processed: true } });
    await sim.addFault({
      route: 'lookup',
      paymentKey: lostKey,
      times: 'always',
      fault: { kind: 'reset', processed: false },
    });
    expect(
      await h.fail('payment:confirm', { orderId: lost.orderId, paymentKey: lostKey, amount: lost.amount }),
    ).toMatchObject({ code: 'TOSS_UNREACHABLE' });

    // A paid card sale whose refund answer is lost after Toss refunded it.
    const { order: paid, paymentKey: paidKey } = await windowPaid(h, sim, 'cafe-latte', 2);
    await h.ok('payment:confirm', { orderId: paid.orderId, paymentKey: paidKey, amount: paid.amount });
    await sim.addFault({
      route: 'cancel',
      paymentKey: paidKey,
      times: 'always',
      fault: { kind: 'reset', processed: true },
    });
    await sim.addFault({
      route: 'lookup',
      paymentKey: paidKey,
      times: 'always',
      fault: { kind: 'reset', processed: false },
    });
    const half = Math.floor(paid.amount / 2);
    expect(
      await h.fail('refund:create', {
        orderId: paid.orderId,
        request: { kind: 'amount', amount: half },
        reason: '고객 변심',
      }),
    ).toMatchObject({ code: 'TOSS_UNREACHABLE' });

    // A cash sale with its 현금영수증, refunded: the receipt's cancel answer is lost.
    const cash = await order(h, 'croissant', 1);
    await h.ok('cash:sale', {
      orderId: cash.orderId,
      received: cash.amount,
      cashReceipt: { type: '소득공제', identity: '010-1234-5678' },
    });
    await sim.addFault({ route: 'cash-receipt', times: 'always', fault: { kind: 'reset', processed: true } });
    await h.ok('refund:create', { orderId: cash.orderId, request: { kind: 'full' }, reason: '고객 변심' });

    const view = await h.ok('settings:set-mode', { mode: 'training', confirm: true });
    expect(view.toss).toMatchObject({ mode: 'training', openWork: { live: 3, training: 0 } });
    // Toss comes back while the register trains: the live books' settler asks the real Toss, never the simulator of training.
    await sim.clearFaults();
    await h.core.settleNow();
    await until(
      'the live work to settle while training',
      async () => (await h.ok('settings:get', {})).toss.openWork.live === 0,
    );

    await h.ok('settings:set-mode', { mode: 'live', confirm: true });
    const books = await h.core.orders('live');
    expect(await books.get(lost.orderId)).toMatchObject({ status: 'PAID', payment: { paymentKey: lostKey } });
    expect((await books.get(paid.orderId))?.refunds).toEqual([
      expect.objectContaining({ status: 'DONE', amount: half }),
    ]);
    expect((await books.get(cash.orderId))?.cash?.cashReceipt).toMatchObject({
      status: 'CANCELED',
      canceledAmount: cash.amount,
    });

    const ledger = await sim.ledger();
    const of = (orderId: string) => ledger.filter((p) => p.orderId === orderId);
    expect(of(lost.orderId)).toEqual([expect.objectContaining({ status: 'DONE', totalAmount: lost.amount })]);
    expect(of(paid.orderId)).toEqual([
      expect.objectContaining({ status: 'PARTIAL_CANCELED', balanceAmount: paid.amount - half }),
    ]);
    expect(of(paid.orderId)[0]?.cancels).toHaveLength(1);
    // Nothing of the live work was ever asked of the training simulator.
    expect(
      h.core.simulator
        .requests()
        .filter((r) =>
          [lost.orderId, paid.orderId, cash.orderId].some(
            (id) => r.path.includes(id) || JSON.stringify(r).includes(id),
          ),
        ),
    ).toEqual([]);
  }, 60_000);

  it('a payment Toss says it does not know (404) is not settled on that word alone: the confirm under the same key decides', async () => {
    const sim = await simProcess();
    const h = await liveRegister(sim);
    const { order: sale, paymentKey } = await windowPaid(h, sim, 'americano', 1);
    // The confirm's answer is lost before Toss did anything, and the lookup then says "not found" (a Toss catching up).
    await sim.addFault({ route: 'confirm', paymentKey, fault: { kind: 'reset', processed: false } });
    await sim.addFault({
      route: 'lookup',
      paymentKey,
      times: 2,
      fault: { kind: 'answer', status: 404, code: 'NOT_FOUND_PAYMENT', processed: false },
    });
    expect(await h.call('payment:confirm', { orderId: sale.orderId, paymentKey, amount: sale.amount })).toMatchObject({
      ok: false,
    });
    await h.core.settleNow();
    await until(
      'the sale to settle',
      async () => (await h.ok('sale:get', { orderId: sale.orderId })).status !== 'CONFIRMING',
    );
    expect(await h.ok('sale:get', { orderId: sale.orderId })).toMatchObject({
      status: 'PAID',
      payment: { paymentKey },
    });
    expect((await sim.ledger()).filter((p) => p.orderId === sale.orderId)).toEqual([
      expect.objectContaining({ status: 'DONE' }),
    ]);
  }, 30_000);

  it('training orders, coupons and the register draft live in training/, apart from the live books', async () => {
    const h = await withCore({ firstStart: true });
    await h.ok('staff:use-training-manager', {});
    const [code] = await issueCoupons(h, {}, { count: 1 });
    const sale = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 3 }], couponCode: code });
    expect(sale.orderId).toBeTruthy();
    const trainingDir = booksDirOf(h.dataDir, 'training');
    expect((await readdir(join(trainingDir, 'orders'))).some((name) => name.endsWith('.jsonl'))).toBe(true);
    expect(await readFile(join(trainingDir, 'coupons', 'issued.jsonl'), 'utf8')).toContain(
      code?.replace(/-/g, '') ?? 'none',
    );
    // The live books hold nothing of it.
    expect(
      (await readdir(join(h.dataDir, 'orders')).catch(() => [])).filter((name) => name.endsWith('.jsonl')),
    ).toEqual([]);
    expect(await readFile(join(h.dataDir, 'coupons', 'issued.jsonl'), 'utf8').catch(() => '')).toBe('');
    expect(await readFile(join(h.dataDir, 'coupons.json'), 'utf8').catch(() => '')).not.toContain('오픈 기념');
  });

  it('the customer’s screen follows the register into the other books at once, not after its long-poll runs out', async () => {
    const sim = await simProcess();
    const h = await liveRegister(sim);
    const live = await h.ok('display:watch', { since: 0 });
    expect(live.view.training).toBe(false);
    const waiting = h.ok('display:watch', { since: live.version });
    const answered = Promise.race([
      waiting.then(() => 'answered'),
      new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5_000)),
    ]);
    await h.ok('settings:set-mode', { mode: 'training', confirm: true });
    expect(await answered).toBe('answered');
    const next = await h.ok('display:watch', { since: (await waiting).version });
    expect(next.view.training).toBe(true);
  }, 20_000);

  it('a training coupon is not a live one, and a live coupon cannot pay a training sale', async () => {
    const sim = await simProcess();
    const h = await liveRegister(sim);
    const [liveCode] = await issueCoupons(h, {}, { count: 1 });
    await h.ok('settings:set-mode', { mode: 'training', confirm: true });
    expect(
      await h.fail('sale:quote', { lines: [{ productId: 'americano', quantity: 3 }], couponCode: liveCode }),
    ).toMatchObject({ code: 'COUPON_UNKNOWN' });
    const [trainingCode] = await issueCoupons(h, {}, { count: 1 });
    const sale = await h.ok('sale:create', {
      lines: [{ productId: 'americano', quantity: 3 }],
      couponCode: trainingCode,
    });
    expect(sale.amount).toBeGreaterThan(0);
    await h.ok('settings:set-mode', { mode: 'live', confirm: true });
    expect(
      await h.fail('sale:quote', { lines: [{ productId: 'americano', quantity: 3 }], couponCode: trainingCode }),
    ).toMatchObject({ code: 'COUPON_UNKNOWN' });
    // The live coupon is still free for a live sale.
    const quote = await h.ok('sale:quote', { lines: [{ productId: 'americano', quantity: 3 }], couponCode: liveCode });
    expect(quote.subtotal - quote.amount).toBe(1_000);
  }, 30_000);
});

describe('the training manager (PIN 0000, public by design) changes nothing that outlives training', () => {
  const outliving = (Object.keys(contract) as Channel[]).filter((channel) => 'outlivesTraining' in contract[channel]);

  it('the contract marks every channel that changes the shop: staff, settings, keys, the mode, the catalog', () => {
    expect(outliving.sort()).toEqual(
      [
        'catalog:move-product',
        'catalog:retire-category',
        'catalog:retire-option',
        'catalog:retire-option-group',
        'catalog:retire-product',
        'catalog:save-category',
        'catalog:save-option-group',
        'catalog:save-product',
        'catalog:set-option-sold-out',
        'catalog:set-sold-out',
        'displays:save-customer-screen',
        'settings:save-discount-limits',
        'settings:save-mandatory-cash-receipt',
        'settings:save-receipt',
        'settings:save-refund-policy',
        'settings:save-store',
        'settings:save-toss-keys',
        'settings:set-mode',
        'setup:catalog',
        'staff:add',
        'staff:set-active',
        'staff:set-name-sign-in',
        'store:save-register-name',
        'store:save-url',
        'ticket:save-settings',
        'updates:save-settings',
      ].sort(),
    );
  });

  it.each(outliving)(
    '%s is refused to the training manager, whatever the input, and nothing is written',
    async (channel) => {
      const h = await withCore({ firstStart: true });
      await h.ok('staff:use-training-manager', {});
      const before = await Promise.all(
        ['settings.json', 'staff.json', 'catalog.json'].map((file) =>
          readFile(join(h.dataDir, file), 'utf8').catch(() => null),
        ),
      );
      expect(await h.fail(channel, {} as never)).toMatchObject({ code: 'TRAINING_MANAGER_LIMITED' });
      const after = await Promise.all(
        ['settings.json', 'staff.json', 'catalog.json'].map((file) =>
          readFile(join(h.dataDir, file), 'utf8').catch(() => null),
        ),
      );
      expect(after).toEqual(before);
    },
  );

  it('a live manager working in training keeps a live manager’s power', async () => {
    const h = await withCore();
    await h.ok('staff:setup-owner', OWNER);
    expect(await h.ok('settings:save-discount-limits', { percent: 20, won: 10_000 })).toMatchObject({
      discountLimits: { percent: 20, won: 10_000 },
    });
  });
});
