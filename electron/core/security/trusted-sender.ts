/**
 * True when an IPC message comes from our own page: the exact app origin, parsed with a real
 * URL parser (no prefix or substring tricks). Anything unparsable is untrusted.
 */
export function isTrustedSenderUrl(senderUrl: string | null | undefined, appOrigin: string): boolean {
  if (typeof senderUrl !== 'string' || senderUrl === '') return false;
  let url: URL;
  try {
    url = new URL(senderUrl);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  return url.origin !== 'null' && url.origin === appOrigin;
}
