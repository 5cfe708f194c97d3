const KEYWORD = /^[a-z][a-z-]{0,39}$/;
const MAX = 300;

/**
 * What a log line may say of a URL: its scheme, host and path, never its query, fragment or
 * credentials (a payment page's query could hold card data), and never a `data:` or script
 * body. CSP reports' keywords (`inline`, `eval`) pass as they are.
 */
export function loggableUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return KEYWORD.test(text) ? text : '(not a URL)';
  }
  if (url.protocol === 'blob:') return `blob:${loggableUrl(url.pathname)}`;
  if (url.host === '') return url.protocol === 'about:' ? `about:${url.pathname}`.slice(0, MAX) : url.protocol;
  return `${url.protocol}//${url.host}${url.pathname}`.slice(0, MAX);
}
