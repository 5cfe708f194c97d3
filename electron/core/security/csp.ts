import { paymentOrigins } from './toss-origins';

/**
 * The page may load code only from itself and the Toss SDK origin, frame only the payment window,
 * and talk only to itself (the browser host's IPC) and the payment origin.
 */
export function contentSecurityPolicy(sdkSrc: string): string {
  const toss = paymentOrigins(sdkSrc).join(' ');
  return [
    "default-src 'none'",
    `script-src 'self' ${toss}`,
    "style-src 'self'",
    `img-src 'self' data: ${toss}`,
    "font-src 'self'",
    `connect-src 'self' ${toss}`,
    `frame-src ${toss}`,
    "form-action 'none'",
    "base-uri 'none'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
