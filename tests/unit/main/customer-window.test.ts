import { EventEmitter } from 'node:events';
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import type { BrowserWindow, Screen } from 'electron';
import { describe, expect, it } from 'vitest';
import { keepCustomerWindow } from '../../../electron/main/customer-window';
import { electronMonitors } from '../../../electron/main/electron-monitors';
import { chooseOzonePlatform } from '../../../electron/main/ozone-platform';
import { customerDisplayOf, describeDisplays, type CustomerScreenChoice } from '../../../shared/domain/customer-screen';
import { CUSTOMER_PAGE } from '../../../shared/ipc/pages';

type Bounds = { x: number; y: number; width: number; height: number };
interface FakeDisplay {
  id: number;
  bounds: Bounds;
  scaleFactor: number;
}

const cashier: FakeDisplay = { id: 1, bounds: { x: 0, y: 0, width: 1280, height: 800 }, scaleFactor: 1 };
const right: FakeDisplay = { id: 2, bounds: { x: 1280, y: 0, width: 1920, height: 1080 }, scaleFactor: 1 };
const left: FakeDisplay = { id: 3, bounds: { x: -1024, y: 0, width: 1024, height: 768 }, scaleFactor: 1 };

/** A stand-in for Electron's `screen`: the displays connected now, and its events. */
class FakeScreen extends EventEmitter {
  constructor(
    public displays: FakeDisplay[],
    public primary: FakeDisplay = cashier,
  ) {
    super();
  }
  getAllDisplays = () => this.displays;
  getPrimaryDisplay = () => this.primary;
  plug(display: FakeDisplay): void {
    this.displays = [...this.displays, display];
    this.emit('display-added', {}, display);
  }
  unplug(display: FakeDisplay): void {
    this.displays = this.displays.filter((candidate) => candidate.id !== display.id);
    this.emit('display-removed', {}, display);
  }
  change(display: FakeDisplay): void {
    this.displays = this.displays.map((candidate) => (candidate.id === display.id ? display : candidate));
    this.emit('display-metrics-changed', {}, display, ['bounds']);
  }
}

/** A stand-in for a BrowserWindow: what it was made with, and every call the shell made on it. */
interface FakeWindow {
  options: Record<string, unknown> & { webPreferences: Record<string, unknown> };
  calls: string[];
  bounds: Bounds | null;
  url: string;
  closed: boolean;
}

function setUp(displays: FakeDisplay[], choice: CustomerScreenChoice = { kind: 'auto' }, devTools = false) {
  const screen = new FakeScreen(displays);
  const monitors = electronMonitors(screen as unknown as Screen);
  monitors.use(choice);
  const made: FakeWindow[] = [];
  const create = (options: unknown) => {
    const record: FakeWindow = {
      options: options as FakeWindow['options'],
      calls: [],
      bounds: null,
      url: '',
      closed: false,
    };
    made.push(record);
    let fullScreen = false;
    return {
      loadURL: async (url: string) => void (record.url = url),
      close: () => void (record.closed = true),
      isDestroyed: () => record.closed,
      isFullScreen: () => fullScreen,
      setFullScreen: (flag: boolean) => {
        fullScreen = flag;
        record.calls.push(`fullscreen:${flag}`);
      },
      setBounds: (bounds: Bounds) => {
        record.bounds = bounds;
        record.calls.push(`bounds:${bounds.x},${bounds.y},${bounds.width}x${bounds.height}`);
      },
      showInactive: () => void record.calls.push('showInactive'),
      show: () => void record.calls.push('show'),
      focus: () => void record.calls.push('focus'),
      moveTop: () => void record.calls.push('moveTop'),
    } as unknown as BrowserWindow;
  };
  const keeper = keepCustomerWindow({
    screen: screen as unknown as Screen,
    choice: monitors.choice,
    create,
    preloadPath: '/app/out/preload/display.cjs',
    appOrigin: 'http://127.0.0.1:5190',
    devTools,
  });
  const open = () => made.filter((window) => !window.closed);
  return { screen, monitors, made, open, keeper };
}

