import type { Order } from '../../../../shared/domain/order';
import type { ReceiptPage } from '../../../../shared/domain/receipt-print';
import { soldNames } from '../../i18n/sold-names';
import { useLocale } from '../../i18n/use-strings';
import { selectCatalog, useSession } from '../../session/session-store';
import { FormError } from '../../ui/FormError';
import { PaperReceipt } from './PaperReceipt';
import { PrintArea } from './PrintArea';
import { receiptModel, type PaperReceiptModel, type ReceiptSubject } from './receipt-model';
import { useReceiptStrings, type ReceiptStrings } from './receipt-strings';
import { usePrintKeys } from './use-print-keys';
import { useReceiptPrinting, type PrintStatus } from './use-receipt-printing';
import { useReceiptSetup, type ReceiptSetup } from './use-receipt-setup';
import './receipt-printing.css';

interface ReceiptPrintingProps {
  order: Order;
  subject: ReceiptSubject;
  /** Show the paper on screen too (reprinting from history), not only the buttons. */
  preview?: boolean;
  /** Buttons only, the advice in their tooltips (the sale's receipt screen, where room is short). */
  compact?: boolean;
}

function statusText(status: PrintStatus, text: ReceiptStrings): string | null {
  switch (status.state) {
    case 'idle':
    case 'error':
      return null;
    case 'printing':
      return text.printing;
    case 'saving':
      return text.savingPdf;
    case 'printed':
      switch (status.outcome.outcome) {
        case 'printed':
          return text.printed;
        case 'cancelled':
          return text.printCancelled;
        case 'failed':
          return text.printFailed(status.outcome.reason);
        case 'unavailable':
          return text.browserPdfHint;
      }
      break;
    case 'saved':
      switch (status.outcome.outcome) {
        case 'saved':
          return text.pdfSaved(status.outcome.path);
        case 'cancelled':
          return text.pdfCancelled;
        case 'failed':
          return text.pdfFailed(status.outcome.reason);
        case 'unavailable':
          return text.browserPdfHint;
      }
  }
}

function failed(status: PrintStatus): boolean {
  return (status.state === 'printed' || status.state === 'saved') && status.outcome.outcome === 'failed';
}

function Controls({
  setup,
  model,
  page,
  compact,
}: {
  setup: ReceiptSetup;
  model: PaperReceiptModel;
  page: ReceiptPage | null;
  compact: boolean;
}) {
  const text = useReceiptStrings();
  const printing = useReceiptPrinting(setup.printing, page, model.fileName);
  usePrintKeys(printing);
  const disabled = page === null || printing.busy;
  const message = statusText(printing.status, text);
  const advice = setup.printing === 'browser' ? text.browserPdfHint : setup.silent ? text.silentHint : null;
  return (
    <div className="receipt-printing" data-testid="receipt-printing" data-printing={setup.printing}>
      <div className="receipt-printing-buttons">
        <button
          type="button"
          className="button button-secondary"
          disabled={disabled}
          onClick={printing.print}
          title={advice === null ? 'Ctrl+P' : `Ctrl+P — ${advice}`}
          aria-keyshortcuts="Control+P"
          data-testid="receipt-print"
        >
          {printing.status.state === 'printing' && <span className="spinner" aria-hidden="true" />}
          {setup.printing === 'shell' ? text.print : text.printOrPdf}
        </button>
        {setup.printing === 'shell' && (
          <button
            type="button"
            className="button button-secondary"
            disabled={disabled}
            onClick={printing.savePdf}
            title="Ctrl+S"
            aria-keyshortcuts="Control+S"
            data-testid="receipt-save-pdf"
          >
            {printing.status.state === 'saving' && <span className="spinner" aria-hidden="true" />}
            {text.savePdf}
          </button>
        )}
      </div>
      {!compact && advice !== null && <p className="field-hint">{advice}</p>}
      {setup.store === null && (
        <p className="field-hint" data-testid="receipt-no-store">
          {text.noStoreHint}
        </p>
      )}
      {message !== null && (
        <p
          className={failed(printing.status) ? 'form-error' : 'receipt-printing-status'}
          role="status"
          data-testid="receipt-print-status"
        >
          {message}
        </p>
      )}
      <FormError
        error={printing.status.state === 'error' ? printing.status.error : null}
        testId="receipt-print-error"
      />
    </div>
  );
}

/** Printing a sale's or a refund's receipt on the shop's paper, and saving it as a PDF; Ctrl+P and Ctrl+S while it is shown. */
export function ReceiptPrinting({ order, subject, preview = false, compact = false }: ReceiptPrintingProps) {
  const text = useReceiptStrings();
  const locale = useLocale();
  const catalog = useSession(selectCatalog);
  const { setup, error, retry } = useReceiptSetup();

  if (error !== null) {
    return (
      <div className="receipt-printing" data-testid="receipt-printing">
        <p className="form-error" role="alert" data-testid="receipt-setup-error">
          {text.setupFailed}
        </p>
        <FormError error={error} />
        <button
          type="button"
          className="button button-plain button-small"
          onClick={retry}
          data-testid="receipt-setup-retry"
        >
          {text.retry}
        </button>
      </div>
    );
  }
  if (setup === null) {
    return (
      <div className="receipt-printing" data-testid="receipt-printing">
        <span className="spinner" role="status" aria-label={text.setupLoading} />
      </div>
    );
  }
  const names = soldNames(catalog, locale);
  const model = receiptModel({
    order,
    subject,
    store: setup.store,
    locale,
    paperWidth: setup.paperWidth,
    lineName: names.product,
    lineOptions: names.options,
  });
  return (
    <PrintArea model={model}>
      {(page) => (
        <>
          {preview && (
            // Focusable: a long receipt scrolls, and the keyboard must be able to scroll it.
            <div
              className="paper-preview"
              tabIndex={0}
              role="region"
              aria-label={model.title}
              data-testid="paper-preview"
            >
              <PaperReceipt model={model} testId="paper-receipt" />
            </div>
          )}
          <Controls setup={setup} model={model} page={page} compact={compact} />
        </>
      )}
    </PrintArea>
  );
}
