import { hasOrigin, parseUntrustedUrl } from './app-url';

/** Toss's own hosts: its script, its payment window and the pages that window moves through. */
const TOSS_HOST = /(^|\.)(tosspayments\.com|toss\.im)$/;
const TOSS_SCRIPT_ORIGIN = 'https://js.tosspayments.com';
const TOSS_HOST_SOURCES = ['https://*.tosspayments.com', 'https://*.toss.im'];

/**
 * Where the payment script comes from and which hosts its window uses: Toss's, or, when the SDK
 * is served from elsewhere (the training simulator), that one origin and nothing of Toss's.
 */
export function paymentSources(sdkSrc: string): { script: string; hosts: string[] } {
  const origin = new URL(sdkSrc).origin;
  return origin === TOSS_SCRIPT_ORIGIN
    ? { script: TOSS_SCRIPT_ORIGIN, hosts: TOSS_HOST_SOURCES }
    : { script: origin, hosts: [origin] };
}

/** A URL on one of Toss's hosts over https, or on the configured SDK's origin (the simulator). */
export function isPaymentUrl(target: string, sdkSrc: string): boolean {
  const url = parseUntrustedUrl(target);
  if (url === null) return false;
  if (url.protocol === 'https:' && TOSS_HOST.test(url.hostname)) return true;
  return hasOrigin(url, new URL(sdkSrc).origin);
}
