import type { App, Shell, WebContents } from 'electron';
import { mayNavigate, windowOpenDecision, type NavigationPolicy } from '../core/platform/security/navigation-rules';

/** A navigation event as Electron 45 hands it over (`will-navigate`, `will-frame-navigate`, `will-redirect`). */
interface NavigationEvent {
  url: string;
  isMainFrame: boolean;
  preventDefault(): void;
}

/** What a child window may do: nothing of Node, isolated, sandboxed, never our preload's bridge. */
const CHILD_WEB_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
} as const;

export interface GuardOptions {
  policy: NavigationPolicy;
  /** True for our own pages' windows (the register, the customer screen); everything else is a popup. */
  isOwnPage(contents: WebContents): boolean;
  onRefused(what: string, url: string): void;
}

/**
 * Puts the navigation and window-open rules on one web contents: the register window and every
 * popup alike, every frame, every redirect.
 */
export function guardWebContents(
  contents: WebContents,
  shell: Pick<Shell, 'openExternal'>,
  options: GuardOptions,
): void {
  const check = (what: string) => (event: NavigationEvent) => {
    const allowed = mayNavigate(
      { url: event.url, isMainFrame: event.isMainFrame, inOwnPage: options.isOwnPage(contents) },
      options.policy,
    );
    if (allowed) return;
    event.preventDefault();
    options.onRefused(what, event.url);
  };
  contents.on('will-navigate', check('navigation'));
  contents.on('will-frame-navigate', check('frame navigation'));
  contents.on('will-redirect', check('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    options.onRefused('webview', '');
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url, options.policy);
    if (decision === 'child-window') {
      return {
        action: 'allow',
        overrideBrowserWindowOptions: { autoHideMenuBar: true, webPreferences: CHILD_WEB_PREFERENCES },
      };
    }
    if (decision === 'system-browser') void shell.openExternal(url);
    else options.onRefused('window', url);
    return { action: 'deny' };
  });
}

/** Every web contents the app ever creates, popups included, gets the guards the moment it exists. */
export function guardAllWebContents(
  app: Pick<App, 'on'>,
  shell: Pick<Shell, 'openExternal'>,
  options: GuardOptions,
): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, shell, options));
}
