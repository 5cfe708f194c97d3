import { useEffect, useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { TicketSettings } from '../../../../shared/domain/order-ticket';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { toPosError } from '../../lib/ipc';
import { useAction } from '../../lib/use-action';
import { callAsManager } from '../staff';

export type TicketSettingsView = ChannelOutput<'ticket:settings'>;
export type PrinterList = ChannelOutput<'receipt:printers'>['printers'];

/** The order ticket's settings and this computer's printers, and their save (a manager's). */
export function useTicketSettings() {
  const [view, setView] = useState<TicketSettingsView | null>(null);
  const [printers, setPrinters] = useState<PrinterList>([]);
  const [loadError, setLoadError] = useState<PosErrorData | null>(null);
  const { busy, error, run } = useAction();

  useEffect(() => {
    let current = true;
    Promise.all([callAsManager('ticket:settings', {}), callAsManager('receipt:printers', {})]).then(
      ([settings, list]) => {
        if (!current) return;
        setView(settings);
        setPrinters(list.printers);
      },
      (failure: unknown) => current && setLoadError(toPosError(failure)),
    );
    return () => {
      current = false;
    };
  }, []);

  function save(settings: TicketSettings, done: () => void): void {
    run(
      () => callAsManager('ticket:save-settings', settings),
      (next) => {
        setView(next);
        done();
      },
    );
  }

  return { view, printers, loadError, busy, error, save };
}
