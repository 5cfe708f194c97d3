import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { openBehindSplash, showSplash, splashPageUrl } from '../../../electron/main/splash';
import { createMainWindow, registerWindowBounds } from '../../../electron/main/window';
import { FakeWindow } from './stand-ins';

function windows() {
  const made: FakeWindow[] = [];
  const create = (options: BrowserWindowConstructorOptions) => {
    const window = new FakeWindow(options);
    made.push(window);
    return window as unknown as BrowserWindow;
  };
  return { made, create };
}

const page = {
  preloadPath: '/app/preload/index.cjs',
  pageUrl: 'http://127.0.0.1:5123/',
  appOrigin: 'http://127.0.0.1:5123',
};

describe("the register window fits the cashier's display", () => {
  it('on a 1024×768 terminal (a 40 px taskbar): never larger than the work area, and its minimum fits too', () => {
    const bounds = registerWindowBounds({ x: 0, y: 0, width: 1024, height: 728 });
    expect(bounds).toEqual({ x: 0, y: 0, width: 1024, height: 728, minWidth: 1024, minHeight: 700 });
    const squeezed = registerWindowBounds({ x: 0, y: 27, width: 1024, height: 680 });
    expect(squeezed.minHeight).toBe(680);
    expect(squeezed.height).toBe(680);
    expect(squeezed.y).toBe(27);
  });

  it('on a large display it is 1280×800, centred in the work area (which need not start at 0,0)', () => {
    expect(registerWindowBounds({ x: 1920, y: 0, width: 1920, height: 1040 })).toEqual({
      x: 1920 + 320,
      y: 120,
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 700,
    });
  });

  it('opens hidden, then maximised and focused once its page has painted; DevTools as decided', () => {
    const { made, create } = windows();
    let shown = 0;
    createMainWindow({
      ...page,
      create,
      workArea: { x: 0, y: 0, width: 1024, height: 728 },
      devTools: false,
      onShown: () => (shown += 1),
    });
    const [window] = made;
    expect(window?.visible).toBe(false);
    expect(window?.options.minHeight).toBe(700);
    expect(window?.options.webPreferences?.devTools).toBe(false);
    expect(window?.webContents.url).toBe(page.pageUrl);

    window?.emit('ready-to-show');
    expect(window?.maximized).toBe(true);
    expect(window?.focused).toBe(true);
    expect(shown).toBe(1);
  });
});

describe('the splash', () => {
  it('says the till is opening, in Korean and English, with no script, no preload, sandboxed and frameless', () => {
    const html = decodeURIComponent(splashPageUrl().replace(/^data:text\/html;charset=utf-8,/, ''));
    expect(html).toContain('Toss POS 여는 중…');
    expect(html).toContain('Opening Toss POS…');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).not.toMatch(/<script|<a |<form|<iframe|src=/i);

    const { made, create } = windows();
    showSplash(create, false);
    const options = made[0]?.options;
    expect(options?.frame).toBe(false);
    expect(options?.show).toBe(true);
    expect(options?.webPreferences).toMatchObject({ sandbox: true, javascript: false, devTools: false });
    expect(options?.webPreferences?.preload).toBeUndefined();
  });

  it('cannot navigate or open windows', () => {
    const { made, create } = windows();
    showSplash(create, false);
    const contents = made[0]!.webContents;
    let prevented = false;
    contents.emit('will-navigate', { url: 'https://example.com/', preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
  });

  it('shows at once while the core opens, and goes when the register is on screen', async () => {
    const { made, create } = windows();
    let coreOpened: () => void = () => undefined;
    const core = new Promise<void>((resolve) => (coreOpened = resolve));
    let splashWhileOpening: FakeWindow | undefined;

    const opened = openBehindSplash(
      () => showSplash(create, false),
      async (splash) => {
        splashWhileOpening = made[0];
        await core;
        createMainWindow({
          ...page,
          create,
          workArea: { x: 0, y: 0, width: 1920, height: 1040 },
          devTools: false,
          onShown: () => splash.close(),
        });
      },
    );
    const splashWindow = made[0]!;
    expect(splashWhileOpening).toBe(splashWindow);
    expect(splashWindow.visible).toBe(true);
    expect(splashWindow.webContents.url).toBe(splashPageUrl());
    expect(made).toHaveLength(1);

    coreOpened();
    await opened;
    const register = made[1]!;
    expect(splashWindow.destroyed).toBe(false);
    register.emit('ready-to-show');
    expect(splashWindow.destroyed).toBe(true);
    expect(register.visible).toBe(true);
  });

  it('goes when the opening fails, before the error is shown', async () => {
    const { made, create } = windows();
    await expect(
      openBehindSplash(
        () => showSplash(create, false),
        async () => {
          throw new Error('data folder already open');
        },
      ),
    ).rejects.toThrow('data folder already open');
    expect(made[0]?.destroyed).toBe(true);
  });
});
