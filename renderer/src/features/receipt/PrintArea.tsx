import { useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { ReceiptPage } from '../../../../shared/domain/receipt-print';
import { PaperReceipt } from './PaperReceipt';
import type { PaperReceiptModel } from './receipt-model';
import { usePrintPage } from './use-print-page';
import './print-area.css';

/**
 * The receipt as it prints, straight under <body> so print CSS can show it alone; hidden from
 * screen readers (the screen shows the same receipt). Hands up the page it needs.
 */
export function PrintArea({
  model,
  children,
}: {
  model: PaperReceiptModel;
  children: (page: ReceiptPage | null) => ReactNode;
}) {
  const paper = useRef<HTMLDivElement>(null);
  const page = usePrintPage(paper, model.layout.paperWidth);
  return (
    <>
      {createPortal(
        <div className="print-area" aria-hidden="true" data-testid="print-area">
          <div ref={paper}>
            <PaperReceipt model={model} />
          </div>
        </div>,
        document.body,
      )}
      {children(page)}
    </>
  );
}
