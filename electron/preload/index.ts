import { contextBridge, ipcRenderer } from 'electron';
import type { PosApi } from '../../shared/ipc/result';
import { unknownChannelResult } from '../../shared/ipc/unknown-channel';
import { APP_ORIGIN_ARG } from '../main/app-origin';

/** The contract's channel names, written in at build time (electron.vite.config.ts): no zod in the preload. */
declare const __POS_CHANNELS__: readonly string[];
declare const location: { origin: string };

// The renderer gets one object, `window.pos`, and can reach only the contract's channels.
const allowed = new Set<string>(__POS_CHANNELS__);

const pos: PosApi = {
  invoke: (channel, input) =>
    allowed.has(channel) ? ipcRenderer.invoke(channel, input) : Promise.resolve(unknownChannelResult),
};

// Popups inherit the preload; only our own page gets the bridge (main checks every sender too).
const appOrigin = process.argv.find((arg) => arg.startsWith(APP_ORIGIN_ARG))?.slice(APP_ORIGIN_ARG.length);
if (appOrigin !== undefined && location.origin === appOrigin) contextBridge.exposeInMainWorld('pos', pos);
