import type { IpcMain, WebFrameMain } from 'electron';
import { PosError } from '../../shared/domain/errors';
import { channels } from '../../shared/ipc/contract';
import type { Dispatch } from '../core/ipc/dispatcher';
import { isAppUrl } from '../core/security/app-url';

/** Our top-level page only: not a Toss iframe, not a page we were navigated away to. */
function isTrustedFrame(frame: WebFrameMain | null, appOrigin: string): boolean {
  return frame !== null && frame.parent === null && isAppUrl(frame.url, appOrigin);
}

/** One `ipcMain.handle` per contract channel, each guarded by the sender check, then the shared dispatcher. */
export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, appOrigin: string): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedFrame(event.senderFrame, appOrigin)) {
        return { ok: false, error: new PosError('FORBIDDEN', 'untrusted sender').toData() };
      }
      return dispatch(channel, input);
    });
  }
}
