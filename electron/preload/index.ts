import { contextBridge, ipcRenderer } from 'electron';
import { channels } from '../../shared/ipc/contract';
import { unknownChannelResult, type PosApi } from '../../shared/ipc/result';
import { APP_ORIGIN_ARG } from '../main/app-origin';

declare const location: { origin: string };

// The renderer gets one object, `window.pos`, and can reach only the contract's channels.
const allowed = new Set<string>(channels);

const pos: PosApi = {
  invoke: (channel, input) => (allowed.has(channel) ? ipcRenderer.invoke(channel, input) : Promise.resolve(unknownChannelResult)),
};

// Popups inherit the preload; only our own page gets the bridge (main checks every sender too).
const appOrigin = process.argv.find((arg) => arg.startsWith(APP_ORIGIN_ARG))?.slice(APP_ORIGIN_ARG.length);
if (appOrigin !== undefined && location.origin === appOrigin) contextBridge.exposeInMainWorld('pos', pos);
