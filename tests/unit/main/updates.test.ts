import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyDraft, type RegisterDraft } from '../../../shared/domain/register';
import { UpdateGate } from '../../../electron/core/app/update-gate';
import { keepUpdated, UPDATE_TIMING, type Updater } from '../../../electron/main/updates';
import { silentLog } from '../helpers/pos';

/** The counter as the gate reads it, set by each test. */
function counter() {
  const state = { enabled: true, paying: false, openWork: 0, draft: structuredClone(emptyDraft) as RegisterDraft };
  const gate = new UpdateGate({
    enabled: () => state.enabled,
    paying: () => state.paying,
    openWork: () => state.openWork,
    draft: () => state.draft,
  });
  return { state, gate };
}

/** electron-updater's autoUpdater as far as the shell uses it, and Electron's app for its quit. */
function shell(gate: UpdateGate) {
  const events = new EventEmitter();
  const app = new EventEmitter();
  const asked = { checks: 0, installs: 0 };
  const updater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    logger: null,
    checkForUpdates: async () => {
      asked.checks += 1;
      return null;
    },
    quitAndInstall: () => {
      asked.installs += 1;
    },
    on: (event: string, listener: (...args: unknown[]) => void) => events.on(event, listener),
  } as Updater;
  keepUpdated({ updater, app: app as never, gate, log: silentLog });
  return {
    updater,
    asked,
    downloaded: () =>
      events.emit('update-downloaded', { version: '0.2.0', files: [], path: '', sha512: '', releaseDate: '' }),
    quit: () => app.emit('will-quit'),
  };
}

const HOUR = 60 * 60_000;

/** A day close main answered ok, as the gate hears of it. */
async function dayClosed(gate: UpdateGate): Promise<void> {
  await gate.follow(async () => ({ ok: true, data: null }))('day:close', {});
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('updates in the installed app', () => {
  it('download in the background and install on quit; the first check waits until the register has been up a while, then one every few hours', async () => {
    const { gate } = counter();
    const s = shell(gate);
    expect(s.updater.autoDownload).toBe(true);
    expect(s.updater.autoInstallOnAppQuit).toBe(true);
    expect(s.asked.checks).toBe(0);

    await vi.advanceTimersByTimeAsync(UPDATE_TIMING.firstCheckMs - 1);
    expect(s.asked.checks).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.asked.checks).toBe(1);
    await vi.advanceTimersByTimeAsync(UPDATE_TIMING.everyMs);
    expect(s.asked.checks).toBe(2);
    expect(UPDATE_TIMING.everyMs).toBeGreaterThanOrEqual(HOUR);

    s.quit();
    await vi.advanceTimersByTimeAsync(UPDATE_TIMING.everyMs * 3);
    expect(s.asked.checks).toBe(2);
  });

  it('off in Settings: never asked for, and not installed on quit; asked again once switched back on', async () => {
    const { state, gate } = counter();
    state.enabled = false;
    const s = shell(gate);
    expect(s.updater.autoInstallOnAppQuit).toBe(false);
    await vi.advanceTimersByTimeAsync(UPDATE_TIMING.firstCheckMs + UPDATE_TIMING.everyMs * 3);
    expect(s.asked.checks).toBe(0);

    state.enabled = true;
    await vi.advanceTimersByTimeAsync(UPDATE_TIMING.everyMs);
    expect(s.asked.checks).toBe(1);

    // Downloaded, then switched off before the app quits: the quit does not install it.
    s.downloaded();
    state.enabled = false;
    s.quit();
    expect(s.updater.autoInstallOnAppQuit).toBe(false);
  });

  it('after the day close, installs once the report has had its time, when the counter is idle', async () => {
    const { gate } = counter();
    const s = shell(gate);
    s.downloaded();
    await dayClosed(gate);
    await vi.advanceTimersByTimeAsync(UPDATE_TIMING.afterDayCloseMs - 1);
    expect(s.asked.installs).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(s.asked.installs).toBe(1);
  });

  it('after the day close, never while a sale is rung up, at the payment window or a payment is being confirmed', async () => {
    const { state, gate } = counter();
    const s = shell(gate);
    s.downloaded();
    const midSale: Array<() => void> = [
      () =>
        (state.draft = { ...emptyDraft, lines: [{ productId: 'americano', quantity: 1, options: [], memo: null }] }),
      () => (state.draft = { ...emptyDraft, stage: 'paying' }),
      () => (state.paying = true),
      () => (state.openWork = 1),
    ];
    for (const during of midSale) {
      state.draft = structuredClone(emptyDraft);
      state.paying = false;
      state.openWork = 0;
      await dayClosed(gate);
      during();
      await vi.advanceTimersByTimeAsync(UPDATE_TIMING.afterDayCloseMs);
    }
    expect(s.asked.installs).toBe(0);
  });

  it('nothing downloaded: a day close installs nothing', async () => {
    const { gate } = counter();
    const s = shell(gate);
    await dayClosed(gate);
    await vi.advanceTimersByTimeAsync(UPDATE_TIMING.afterDayCloseMs * 2);
    expect(s.asked.installs).toBe(0);
  });

  it('a day close main refused installs nothing', async () => {
    const { gate } = counter();
    const s = shell(gate);
    s.downloaded();
    await gate.follow(async () => ({ ok: false, error: { code: 'DAY_HAS_OPEN_WORK', message: '', retryable: true } }))(
      'day:close',
      {},
    );
    await vi.advanceTimersByTimeAsync(UPDATE_TIMING.afterDayCloseMs * 2);
    expect(s.asked.installs).toBe(0);
  });
});
