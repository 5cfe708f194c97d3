import type { PdfOutcome, PrinterInfo, PrintOutcome, ReceiptPage } from '../../../../shared/domain/receipt-print';

/** One print of the receipt the page shows now. */
export interface PrintJob {
  page: ReceiptPage;
  /** No print dialog: straight to `printer`. */
  silent: boolean;
  /** The printer as the OS names it; null for the system's default. */
  printer: string | null;
}

/** One PDF of the receipt the page shows now, kept where the person at the register chooses. */
export interface PdfJob {
  page: ReceiptPage;
  fileName: string;
  /** The save dialog's title, in the register's language. */
  dialogTitle: string;
}

/**
 * What a shell that can print the register's page offers the core (the Electron shell's
 * webContents printing and save dialog). The core never knows how; the browser host has none,
 * and its page prints through the browser's own dialog.
 */
export interface ReceiptPrinter {
  printers(): Promise<PrinterInfo[]>;
  print(job: PrintJob): Promise<Exclude<PrintOutcome, { outcome: 'unavailable' }>>;
  savePdf(job: PdfJob): Promise<Exclude<PdfOutcome, { outcome: 'unavailable' }>>;
}
