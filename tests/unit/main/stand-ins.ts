import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * A stand-in for Electron's `app`: quit emits `before-quit`, closes every open window, then emits
 * `will-quit` (a listener may hold it back with preventDefault), as Electron documents.
 */
export class FakeApp extends EventEmitter {
  quits = 0;
  exitCode: number | null = null;
  windows: FakeWindow[] = [];
  private quitting = false;
  quit = () => {
    this.quits += 1;
    // A window closing during the quit may ask again: Electron is already on its way.
    if (this.quitting) return;
    this.quitting = true;
    this.emit('before-quit', { preventDefault: () => undefined });
    for (const window of [...this.windows]) window.close();
    let prevented = false;
    this.emit('will-quit', { preventDefault: () => (prevented = true) });
    this.quitting = false;
    if (!prevented) this.exitCode = 0;
  };
  exit = (code: number) => {
    this.exitCode = code;
  };
}

/** A web contents: events, and the calls the shell makes on it. */
export class FakeContents extends EventEmitter {
  destroyed = false;
  reloads = 0;
  url = '';
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  reload = () => {
    this.reloads += 1;
  };
  isDestroyed = () => this.destroyed;
  loadURL = async (url: string) => {
    this.url = url;
  };
  setWindowOpenHandler = (handler: (details: { url: string }) => { action: string }) => {
    this.openHandler = handler;
  };
  /** Emits a `render-process-gone` as Electron does: (event, details). */
  gone(reason: string, exitCode = 1): void {
    this.emit('render-process-gone', {}, { reason, exitCode });
  }
}

/** A BrowserWindow: made by the `create` the shell is given, closed by the app's quit. */
export class FakeWindow extends EventEmitter {
  destroyed = false;
  visible: boolean;
  maximized = false;
  focused = false;
  minimized = false;
  readonly webContents = new FakeContents();
  constructor(
    readonly options: BrowserWindowConstructorOptions,
    private readonly app: FakeApp | null = null,
  ) {
    super();
    this.visible = options.show ?? true;
    app?.windows.push(this);
  }
  loadURL = (url: string) => this.webContents.loadURL(url);
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.alive().minimized;
  restore = () => {
    this.alive().minimized = false;
  };
  show = () => {
    this.alive().visible = true;
    this.focused = true;
  };
  focus = () => {
    this.alive().focused = true;
  };
  maximize = () => {
    this.alive().maximized = true;
    this.visible = true;
  };
  /** Electron throws on a destroyed window's methods (the second-launch crash this shell once had). */
  private alive(): this {
    if (this.destroyed) throw new TypeError('Object has been destroyed');
    return this;
  }
  close = () => {
    if (this.destroyed) return;
    this.destroyed = true;
    this.webContents.destroyed = true;
    if (this.app) this.app.windows = this.app.windows.filter((window) => window !== this);
    this.emit('closed');
  };
}
