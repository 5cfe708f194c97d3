import { useRef, useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { PdfOutcome, PrintOutcome, Printing, ReceiptPage } from '../../../../shared/domain/receipt-print';
import { call, toPosError } from '../../lib/ipc';

/** Where a print or a PDF stands, for the buttons and the line under them. */
export type PrintStatus =
  | { state: 'idle' }
  | { state: 'printing' }
  | { state: 'saving' }
  | { state: 'printed'; outcome: PrintOutcome }
  | { state: 'saved'; outcome: PdfOutcome }
  | { state: 'error'; error: PosErrorData };

export interface ReceiptPrinting {
  status: PrintStatus;
  busy: boolean;
  print(): void;
  savePdf(): void;
}

/**
 * Printing the receipt the print area shows: the desktop app prints it itself (printer and silence
 * from Settings, the PDF where the person chooses); in a browser the browser's print dialog does
 * both, its "Save as PDF" destination being the PDF.
 */
export function useReceiptPrinting(
  printing: Printing | null,
  page: ReceiptPage | null,
  fileName: string,
): ReceiptPrinting {
  const [status, setStatus] = useState<PrintStatus>({ state: 'idle' });
  // A second press while the first is under way (a held Ctrl+P) does nothing.
  const running = useRef(false);
  const ready = printing !== null && page !== null;

  async function run(kind: 'print' | 'pdf'): Promise<void> {
    if (!ready || running.current) return;
    if (printing === 'browser') {
      setStatus({ state: 'idle' });
      window.print();
      return;
    }
    running.current = true;
    setStatus({ state: kind === 'print' ? 'printing' : 'saving' });
    try {
      if (kind === 'print') setStatus({ state: 'printed', outcome: await call('receipt:print', { page }) });
      else setStatus({ state: 'saved', outcome: await call('receipt:save-pdf', { page, fileName }) });
    } catch (error) {
      setStatus({ state: 'error', error: toPosError(error) });
    } finally {
      running.current = false;
    }
  }

  return {
    status,
    busy: status.state === 'printing' || status.state === 'saving',
    print: () => void run('print'),
    savePdf: () => void run('pdf'),
  };
}
