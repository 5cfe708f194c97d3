import { isAppUrl, parseUntrustedUrl } from './app-url';
import { isPaymentUrl } from './toss-origins';

/**
 * Where each kind of web content may go. Pure functions over URLs, so the rules are tested with
 * tables of hostile inputs; the Electron shell only attaches them to events.
 */
export interface NavigationPolicy {
  /** Our page's origin (`http://127.0.0.1:<port>` or `app://pos`). */
  appOrigin: string;
  /** The payment script's URL: Toss's, or the training simulator's. */
  sdkSrc: () => string;
}

const BLANK = new Set(['about:blank', 'about:srcdoc']);

/** The register page itself never leaves our origin: not by a link, a script, or a redirect. */
export function mayNavigateMainWindow(target: string, policy: NavigationPolicy): boolean {
  return isAppUrl(target, policy.appOrigin);
}

/**
 * Frames inside the payment window, and card-company popups, move through Toss's, card
 * companies' and easy-pay pages we cannot list: any https page may load there (our page's CSP
 * still bounds what it frames itself). Local files, script URLs, data and browser-internal
 * pages never do; plain http only for the training simulator.
 */
export function mayNavigatePaymentContent(target: string, policy: NavigationPolicy): boolean {
  if (BLANK.has(target)) return true;
  const url = parseUntrustedUrl(target);
  if (url === null) return false;
  return url.protocol === 'https:' || isPaymentUrl(target, policy.sdkSrc());
}

export type WindowOpenDecision = 'deny' | 'system-browser' | 'child-window';

/** Which of our web contents is navigating: one of our own pages (register, customer screen), or a popup Toss's window opened. */
export interface NavigationAttempt {
  url: string;
  isMainFrame: boolean;
  inOwnPage: boolean;
}

/** The one decision every navigation event (`will-navigate`, `will-frame-navigate`, `will-redirect`) asks. */
export function mayNavigate(attempt: NavigationAttempt, policy: NavigationPolicy): boolean {
  return attempt.isMainFrame && attempt.inOwnPage
    ? mayNavigateMainWindow(attempt.url, policy)
    : mayNavigatePaymentContent(attempt.url, policy);
}

/** Toss's receipt pages: the customer's record, shown in the system browser, not inside the till. */
function isReceipt(url: URL): boolean {
  return url.hostname === 'dashboard.tosspayments.com' || /^\/receipt(\/|$)/.test(url.pathname);
}

/**
 * `window.open` (and target=_blank) from any of our web contents: a Toss receipt opens in the
 * system browser; an https page (a card company's step, or a blank window a form then posts
 * into) opens in a guarded child window whose own navigation these rules keep bounding;
 * anything else is refused.
 */
export function windowOpenDecision(target: string, policy: NavigationPolicy): WindowOpenDecision {
  if (BLANK.has(target)) return 'child-window';
  const url = parseUntrustedUrl(target);
  if (url === null) return 'deny';
  if (isPaymentUrl(target, policy.sdkSrc()) && isReceipt(url)) return 'system-browser';
  return mayNavigatePaymentContent(target, policy) ? 'child-window' : 'deny';
}
