import { EventEmitter } from 'node:events';
import type { App } from 'electron';
import { describe, expect, it } from 'vitest';
import { quitAfterClosing } from '../../../electron/main/lifecycle';
import { closeOnSessionEnd, keepRegisterWindow } from '../../../electron/main/register-window';
import { FakeApp, FakeWindow } from './stand-ins';

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** The app as index.ts wires it: the register keeper, the quit that closes the core first, a customer screen. */
function shell() {
  const app = new FakeApp();
  const register = keepRegisterWindow<FakeWindow>(app as unknown as App);
  let closes = 0;
  const closeNow = quitAfterClosing(
    app as unknown as App,
    new EventEmitter() as unknown as NodeJS.Process,
    async () => void (closes += 1),
    () => undefined,
  );
  const create = () => new FakeWindow({ show: false }, app);
  return { app, register, closeNow, create, closes: () => closes };
}

describe('the register window is the app', () => {
  it('closing it quits, the customer screen on the second monitor still open: the core closes once, then the process exits', async () => {
    const { app, register, create, closes } = shell();
    const window = register.open(create);
    const customer = new FakeWindow({ fullscreen: true }, app);

    window.close();
    await settle();

    expect(customer.destroyed).toBe(true);
    expect(closes()).toBe(1);
    expect(app.exitCode).toBe(0);
    expect(register.current()).toBeNull();
  });

  it('the customer screen or the splash closing never quits, nor does the last other window going', () => {
    const { app, register, create } = shell();
    const splash = new FakeWindow({ frame: false }, app);
    splash.close();
    app.emit('window-all-closed');
    register.open(create);
    new FakeWindow({ fullscreen: true }, app).close();
    expect(app.quits).toBe(0);
    expect(app.exitCode).toBeNull();
  });
});

describe('a second launch', () => {
  it('brings the register back from the taskbar and focuses it', () => {
    const { register, create } = shell();
    const window = register.open(create);
    window.minimized = true;
    register.secondLaunch();
    expect(window.minimized).toBe(false);
    expect(window.visible).toBe(true);
    expect(window.focused).toBe(true);
  });

  it('never touches a window that is gone: while the app quits it does nothing', async () => {
    const { app, register, create } = shell();
    register.open(create).close();
    expect(() => register.secondLaunch()).not.toThrow();
    await settle();
    expect(app.windows).toEqual([]);
  });

  it('opens the register again when it is gone and the app is not quitting (a quit a window refused)', () => {
    const app = new EventEmitter() as EventEmitter & { quit(): void };
    app.quit = () => undefined;
    const register = keepRegisterWindow<FakeWindow>(app as unknown as App);
    const made: FakeWindow[] = [];
    const first = register.open(() => {
      const window = new FakeWindow({ show: false });
      made.push(window);
      return window;
    });
    first.close();

    register.secondLaunch();

    expect(made).toHaveLength(2);
    expect(register.current()).toBe(made[1]);
    expect(made[1]?.focused).toBe(false);
  });

  it('a window destroyed before its closed event arrives is not brought to the front', () => {
    const { register, create } = shell();
    const window = register.open(create);
    window.destroyed = true;
    expect(register.current()).toBeNull();
    expect(() => register.secondLaunch()).not.toThrow();
  });

  it('while the core is still opening (no register yet) it does nothing', () => {
    const { app, register } = shell();
    expect(() => register.secondLaunch()).not.toThrow();
    expect(app.windows).toEqual([]);
  });
});

describe("Windows' shutdown or log-off (session-end)", () => {
  it('closes the core at once, like a quit, and only once however the end arrives', async () => {
    const { app, register, closeNow, create, closes } = shell();
    const window = register.open(create);
    closeOnSessionEnd(window, closeNow);

    window.emit('session-end', { reasons: ['shutdown'] });
    expect(closes()).toBe(1);
    window.emit('session-end', { reasons: ['shutdown'] });
    app.quit();
    await settle();

    expect(closes()).toBe(1);
    expect(app.exitCode).toBe(0);
  });
});
