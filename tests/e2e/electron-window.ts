/** The register's own page: the app's origin at its root (loopback http or app://pos), never customer.html. */
export function isRegisterUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  return ['http:', 'app:'].includes(url.protocol) && ['/', '/index.html'].includes(url.pathname);
}

/**
 * The register's window among the app's windows. Not simply the first one: a splash shown while
 * the core opens, or the customer's screen on a second monitor, can be a window of its own.
 */
export async function registerWindow<P extends { url(): string }>(
  app: { windows(): P[] },
  timeoutMs = 30_000,
): Promise<P> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = app.windows().find((page) => isRegisterUrl(page.url()));
    if (found !== undefined) return found;
    if (Date.now() > deadline) {
      const seen = app.windows().map((page) => page.url() || '(blank)');
      throw new Error(`no register window after ${timeoutMs} ms; the app's windows: ${seen.join(', ') || 'none'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
