import { describe, expect, it } from 'vitest';
import { isRegisterUrl, registerWindow } from '../../e2e/electron-window';

/** A window as Playwright hands it over: only its address matters here. */
const windowAt = (address: string) => ({ address, url: () => address });

describe('the window the Electron specs drive', () => {
  it('is the register page on either origin, never the customer’s or the bar’s screen or a splash', () => {
    expect(isRegisterUrl('http://127.0.0.1:40123/')).toBe(true);
    expect(isRegisterUrl('app://pos/')).toBe(true);
    expect(isRegisterUrl('app://pos/index.html')).toBe(true);
    for (const other of [
      'http://127.0.0.1:40123/customer.html',
      'http://127.0.0.1:40123/bar.html',
      'data:text/html,<p>Toss POS</p>',
      'about:blank',
      '',
    ])
      expect(isRegisterUrl(other), other).toBe(false);
  });

  it('waits past a splash that opened first for the register, even when the customer’s window came before it', async () => {
    const windows = [windowAt('data:text/html,<p>Toss POS</p>')];
    setTimeout(() => windows.push(windowAt('app://pos/customer.html')), 50);
    setTimeout(() => windows.push(windowAt('app://pos/')), 150);
    const found = await registerWindow({ windows: () => windows }, 5_000);
    expect(found.address).toBe('app://pos/');
  });

  it('gives up in words, naming the windows it saw, rather than driving the wrong one', async () => {
    const windows = [windowAt('data:text/html,splash'), windowAt('')];
    await expect(registerWindow({ windows: () => windows }, 150)).rejects.toThrow(
      "no register window after 150 ms; the app's windows: data:text/html,splash, (blank)",
    );
  });
});
