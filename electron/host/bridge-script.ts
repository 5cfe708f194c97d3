import { unknownChannelResult } from '../../shared/ipc/unknown-channel';

export const IPC_PATH = '/__pos/ipc';
export const TOKEN_HEADER = 'x-pos-token';

/** Which page gets which bridge: the register all channels, the customer screen the display's only, the bar's screen its own. */
export const BRIDGE_PATHS = {
  register: '/__pos/bridge.js',
  display: '/__pos/display-bridge.js',
  bar: '/__pos/bar-bridge.js',
} as const;

/**
 * The browser host's stand-in for the Electron preload: the same `window.pos`, built from the same
 * contract, carried over loopback HTTP. The per-run token is read from the page the host served,
 * which no other origin can read.
 */
export function bridgeScript(channels: readonly string[]): string {
  return `(() => {
  const channels = new Set(${JSON.stringify(channels)});
  const refused = ${JSON.stringify(unknownChannelResult)};
  const token = document.querySelector('meta[name="pos-token"]')?.getAttribute('content') ?? '';
  async function invoke(channel, input) {
    if (!channels.has(channel)) return refused;
    const response = await fetch(${JSON.stringify(IPC_PATH)}, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ${JSON.stringify(TOKEN_HEADER)}: token },
      body: JSON.stringify({ channel, input }),
      credentials: 'omit',
      cache: 'no-store',
    });
    return response.json();
  }
  Object.defineProperty(window, 'pos', { value: Object.freeze({ invoke }), enumerable: true });
})();
`;
}

/** Puts the token and the bridge in the page head, before the app's own module script runs. */
export function injectBridge(html: string, token: string, bridgePath: string): string {
  const tags = `<meta name="pos-token" content="${token}"><script src="${bridgePath}"></script>`;
  return html.replace(/<head>/i, `<head>${tags}`);
}
