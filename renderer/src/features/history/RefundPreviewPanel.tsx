import type { PosErrorData } from '../../../../shared/domain/errors';
import { formatWon } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import { useLocale } from '../../i18n/use-strings';
import { FormError } from '../../ui/FormError';
import { useHistoryStrings } from './history-strings';
import { useLineName } from './use-line-name';
import type { RefundPreview } from './use-refund-preview';

interface RefundPreviewPanelProps {
  order: Order;
  preview: RefundPreview | null;
  error: PosErrorData | null;
  /** A request is filled in and main is working out its figures. */
  waiting: boolean;
  /** Where the money goes, for an order paid in parts (a card part's cancel, or cash). */
  goesTo?: string | null;
}

/** What main says the refund would give back: the amount, each line's part, what is left, and the coupon's fate. */
export function RefundPreviewPanel({ order, preview, error, waiting, goesTo = null }: RefundPreviewPanelProps) {
  const text = useHistoryStrings();
  const locale = useLocale();
  const lineName = useLineName(order);
  const won = (amount: number) => formatWon(amount, locale);

  return (
    <section
      className="refund-preview"
      aria-labelledby="refund-preview-title"
      aria-live="polite"
      aria-busy={waiting}
      data-testid="refund-preview"
    >
      <h3 id="refund-preview-title">{text.previewTitle}</h3>
      <FormError error={error} testId="refund-preview-error" />
      {preview === null ? (
        waiting && <p className="field-hint">{text.previewLoading}</p>
      ) : (
        <>
          <p className="refund-preview-amount">
            <span>{text.previewAmount}</span>
            <strong data-testid="refund-preview-amount">{won(preview.amount)}</strong>
          </p>
          <ul className="refund-preview-lines">
            {preview.lines
              .filter((line) => line.amount > 0)
              .map((line) => (
                <li key={line.lineKey} data-testid={`refund-preview-line-${line.lineKey}`}>
                  <span>
                    {lineName(line.lineKey)} {line.quantity > 0 ? text.previewLineQuantity(line.quantity) : ''}
                  </span>
                  <span>{won(line.amount)}</span>
                </li>
              ))}
          </ul>
          {goesTo !== null && (
            <p className="refund-preview-goes-to" data-testid="refund-preview-goes-to">
              {goesTo}
            </p>
          )}
          <p className="refund-preview-balance">
            <span>{text.previewBalance}</span>
            <span data-testid="refund-preview-balance">{won(preview.balanceAfter)}</span>
          </p>
          {preview.coupon !== 'none' && (
            <p className="refund-preview-coupon" data-testid="refund-preview-coupon">
              {text.couponOutcome[preview.coupon]}
            </p>
          )}
        </>
      )}
    </section>
  );
}
