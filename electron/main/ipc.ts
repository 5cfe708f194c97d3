import type { IpcMain, WebFrameMain } from 'electron';
import { PosError } from '../../shared/domain/errors';
import { channels, contract } from '../../shared/ipc/contract';
import { BAR_PAGE, CUSTOMER_PAGE } from '../../shared/ipc/pages';
import type { Dispatch } from '../core/app/ipc/dispatcher';
import { senderScope } from '../core/platform/security/app-url';

function refused(): unknown {
  return { ok: false, error: new PosError('FORBIDDEN', 'untrusted sender').toData() };
}

/**
 * One `ipcMain.handle` per contract channel, each guarded by the sender check (our own top-level
 * page; the customer screen reaches reading channels only, the bar's screen its own), then the
 * shared dispatcher.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, appOrigin: string): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      const frame: WebFrameMain | null = event.senderFrame;
      const scope = senderScope(
        frame === null ? null : { url: frame.url, isTopFrame: frame.parent === null },
        appOrigin,
        CUSTOMER_PAGE,
        BAR_PAGE,
      );
      // The customer's and the bar's screens reach their own channels only (and the log's, which every page reaches).
      const role = contract[channel].role;
      if (scope === null || (scope !== 'register' && role !== scope && role !== 'page')) return refused();
      return dispatch(channel, input);
    });
  }
}