/** The one window open now, and the display its bounds are on. */
function onlyOpen(open: () => FakeWindow[]): FakeWindow {
  expect(open()).toHaveLength(1);
  return open()[0]!;
}

describe('the customer window on 자동 (any display but the cashier’s)', () => {
  it('opens on a second monitor when one is plugged in, with the display preload, and closes when it goes', () => {
    const { screen, made, open } = setUp([cashier]);
    expect(made).toHaveLength(0);
    screen.plug(right);
    const window = onlyOpen(open);
    expect(window.url).toBe(`http://127.0.0.1:5190${CUSTOMER_PAGE}`);
    expect(window.options).toMatchObject({ x: 1280, webPreferences: { preload: '/app/out/preload/display.cjs' } });
    expect(window.bounds).toEqual(right.bounds);
    screen.unplug(right);
    expect(open()).toHaveLength(0);
  });

  it('never goes on the cashier’s display: with one monitor there is no customer window', () => {
    const { open } = setUp([cashier]);
    expect(open()).toHaveLength(0);
    expect(customerDisplayOf([cashier], cashier.id, { kind: 'auto' })).toBeNull();
    expect(customerDisplayOf([cashier, right], cashier.id, { kind: 'auto' })).toBe(right);
  });

  it('keeps today’s lock-down, and DevTools only where the app runs unpackaged', () => {
    const packaged = onlyOpen(setUp([cashier, right]).open);
    expect(packaged.options.webPreferences).toEqual({
      preload: '/app/out/preload/display.cjs',
      additionalArguments: ['--pos-app-origin=http://127.0.0.1:5190'],
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      devTools: false,
    });
    expect(onlyOpen(setUp([cashier, right], { kind: 'auto' }, true).open).options.webPreferences.devTools).toBe(true);
  });
});

describe('the customer window never takes focus from the register', () => {
  it('is made hidden, unfocusable and off the taskbar, then shown inactive and made fullscreen on its display', () => {
    const window = onlyOpen(setUp([cashier, right]).open);
    expect(window.options).toMatchObject({ show: false, focusable: false, skipTaskbar: true, frame: false });
    expect(window.options).not.toHaveProperty('fullscreen');
    // The bounds before the fullscreen request: native Wayland puts it on the output its bounds are on.
    expect(window.calls).toEqual(['bounds:1280,0,1920x1080', 'showInactive', 'fullscreen:true']);
  });

  it('is never shown active, focused or raised when the displays or the choice change', () => {
    const { screen, monitors, made } = setUp([cashier, right]);
    screen.change({ ...right, bounds: { ...right.bounds, width: 2560, height: 1440 } });
    screen.plug(left);
    monitors.use({ kind: 'display', displayId: left.id, label: { number: 1, width: 1024, height: 768, side: 'left' } });
    screen.unplug(left);
    const calls = made.flatMap((window) => window.calls);
    expect(calls).not.toContain('show');
    expect(calls).not.toContain('focus');
    expect(calls).not.toContain('moveTop');
  });
});

