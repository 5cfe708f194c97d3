import { parseUntrustedUrl } from './app-url';

/** Toss's own hosts: its script, its payment window and the pages it opens (card company steps). */
const TOSS_HOST = /(^|\.)tosspayments\.com$/;

/** The origins the payment window may come from: Toss's, plus the configured SDK (the simulator). */
export function paymentOrigins(sdkSrc: string): string[] {
  const sdkOrigin = new URL(sdkSrc).origin;
  return sdkOrigin === 'https://js.tosspayments.com' ? ['https://*.tosspayments.com'] : [sdkOrigin];
}

/** Navigation and new windows are allowed only to Toss (https) or to the configured payment origin. */
export function isAllowedExternalUrl(target: string, sdkSrc: string): boolean {
  const url = parseUntrustedUrl(target);
  if (url === null) return false;
  if (url.protocol === 'https:' && TOSS_HOST.test(url.hostname)) return true;
  return url.origin === new URL(sdkSrc).origin;
}
