import { EventEmitter } from 'node:events';
import type { App } from 'electron';
import { describe, expect, it } from 'vitest';
import { bringToFront, holdSingleInstance, quitAfterClosing } from '../../../electron/main/lifecycle';

/** A stand-in for Electron's `app`: events, plus the calls the shell makes on it. */
class FakeApp extends EventEmitter {
  lockHeld = true;
  quits = 0;
  exitCode: number | null = null;
  requestSingleInstanceLock = () => this.lockHeld;
  quit = () => {
    this.quits += 1;
    // Electron emits will-quit on the way out; a listener may hold it back with preventDefault.
    let prevented = false;
    this.emit('will-quit', { preventDefault: () => (prevented = true) });
    if (!prevented) this.exitCode = 0;
  };
  exit = (code: number) => {
    this.exitCode = code;
  };
}

describe('one app per profile', () => {
  it('a second launch quits at once and the running one comes to the front', () => {
    const first = new FakeApp();
    let focused = 0;
    expect(holdSingleInstance(first as unknown as App, () => (focused += 1))).toBe(true);
    first.emit('second-instance', {}, ['toss-pos'], '/');
    expect(focused).toBe(1);

    const second = new FakeApp();
    second.lockHeld = false;
    expect(holdSingleInstance(second as unknown as App, () => undefined)).toBe(false);
    expect(second.quits).toBe(1);
  });

  it('brings a minimised window back before focusing it', () => {
    const calls: string[] = [];
    bringToFront({
      isMinimized: () => true,
      restore: () => calls.push('restore'),
      show: () => calls.push('show'),
      focus: () => calls.push('focus'),
    });
    expect(calls).toEqual(['restore', 'show', 'focus']);
    expect(() => bringToFront(null)).not.toThrow();
  });
});

describe('a clean exit', () => {
  it('holds the quit until the core has closed, then exits once, however often quit is asked', async () => {
    const app = new FakeApp();
    const signals = new EventEmitter();
    let release: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => (release = resolve));
    let closes = 0;
    quitAfterClosing(
      app as unknown as App,
      signals as unknown as NodeJS.Process,
      () => ((closes += 1), closed),
      () => undefined,
    );

    app.quit();
    app.quit();
    expect(app.exitCode).toBeNull();
    expect(closes).toBe(1);
    release();
    await closed;
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.exitCode).toBe(0);
  });

  it.each(['SIGINT', 'SIGTERM'])('quits the same way on %s', async (signal) => {
    const app = new FakeApp();
    const signals = new EventEmitter();
    let closes = 0;
    quitAfterClosing(
      app as unknown as App,
      signals as unknown as NodeJS.Process,
      async () => void (closes += 1),
      () => undefined,
    );
    signals.emit(signal);
    await new Promise((resolve) => setImmediate(resolve));
    expect(closes).toBe(1);
    expect(app.exitCode).toBe(0);
  });

  it('still exits when closing fails, and reports it', async () => {
    const app = new FakeApp();
    const errors: unknown[] = [];
    quitAfterClosing(
      app as unknown as App,
      new EventEmitter() as unknown as NodeJS.Process,
      () => Promise.reject(new Error('disk gone')),
      (e) => errors.push(e),
    );
    app.quit();
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.exitCode).toBe(0);
    expect(errors).toHaveLength(1);
  });
});
