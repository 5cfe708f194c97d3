import { EventEmitter } from 'node:events';
import type { App, Shell, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  mayNavigate,
  mayNavigateMainWindow,
  mayNavigatePaymentContent,
  windowOpenDecision,
  type NavigationPolicy,
} from '../../../../electron/core/platform/security/navigation-rules';
import { guardAllWebContents } from '../../../../electron/main/web-contents-guards';

const LIVE: NavigationPolicy = {
  appOrigin: 'http://127.0.0.1:5190',
  sdkSrc: () => 'https://js.tosspayments.com/v2/standard',
};
const TRAINING: NavigationPolicy = {
  appOrigin: 'http://127.0.0.1:5190',
  sdkSrc: () => 'http://127.0.0.1:41234/v2/standard',
};

/** Never a place for any of our web contents: local files, code, data, browser internals, disguises. */
const NOWHERE = [
  '',
  'not a url',
  'javascript:alert(1)',
  'JavaScript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'file:///etc/passwd',
  'file:///C:/Windows/win.ini',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'view-source:https://js.tosspayments.com/',
  'blob:https://js.tosspayments.com/uuid',
  'filesystem:https://js.tosspayments.com/temporary/x',
  'ftp://tosspayments.com/',
  'ws://127.0.0.1:41234/',
  'http://evil.example/',
  'http://api.tosspayments.com/',
  'https://user:pw@pay.toss.im/',
  'https://js.tosspayments.com@evil.example/',
  'smb://evil.example/share',
  'ms-settings:',
  'intent://pay#Intent;scheme=ispmobile;end',
];

describe('the register page never leaves our origin', () => {
  it.each([
    ...NOWHERE,
    'https://js.tosspayments.com/v2/standard',
    'https://evil.example/',
    'http://127.0.0.1:5191/',
    'http://localhost:5190/',
    'app://pos/',
    'about:blank',
  ])('refuses %j', (url) => {
    expect(mayNavigateMainWindow(url, LIVE)).toBe(false);
    expect(mayNavigate({ url, isMainFrame: true, inOwnPage: true }, LIVE)).toBe(false);
  });

  it.each(['http://127.0.0.1:5190/', 'http://127.0.0.1:5190/index.html?x=1#y'])(
    'allows a reload of our page %s',
    (url) => {
      expect(mayNavigate({ url, isMainFrame: true, inOwnPage: true }, LIVE)).toBe(true);
    },
  );
});

describe('frames inside the payment window and card-company popups may move through https pages', () => {
  const cardCompanySteps = [
    'https://pay.toss.im/checkout',
    'https://payment-gateway.tosspayments.com/window',
    'https://api.tosspayments.com/proxy/pages/load',
    'https://ansimclick.hyundaicard.com/auth',
    'https://mpi.vpay.co.kr/isp',
    'https://www.shinhancard.com/pconts/html/main.html',
    'about:blank',
    'about:srcdoc',
  ];

  it.each(cardCompanySteps)('lets a payment frame load %s', (url) => {
    expect(mayNavigate({ url, isMainFrame: false, inOwnPage: true }, LIVE)).toBe(true);
    expect(mayNavigate({ url, isMainFrame: true, inOwnPage: false }, LIVE)).toBe(true);
  });

  it.each(NOWHERE)('refuses %j in any frame and any popup', (url) => {
    expect(mayNavigatePaymentContent(url, LIVE)).toBe(false);
    expect(mayNavigate({ url, isMainFrame: false, inOwnPage: true }, LIVE)).toBe(false);
    expect(mayNavigate({ url, isMainFrame: true, inOwnPage: false }, LIVE)).toBe(false);
  });

  it('lets plain http through only for the training simulator’s own origin', () => {
    expect(mayNavigatePaymentContent('http://127.0.0.1:41234/proxy/pages/load', TRAINING)).toBe(true);
    expect(mayNavigatePaymentContent('http://127.0.0.1:41234/proxy/pages/load', LIVE)).toBe(false);
    expect(mayNavigatePaymentContent('http://127.0.0.1:41235/', TRAINING)).toBe(false);
    expect(mayNavigatePaymentContent('http://localhost:41234/', TRAINING)).toBe(false);
  });
});