describe('the display a manager chose', () => {
  const onLeft: CustomerScreenChoice = {
    kind: 'display',
    displayId: left.id,
    label: { number: 1, width: 1024, height: 768, side: 'left' },
  };

  it('is honoured over 자동’s pick', () => {
    const window = onlyOpen(setUp([cashier, right, left], onLeft).open);
    expect(window.bounds).toEqual(left.bounds);
  });

  it('moves the window when the choice changes, and closes it for 사용 안 함', () => {
    const { monitors, open } = setUp([cashier, right, left]);
    expect(onlyOpen(open).bounds).toEqual(right.bounds);
    monitors.use(onLeft);
    expect(onlyOpen(open).bounds).toEqual(left.bounds);
    monitors.use({ kind: 'off' });
    expect(open()).toHaveLength(0);
    monitors.use({ kind: 'auto' });
    expect(onlyOpen(open).bounds).toEqual(right.bounds);
  });

  it('falls back to 자동 while it is unplugged, and goes back to it when it returns', () => {
    const { screen, open } = setUp([cashier, right, left], onLeft);
    screen.unplug(left);
    expect(onlyOpen(open).bounds).toEqual(right.bounds);
    screen.plug(left);
    expect(onlyOpen(open).bounds).toEqual(left.bounds);
  });

  it('unplugged with no other monitor but the cashier’s: no window, rather than one on the register', () => {
    const { screen, open } = setUp([cashier, left], onLeft);
    screen.unplug(left);
    expect(open()).toHaveLength(0);
  });

  it('may be the cashier’s own display, only when picked', () => {
    const mine: CustomerScreenChoice = {
      kind: 'display',
      displayId: cashier.id,
      label: { number: 2, width: 1280, height: 800, side: 'primary' },
    };
    expect(onlyOpen(setUp([cashier], mine).open).bounds).toEqual(cashier.bounds);
  });
});

describe('a display’s resolution, arrangement or scale changes', () => {
  it('re-places the window on its display, out of fullscreen and back', () => {
    const { screen, open } = setUp([cashier, right]);
    const window = onlyOpen(open);
    window.calls.length = 0;
    const bigger = { ...right, bounds: { x: 1280, y: 0, width: 2560, height: 1440 } };
    screen.change(bigger);
    expect(onlyOpen(open)).toBe(window);
    expect(window.calls).toEqual(['fullscreen:false', 'bounds:1280,0,2560x1440', 'fullscreen:true']);
  });

  it('leaves the window alone when its display did not move (a taskbar on the cashier’s changed its work area)', () => {
    const { screen, open } = setUp([cashier, right]);
    const window = onlyOpen(open);
    window.calls.length = 0;
    screen.change({ ...cashier });
    expect(window.calls).toEqual([]);
  });
});

describe('naming the displays for Settings', () => {
  it('numbers them left to right, in their own pixels, with their side of the cashier’s', () => {
    const hiDpi = { id: 4, bounds: { x: 0, y: 800, width: 1280, height: 720 }, scaleFactor: 1.5 };
    expect(describeDisplays([right, cashier, left, hiDpi], cashier.id)).toEqual([
      { id: 3, number: 1, width: 1024, height: 768, side: 'left' },
      { id: 1, number: 2, width: 1280, height: 800, side: 'primary' },
      { id: 4, number: 3, width: 1920, height: 1080, side: 'below' },
      { id: 2, number: 4, width: 1920, height: 1080, side: 'right' },
    ]);
  });
});

describe('Linux runs under X11 unless the owner opts back to native Wayland', () => {
  const run = (platform: NodeJS.Platform, env: NodeJS.ProcessEnv) => {
    const switches: Array<[string, string | undefined]> = [];
    const chosen = chooseOzonePlatform(
      { appendSwitch: (name, value) => void switches.push([name, value]) },
      platform,
      env,
    );
    return { chosen, switches };
  };

  it('asks for X11 on Linux, and native Wayland when POS_OZONE_PLATFORM=wayland', () => {
    expect(run('linux', {})).toEqual({ chosen: 'x11', switches: [['ozone-platform', 'x11']] });
    expect(run('linux', { POS_OZONE_PLATFORM: 'Wayland' })).toEqual({
      chosen: 'wayland',
      switches: [['ozone-platform', 'wayland']],
    });
  });

  it('the installed app’s menu entry starts it under X11 too', async () => {
    const config = parse(await readFile('electron-builder.yml', 'utf8')) as { linux?: { executableArgs?: string[] } };
    expect(config.linux?.executableArgs).toEqual(['--ozone-platform=x11']);
  });

  it('leaves macOS and Windows alone', () => {
    expect(run('darwin', { POS_OZONE_PLATFORM: 'wayland' })).toEqual({ chosen: null, switches: [] });
    expect(run('win32', {})).toEqual({ chosen: null, switches: [] });
  });
});
