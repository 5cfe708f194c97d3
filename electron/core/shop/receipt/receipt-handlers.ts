import type { receiptChannels } from '../../../../shared/ipc/channels/receipt';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { SettingsFile } from '../settings/settings-file';
import type { ReceiptPrinter } from './receipt-printer';

const PDF_DIALOG_TITLE = { ko: '영수증을 PDF로 저장', en: 'Save the receipt as PDF' } as const;

/** Printing goes through the shell's printer when it has one; without one (the browser host) the page prints itself. */
export function receiptHandlers(
  settings: SettingsFile,
  printer: ReceiptPrinter | null,
): DomainHandlers<typeof receiptChannels> {
  return {
    'receipt:setup': async () => {
      const { store, receipt } = settings.current;
      return {
        store,
        paperWidth: receipt.paperWidth,
        printing: printer === null ? 'browser' : 'shell',
        silent: printer !== null && receipt.silent,
      };
    },
    'receipt:print': async ({ page }) => {
      if (printer === null) return { outcome: 'unavailable' };
      const { silent, printer: name } = settings.receiptSettings();
      return printer.print({ page, silent, printer: name });
    },
    'receipt:save-pdf': async ({ page, fileName }) => {
      if (printer === null) return { outcome: 'unavailable' };
      return printer.savePdf({ page, fileName, dialogTitle: PDF_DIALOG_TITLE[settings.preferences().locale] });
    },
    'receipt:printers': async () => ({
      printing: printer === null ? 'browser' : 'shell',
      printers: printer === null ? [] : (await printer.printers()).slice(0, 100),
    }),
  };
}
