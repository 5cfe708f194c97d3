import { contextBridge, ipcRenderer } from 'electron';
import { channels } from '../../shared/ipc/contract';
import { unknownChannelResult, type PosApi } from '../../shared/ipc/result';

// The renderer gets one object, `window.pos`, and can reach only the contract's channels.
const allowed = new Set<string>(channels);

const pos: PosApi = {
  invoke: (channel, input) => (allowed.has(channel) ? ipcRenderer.invoke(channel, input) : Promise.resolve(unknownChannelResult)),
};

contextBridge.exposeInMainWorld('pos', pos);
