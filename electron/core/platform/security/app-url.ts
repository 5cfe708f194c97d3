/**
 * The origin of a URL as Chromium sees it. Node's URL gives custom schemes an opaque ("null")
 * origin even when Electron registered them as standard, so for those the origin is rebuilt
 * from scheme and host. A URL with no host (data:, javascript:, file:) has no origin.
 */
export function originOf(url: URL): string | null {
  if (url.origin !== 'null') return url.origin;
  return url.host === '' ? null : `${url.protocol}//${url.host}`;
}

/**
 * A URL to judge, parsed with a real URL parser (no prefix or substring tricks); null when it is
 * not a URL or carries credentials (`https://toss@evil.example` style disguises).
 */
export function parseUntrustedUrl(text: string | null | undefined): URL | null {
  if (typeof text !== 'string' || text === '') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  return url.username === '' && url.password === '' ? url : null;
}

/**
 * True when a URL (an IPC sender frame, a navigation target) is our own page: the exact app
 * origin, by scheme and host as written, so a `blob:` or `filesystem:` URL that merely inherits
 * our origin does not count.
 */
export function isAppUrl(text: string | null | undefined, appOrigin: string): boolean {
  return hasOrigin(parseUntrustedUrl(text), appOrigin);
}

/**
 * Which of our pages sent an IPC message: the register (every channel), the customer screen
 * (reading channels only), the bar's screen (its own channels only), or neither (a Toss frame, a
 * page we were navigated to, no frame).
 */
export function senderScope(
  frame: { url: string; isTopFrame: boolean } | null,
  appOrigin: string,
  customerPage: string,
  barPage?: string,
): 'register' | 'display' | 'bar' | null {
  if (frame === null || !frame.isTopFrame) return null;
  const url = parseUntrustedUrl(frame.url);
  if (!hasOrigin(url, appOrigin) || url === null) return null;
  if (url.pathname === customerPage) return 'display';
  return url.pathname === barPage ? 'bar' : 'register';
}

/** The URL's own scheme and host (never an inner URL's) equal `origin`. */
export function hasOrigin(url: URL | null, origin: string): boolean {
  return url !== null && url.host !== '' && `${url.protocol}//${url.host}` === origin;
}
