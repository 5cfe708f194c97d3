import { contextBridge, ipcRenderer } from 'electron';

/**
 * The bar screen's preload: `window.pos` reaching the bar's channels only (the orders being made,
 * calling one ready). Like the customer screen's, it imports nothing but electron (a sandboxed
 * preload cannot require(), and a shared module would become a chunk both require), so the two
 * constants below mirror `APP_ORIGIN_ARG` and `unknownChannelResult`; the build test holds them equal.
 */
declare const __POS_BAR_CHANNELS__: readonly string[];
declare const location: { origin: string };

const APP_ORIGIN_ARG = '--pos-app-origin=';
const refused = { ok: false, error: { code: 'FORBIDDEN', message: 'unknown channel', retryable: false } };
const allowed = new Set<string>(__POS_BAR_CHANNELS__);

const pos = {
  invoke: (channel: string, input: unknown): Promise<unknown> =>
    allowed.has(channel) ? ipcRenderer.invoke(channel, input) : Promise.resolve(refused),
};

const appOrigin = process.argv.find((arg) => arg.startsWith(APP_ORIGIN_ARG))?.slice(APP_ORIGIN_ARG.length);
if (appOrigin !== undefined && location.origin === appOrigin) contextBridge.exposeInMainWorld('pos', pos);
