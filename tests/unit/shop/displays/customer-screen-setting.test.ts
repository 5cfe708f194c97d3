import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EventEmitter } from 'node:events';
import type { Screen } from 'electron';
import { describe, expect, it } from 'vitest';
import { electronMonitors } from '../../../../electron/main/electron-monitors';
import { defaultSettings } from '../../../../shared/domain/settings';
import { withCore, type PosHarness } from '../../helpers/pos';
import { tempDir } from '../../helpers/temp-dir';

const cashier = { id: 10, bounds: { x: 0, y: 0, width: 1280, height: 800 }, scaleFactor: 1 };
const right = { id: 20, bounds: { x: 1280, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 };
const left = { id: 30, bounds: { x: -1024, y: 0, width: 1024, height: 768 }, scaleFactor: 1 };

/** Electron's screen as main's monitors read it: the displays connected now. */
function fakeScreen(displays: (typeof cashier)[]) {
  const screen = Object.assign(new EventEmitter(), {
    displays,
    getAllDisplays: () => screen.displays,
    getPrimaryDisplay: () => cashier,
  });
  return screen;
}

/** A core with the Electron shell's monitors over a stand-in screen, the owner signed in. */
async function desktopCore(dataDir: string, displays = [cashier, right, left]) {
  const screen = fakeScreen(displays);
  const monitors = electronMonitors(screen as unknown as Screen);
  const h = await withCore({ dataDir, monitors, firstStart: true });
  await signInOwner(h);
  return { h, screen, monitors };
}

async function signInOwner(h: PosHarness): Promise<void> {
  const status = await h.ok('staff:status', {});
  if (status.ownerNeeded) await h.ok('staff:setup-owner', { name: '김토스', pin: '482913' });
  else if (status.session === null) await h.ok('staff:unlock', { pin: '482913' });
}

describe('the customer-screen setting', () => {
  it('lists this computer’s displays by number, size and side, starting on 자동', async () => {
    const { h } = await desktopCore(await tempDir('displays'));
    expect(await h.ok('displays:list', {})).toEqual({
      placing: 'shell',
      displays: [
        { id: 30, number: 1, width: 1024, height: 768, side: 'left' },
        { id: 10, number: 2, width: 1280, height: 800, side: 'primary' },
        { id: 20, number: 3, width: 1920, height: 1080, side: 'right' },
      ],
      choice: { kind: 'auto' },
      changed: null,
      showingOn: 20,
      chosenMissing: false,
    });
  });

  it('keeps a manager’s choice in settings.json, tells the shell at once, and again at the next start', async () => {
    const dataDir = await tempDir('displays');
    const first = await desktopCore(dataDir);
    const view = await first.h.ok('displays:save-customer-screen', { kind: 'display', displayId: 30 });
    expect(view).toMatchObject({
      choice: { kind: 'display', displayId: 30, label: { number: 1, width: 1024, height: 768, side: 'left' } },
      changed: { by: '김토스' },
      showingOn: 30,
    });
    expect(first.monitors.choice.current()).toEqual(view.choice);
    const saved = JSON.parse(await readFile(join(dataDir, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(saved.customerScreen).toEqual(view.choice);
    await first.h.close();

    const again = await desktopCore(dataDir);
    expect(again.monitors.choice.current()).toEqual(view.choice);
    expect((await again.h.ok('displays:list', {})).choice).toEqual(view.choice);
  });

  it('says when the chosen display is unplugged and 자동 stands in, until it returns', async () => {
    const { h, screen } = await desktopCore(await tempDir('displays'));
    await h.ok('displays:save-customer-screen', { kind: 'display', displayId: 30 });
    screen.displays = [cashier, right];
    expect(await h.ok('displays:list', {})).toMatchObject({ chosenMissing: true, showingOn: 20 });
    screen.displays = [cashier];
    expect(await h.ok('displays:list', {})).toMatchObject({ chosenMissing: true, showingOn: null });
    screen.displays = [cashier, right, left];
    expect(await h.ok('displays:list', {})).toMatchObject({ chosenMissing: false, showingOn: 30 });
  });

  it('turns the customer screen off with 사용 안 함', async () => {
    const { h, monitors } = await desktopCore(await tempDir('displays'));
    expect(await h.ok('displays:save-customer-screen', { kind: 'off' })).toMatchObject({
      choice: { kind: 'off' },
      showingOn: null,
    });
    expect(monitors.choice.current()).toEqual({ kind: 'off' });
  });

  it('refuses a display that is not connected, or a choice that is not one, and keeps the one it had', async () => {
    const { h, monitors } = await desktopCore(await tempDir('displays'));
    await h.ok('displays:save-customer-screen', { kind: 'off' });
    expect((await h.fail('displays:save-customer-screen', { kind: 'display', displayId: 99 })).code).toBe(
      'DISPLAY_NOT_CONNECTED',
    );
    const nearest = { kind: 'nearest' } as unknown as { kind: 'auto' };
    expect((await h.fail('displays:save-customer-screen', nearest)).code).toBe('INVALID_INPUT');
    expect((await h.ok('displays:list', {})).choice).toEqual({ kind: 'off' });
    expect(monitors.choice.current()).toEqual({ kind: 'off' });
  });

  it('reads a settings.json from before it as 자동', async () => {
    const dataDir = await tempDir('displays');
    const older: Partial<typeof defaultSettings> = { ...defaultSettings };
    delete older.customerScreen;
    delete older.customerScreenChanged;
    await writeFile(join(dataDir, 'settings.json'), JSON.stringify(older));
    const { h, monitors } = await desktopCore(dataDir);
    expect((await h.ok('displays:list', {})).choice).toEqual({ kind: 'auto' });
    expect(monitors.choice.current()).toEqual({ kind: 'auto' });
  });

  it('in the browser host (no monitors) lists none and says the page places nothing', async () => {
    const h = await withCore({ firstStart: true });
    await signInOwner(h);
    expect(await h.ok('displays:list', {})).toEqual({
      placing: 'browser',
      displays: [],
      choice: { kind: 'auto' },
      changed: null,
      showingOn: null,
      chosenMissing: false,
    });
    expect((await h.fail('displays:save-customer-screen', { kind: 'display', displayId: 1 })).code).toBe(
      'DISPLAY_NOT_CONNECTED',
    );
  });
});
