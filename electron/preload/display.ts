import { contextBridge, ipcRenderer } from 'electron';
import type { PosApi } from '../../shared/ipc/result';
import { unknownChannelResult } from '../../shared/ipc/unknown-channel';
import { APP_ORIGIN_ARG } from '../main/app-origin';

/** The display's channel names, written in at build time: the customer screen can only read. */
declare const __POS_DISPLAY_CHANNELS__: readonly string[];
declare const location: { origin: string };

const allowed = new Set<string>(__POS_DISPLAY_CHANNELS__);

const pos: PosApi = {
  invoke: (channel, input) => (allowed.has(channel) ? ipcRenderer.invoke(channel, input) : Promise.resolve(unknownChannelResult)),
};

const appOrigin = process.argv.find((arg) => arg.startsWith(APP_ORIGIN_ARG))?.slice(APP_ORIGIN_ARG.length);
if (appOrigin !== undefined && location.origin === appOrigin) contextBridge.exposeInMainWorld('pos', pos);
