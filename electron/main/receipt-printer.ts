import { join } from 'node:path';
import type { SaveDialogOptions, SaveDialogReturnValue, WebContents } from 'electron';
import type { ReceiptPrinter } from '../core/shop/receipt/receipt-printer';

/** Electron's pieces the printer uses: the register window's contents (null before it opens), the save dialog, the disk. */
export interface ElectronPrinterDeps {
  contents: () => Pick<WebContents, 'print' | 'printToPDF' | 'getPrintersAsync'> | null;
  showSaveDialog: (options: SaveDialogOptions) => Promise<SaveDialogReturnValue>;
  /** Where the save dialog opens: the user's documents folder. */
  documentsDir: () => string;
  writeFile: (path: string, data: Uint8Array) => Promise<void>;
}

const MICRONS_PER_MM = 1_000;

/** Electron says "cancelled" (or "Print job canceled") when the person closed the print dialog. */
function wasCancelled(reason: string): boolean {
  return /cancel/i.test(reason);
}

function reasonOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 300);
}

/**
 * The shell's printer: the register's own page, printed in print media (only the receipt shows),
 * through webContents.print to the chosen printer, or rendered by printToPDF and written where the
 * person chose in the save dialog.
 */
export function electronReceiptPrinter(deps: ElectronPrinterDeps): ReceiptPrinter {
  const contentsOrThrow = () => {
    const contents = deps.contents();
    if (contents === null) throw new Error('the register window is not open');
    return contents;
  };
  return {
    async printers() {
      const contents = deps.contents();
      if (contents === null) return [];
      return (await contents.getPrintersAsync()).map((printer) => ({
        name: printer.name.slice(0, 200),
        displayName: (printer.displayName || printer.name).slice(0, 200),
      }));
    },
    print(job) {
      return new Promise((resolve) => {
        try {
          contentsOrThrow().print(
            {
              silent: job.silent,
              ...(job.printer === null ? {} : { deviceName: job.printer }),
              printBackground: true,
              margins: { marginType: 'none' },
              pageSize: { width: job.page.widthMm * MICRONS_PER_MM, height: job.page.heightMm * MICRONS_PER_MM },
            },
            (success, failureReason) => {
              if (success) resolve({ outcome: 'printed' });
              else if (wasCancelled(failureReason)) resolve({ outcome: 'cancelled' });
              else resolve({ outcome: 'failed', reason: failureReason.slice(0, 300) || 'the printer refused the job' });
            },
          );
        } catch (error) {
          resolve({ outcome: 'failed', reason: reasonOf(error) });
        }
      });
    },
    async savePdf(job) {
      try {
        // Rendered before the dialog opens: the file holds the receipt as it was when asked for.
        const pdf = await contentsOrThrow().printToPDF({
          preferCSSPageSize: true,
          printBackground: true,
          margins: { top: 0, bottom: 0, left: 0, right: 0 },
        });
        const chosen = await deps.showSaveDialog({
          title: job.dialogTitle,
          defaultPath: join(deps.documentsDir(), job.fileName),
          filters: [{ name: 'PDF', extensions: ['pdf'] }],
        });
        if (chosen.canceled || chosen.filePath === undefined || chosen.filePath === '') return { outcome: 'cancelled' };
        await deps.writeFile(chosen.filePath, pdf);
        return { outcome: 'saved', path: chosen.filePath.slice(-1_000) };
      } catch (error) {
        return { outcome: 'failed', reason: reasonOf(error) };
      }
    },
  };
}
