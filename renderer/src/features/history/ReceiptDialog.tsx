import { useId, useState } from 'react';
import { formatWon } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import { refundedAmount } from '../../../../shared/domain/refunds';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { Dialog } from '../../ui/Dialog';
import { ReceiptPrinting, useReceiptStrings, type ReceiptSubject } from '../receipt';
import { useHistoryStrings } from './history-strings';

/** The order's receipts as the customer got them (the sale, and each refund), on the shop's paper, to print or save again. */
export function ReceiptDialog({ order, onClose }: { order: Order; onClose: () => void }) {
  const text = useHistoryStrings();
  const receiptText = useReceiptStrings();
  const locale = useLocale();
  const name = useId();
  const refunded = refundedAmount(order.refunds);
  // A refund Toss refused moved no money and has no receipt.
  const subjects: ReceiptSubject[] = [
    { kind: 'sale' },
    ...order.refunds
      .filter((refund) => refund.status !== 'FAILED')
      .map((refund) => ({ kind: 'refund' as const, refund })),
  ];
  const [chosen, setChosen] = useState(0);
  const subject = subjects[chosen] ?? { kind: 'sale' };
  return (
    <Dialog title={text.receiptTitle} onCancel={onClose} testId="receipt-again" wide>
      {refunded > 0 && (
        <p className="receipt-again-note" data-testid="receipt-again-refunded">
          {text.receiptRefunded(formatWon(refunded, locale))}
        </p>
      )}
      {subjects.length > 1 && (
        <fieldset className="choice-group">
          <legend>{receiptText.chooseReceipt}</legend>
          <div className="choice-options">
            {subjects.map((option, index) => (
              <label key={option.kind === 'sale' ? 'sale' : option.refund.refundId} className="choice">
                <input
                  type="radio"
                  name={name}
                  checked={chosen === index}
                  onChange={() => setChosen(index)}
                  data-testid={`receipt-choice-${option.kind === 'sale' ? 'sale' : option.refund.refundId}`}
                />
                <span>
                  {option.kind === 'sale'
                    ? receiptText.saleReceipt
                    : receiptText.refundReceiptOf(
                        formatWon(option.refund.amount, locale),
                        formatDateTime(option.refund.canceledAt ?? option.refund.requestedAt, locale),
                      )}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <ReceiptPrinting order={order} subject={subject} preview />
      <div className="dialog-actions">
        <button type="button" className="button button-plain" onClick={onClose} data-testid="receipt-again-close">
          {text.close}
        </button>
      </div>
    </Dialog>
  );
}
