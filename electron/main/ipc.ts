import type { IpcMain, WebFrameMain } from 'electron';
import { PosError } from '../../shared/domain/errors';
import { channels, contract } from '../../shared/ipc/contract';
import { CUSTOMER_PAGE } from '../../shared/ipc/pages';
import type { Dispatch } from '../core/app/ipc/dispatcher';
import { senderScope } from '../core/platform/security/app-url';

function refused(): unknown {
  return { ok: false, error: new PosError('FORBIDDEN', 'untrusted sender').toData() };
}

/**
 * One `ipcMain.handle` per contract channel, each guarded by the sender check (our own top-level
 * page; the customer screen reaches reading channels only), then the shared dispatcher.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, appOrigin: string): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      const frame: WebFrameMain | null = event.senderFrame;
      const scope = senderScope(
        frame === null ? null : { url: frame.url, isTopFrame: frame.parent === null },
        appOrigin,
        CUSTOMER_PAGE,
      );
      if (scope === null || (scope === 'display' && contract[channel].role !== 'display')) return refused();
      return dispatch(channel, input);
    });
  }
}
