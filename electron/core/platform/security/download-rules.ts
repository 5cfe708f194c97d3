import { hasOrigin, parseUntrustedUrl } from './app-url';

/**
 * A download the shell lets through: only a file our own page made itself (the history and
 * coupon CSV exports hand a `blob:` of our origin to the browser's download). Anything a link,
 * a redirect, a Toss or card-company page, or a popup would download is refused: the till never
 * saves what the web hands it.
 */
export function mayDownload(target: string, appOrigin: string): boolean {
  const url = parseUntrustedUrl(target);
  if (url === null || url.protocol !== 'blob:') return false;
  // A blob: URL carries the origin of the page that made it (`blob:app://pos/<uuid>`).
  return hasOrigin(parseUntrustedUrl(url.pathname), appOrigin);
}
