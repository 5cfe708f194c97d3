/**
 * Unit tests never reach the internet: any fetch to a host other than this machine fails at
 * once, as a refused connection would, so a code path that would call real Toss shows up as a
 * network error in the test instead of a request leaving the machine.
 */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);
const realFetch = globalThis.fetch;

globalThis.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input));
  if (!LOOPBACK.has(url.hostname))
    return Promise.reject(new TypeError(`fetch failed: tests may not reach ${url.host}`));
  return realFetch(input, init);
};
