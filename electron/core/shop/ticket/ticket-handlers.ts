import type { ticketChannels } from '../../../../shared/ipc/channels/ticket';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import { seoulIso } from '../../../../shared/domain/time';
import type { OrderCalls } from '../bar/order-calls';
import type { ReceiptPrinter } from '../receipt/receipt-printer';
import type { SettingsFile } from '../settings/settings-file';

/**
 * The order ticket: printed by the shell's printer to the ticket printer when there is a shell;
 * without one (the browser host) the page prints it through the browser's dialog.
 */
export function ticketHandlers(deps: {
  settings: SettingsFile;
  printer: ReceiptPrinter | null;
  calls: OrderCalls;
  now: () => Date;
}): DomainHandlers<typeof ticketChannels> {
  const { settings, printer } = deps;
  const printing = printer === null ? 'browser' : 'shell';
  const view = () => ({ ...settings.ticketSettings(), printing }) as const;
  return {
    'ticket:setup': async () => {
      const { enabled, paperWidth } = settings.ticketSettings().settings;
      return { enabled, paperWidth, printing };
    },
    'ticket:order': ({ orderId }) => deps.calls.ticketOf(orderId),
    'ticket:print': async ({ page }) => {
      if (printer === null) return { outcome: 'unavailable' };
      const chosen = settings.ticketSettings().settings.printer;
      // Straight to the ticket printer once one is chosen; to the default one through the dialog otherwise.
      return printer.print({ page, silent: chosen !== null, printer: chosen });
    },
    'ticket:settings': async () => view(),
    'ticket:save-settings': async (input, { manager }) => {
      await settings.saveTicket(input, { by: manager.name, at: seoulIso(deps.now()) });
      return view();
    },
  };
}