describe('window.open', () => {
  it.each([
    ['https://dashboard.tosspayments.com/receipt/redirection?transactionId=x', LIVE],
    ['https://dashboard.tosspayments.com/sales-slip?transactionId=x', LIVE],
    ['http://127.0.0.1:41234/receipt/tsim_abc', TRAINING],
  ])('sends Toss’s receipt %s to the system browser', (url, policy) => {
    expect(windowOpenDecision(url, policy)).toBe('system-browser');
  });

  it.each([
    'https://ansimclick.hyundaicard.com/auth',
    'https://pay.toss.im/popup',
    'about:blank',
    'https://evil.example/receipt/x',
  ])('opens %s in a guarded child window, not the system browser', (url) => {
    expect(windowOpenDecision(url, LIVE)).toBe('child-window');
  });

  it.each(NOWHERE)('refuses %j', (url) => {
    expect(windowOpenDecision(url, LIVE)).toBe('deny');
  });
});

/**
 * The Electron wiring with stand-ins for `app`, `shell` and web contents (Electron objects passed
 * in, the way Signal keeps services testable): every web contents, popups included, is guarded.
 */
describe('guardAllWebContents', () => {
  class FakeContents extends EventEmitter {
    windowOpenHandler:
      | ((details: { url: string }) => {
          action: string;
          overrideBrowserWindowOptions?: { webPreferences?: Record<string, unknown> };
        })
      | null = null;
    setWindowOpenHandler(handler: FakeContents['windowOpenHandler']) {
      this.windowOpenHandler = handler;
    }
    /** Fires a navigation event the way Electron 45 does; true when it went ahead. */
    navigate(
      event: 'will-navigate' | 'will-frame-navigate' | 'will-redirect',
      url: string,
      isMainFrame: boolean,
    ): boolean {
      let prevented = false;
      this.emit(event, { url, isMainFrame, preventDefault: () => (prevented = true) });
      return !prevented;
    }
  }

  function setup() {
    const app = new EventEmitter();
    const opened: string[] = [];
    const refused: string[] = [];
    const shell = { openExternal: async (url: string) => void opened.push(url) } as unknown as Shell;
    let register: FakeContents | null = null;
    guardAllWebContents(app as unknown as App, shell, {
      policy: TRAINING,
      isOwnPage: (contents) => contents === (register as unknown as WebContents),
      onRefused: (what, url) => refused.push(`${what} ${url}`),
    });
    const create = () => {
      const contents = new FakeContents();
      app.emit('web-contents-created', {}, contents);
      return contents;
    };
    register = create();
    return { register, create, opened, refused };
  }

  it('keeps the register page on our origin through navigations and redirects alike', () => {
    const { register, refused } = setup();
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect'] as const) {
      expect(register.navigate(event, 'https://evil.example/', true), event).toBe(false);
      expect(register.navigate(event, 'http://127.0.0.1:5190/', true), event).toBe(true);
    }
    expect(refused).toEqual([
      'navigation https://evil.example/',
      'frame navigation https://evil.example/',
      'redirect https://evil.example/',
    ]);
  });

  it('lets the payment window’s frames reach a card company’s page, but never a local file', () => {
    const { register } = setup();
    expect(register.navigate('will-frame-navigate', 'https://ansimclick.hyundaicard.com/auth', false)).toBe(true);
    expect(register.navigate('will-redirect', 'https://mpi.vpay.co.kr/isp', false)).toBe(true);
    expect(register.navigate('will-frame-navigate', 'file:///etc/passwd', false)).toBe(false);
  });

  it('guards a popup created later as its own kind of window', () => {
    const { create } = setup();
    const popup = create();
    expect(popup.navigate('will-navigate', 'https://ansimclick.hyundaicard.com/auth', true)).toBe(true);
    expect(popup.navigate('will-navigate', 'file:///etc/passwd', true)).toBe(false);
    expect(popup.windowOpenHandler?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });
  });

  it('opens receipts in the system browser and card-company popups as locked-down child windows', () => {
    const { register, opened, refused } = setup();
    expect(register.windowOpenHandler?.({ url: 'http://127.0.0.1:41234/receipt/tsim_1' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['http://127.0.0.1:41234/receipt/tsim_1']);
    const child = register.windowOpenHandler?.({ url: 'https://ansimclick.hyundaicard.com/auth' });
    expect(child?.action).toBe('allow');
    expect(child?.overrideBrowserWindowOptions?.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(register.windowOpenHandler?.({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(refused).toEqual(['window file:///etc/passwd']);
  });

  it('refuses every <webview>', () => {
    const { register } = setup();
    let prevented = false;
    register.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});
