import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../../shared/domain/register';
import { keepUpdated, type Updater } from '../../../electron/main/updates';
import { asManager } from '../helpers/coupons';
import { silentLog, startOwnSimulator, withCore, withLiveCore, type PosHarness } from '../helpers/pos';
import { tempDir } from '../helpers/temp-dir';
import { CARD, payWindow, waitFor } from '../helpers/toss-window';

/** electron-updater's autoUpdater as far as the shell uses it: it remembers what it was asked. */
function standInUpdater() {
  const events = new EventEmitter();
  const asked = { checks: 0, installs: [] as Array<[boolean | undefined, boolean | undefined]> };
  const updater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    logger: null,
    checkForUpdates: async () => {
      asked.checks += 1;
      return null;
    },
    quitAndInstall: (isSilent?: boolean, isForceRunAfter?: boolean) => {
      asked.installs.push([isSilent, isForceRunAfter]);
    },
    on: (event: string, listener: (...args: unknown[]) => void) => events.on(event, listener),
  } as Updater;
  const downloaded = (version: string) =>
    events.emit('update-downloaded', { version, files: [], path: '', sha512: '', releaseDate: '', downloadedFile: '' });
  return { updater, asked, downloaded };
}

/** The shell's updater over a real core, with its waits cut short. */
function updating(h: PosHarness, afterDayCloseMs = 20) {
  const stand = standInUpdater();
  const app = new EventEmitter();
  keepUpdated({
    updater: stand.updater,
    app: app as never,
    gate: h.core.updates,
    log: silentLog,
    timing: { firstCheckMs: 60 * 60_000, everyMs: 60 * 60_000, afterDayCloseMs },
  });
  return { ...stand, quit: () => app.emit('will-quit') };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 100));

async function paidByCard(h: PosHarness, productId: string) {
  const order = await h.ok('sale:create', { lines: [{ productId, quantity: 1 }] });
  const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
  return { order, paymentKey };
}

describe('an update installs on its own only at an idle counter', () => {
  it('is held by a sale rung up or at the payment window, and free once it is paid', async () => {
    const h = await withCore();
    expect(h.core.updates.hold()).toBeNull();
    await h.ok('register:save-draft', { ...emptyDraft, lines: [{ productId: 'americano', quantity: 1 }] });
    expect(h.core.updates.hold()).toBe('mid-sale');
    await h.ok('register:save-draft', { ...emptyDraft, stage: 'paying' });
    expect(h.core.updates.hold()).toBe('mid-sale');
    await h.ok('register:save-draft', { ...emptyDraft, stage: 'paid' });
    expect(h.core.updates.mayInstall()).toBe(true);
  });

  it('is held while a confirm is being answered', async () => {
    const own = await startOwnSimulator({ confirmDelayMs: 400 });
    const h = await withLiveCore(own);
    await asManager(h);
    const { order, paymentKey } = await paidByCard(h, 'americano');
    const confirming = h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
    await waitFor(() => h.core.updates.hold() === 'paying', 'the confirm to be under way');
    await confirming;
    expect(h.core.updates.hold()).toBeNull();
  });

  it('never installs while a refund is open with Toss: a refund made just after the close holds it until the next close', async () => {
    let at = Date.parse('2026-12-03T18:00:00+09:00');
    const now = () => new Date(at);
    const own = await startOwnSimulator({ now });
    const h = await withLiveCore(own, { now });
    const closeDay = async (iso: string, day: string) => {
      at = Date.parse(iso);
      await asManager(h);
      await h.ok('day:close', { day });
    };
    await asManager(h);
    const updates = updating(h, 1_500);
    const { order, paymentKey } = await paidByCard(h, 'americano');
    await h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
    updates.downloaded('0.2.0');
    await closeDay('2026-12-03T21:00:00+09:00', '2026-12-03');

    // Before the app restarts, the sale is refunded and Toss's answer is lost: the refund stays open.
    own.sim.faults.add({ route: 'cancel', paymentKey, times: 'always', fault: { kind: 'reset', processed: true } });
    own.sim.faults.add({ route: 'lookup', paymentKey, times: 'always', fault: { kind: 'reset', processed: false } });
    expect(
      (await h.fail('refund:create', { orderId: order.orderId, request: { kind: 'full' }, reason: '고객 변심' })).code,
    ).toBe('TOSS_UNREACHABLE');
    expect(h.core.updates.hold()).toBe('open-work');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    expect(updates.asked.installs).toEqual([]);

    own.sim.faults.clear();
    await h.core.settleNow();
    await waitFor(() => h.core.updates.hold() === null, 'the refund to be settled');
    await closeDay('2026-12-04T21:00:00+09:00', '2026-12-04');
    await waitFor(() => updates.asked.installs.length > 0, 'the install after the day close');
    // Silently, and the app starts again at once.
    expect(updates.asked.installs).toEqual([[true, true]]);
  });

  it('does nothing after a day close when no update was downloaded, or when the close was refused', async () => {
    const own = await startOwnSimulator();
    const h = await withLiveCore(own);
    await asManager(h);
    const updates = updating(h);
    const { day } = await h.ok('day:today', {});
    await h.ok('day:close', { day });
    await settle();
    expect(updates.asked.installs).toEqual([]);

    updates.downloaded('0.2.0');
    expect((await h.fail('day:close', { day })).code).toBeTruthy();
    await settle();
    expect(updates.asked.installs).toEqual([]);
  });
});

describe('the switch that turns updates off', () => {
  it('is on by default, kept in settings.json by the manager who switched it, and read again at the next start', async () => {
    const dataDir = await tempDir('updates-setting');
    const h = await withCore({ dataDir });
    await asManager(h);
    expect(await h.ok('updates:settings', {})).toEqual({ enabled: true, changed: null });
    expect(h.core.updates.enabled()).toBe(true);

    const view = await h.ok('updates:save-settings', { enabled: false });
    expect(view).toMatchObject({ enabled: false, changed: { by: '김토스' } });
    expect(h.core.updates.hold()).toBe('updates-off');
    await h.close();

    const again = await withCore({ dataDir });
    await asManager(again);
    expect(await again.ok('updates:settings', {})).toMatchObject({ enabled: false, changed: { by: '김토스' } });
    expect(again.core.updates.enabled()).toBe(false);
  });

  it('is the manager’s: a cashier’s session cannot read or change it', async () => {
    const h = await withCore();
    expect((await h.fail('updates:save-settings', { enabled: false })).code).toBe('MANAGER_REQUIRED');
    expect(h.core.updates.enabled()).toBe(true);
  });

  it('off: an update fetched before is installed neither after the day close nor on quit', async () => {
    const own = await startOwnSimulator();
    const h = await withLiveCore(own);
    await asManager(h);
    const updates = updating(h);
    updates.downloaded('0.2.0');
    await h.ok('updates:save-settings', { enabled: false });
    const { day } = await h.ok('day:today', {});
    await h.ok('day:close', { day });
    await settle();
    expect(updates.asked.installs).toEqual([]);
    updates.quit();
    expect(updates.updater.autoInstallOnAppQuit).toBe(false);
  });
});
