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
 * True when a URL (an IPC sender frame, a navigation target) is our own page: the exact app origin, parsed with a real
 * URL parser (no prefix or substring tricks). Anything unparsable is untrusted.
 */
export function isAppUrl(senderUrl: string | null | undefined, appOrigin: string): boolean {
  if (typeof senderUrl !== 'string' || senderUrl === '') return false;
  let url: URL;
  try {
    url = new URL(senderUrl);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  return originOf(url) === appOrigin;
}
