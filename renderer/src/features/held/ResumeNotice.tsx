import { useEffect, useRef } from 'react';
import { formatCode } from '../../../../shared/domain/coupon-code';
import type { ResumeChanges } from '../../../../shared/domain/held';
import { formatWon } from '../../../../shared/domain/money';
import { describeError } from '../../../../shared/i18n/error-messages';
import { useLocale } from '../../i18n/use-strings';
import { useHeldTexts } from './held-strings';

/**
 * What changed while the resumed cart was held (prices, lines no longer sold, the coupon, the
 * discount), shown in the held list's dialog in place of the list; Enter or OK closes it.
 */
export function ResumeNotice({ changes, onClose }: { changes: ResumeChanges; onClose: () => void }) {
  const text = useHeldTexts();
  const locale = useLocale();
  const won = (amount: number) => formatWon(amount, locale);
  const ok = useRef<HTMLButtonElement>(null);

  useEffect(() => ok.current?.focus(), []);

  return (
    <>
      {changes.repriced.length > 0 && (
        <section className="resume-change">
          <h3>{text.repricedHeading}</h3>
          <ul>
            {changes.repriced.map((line) => (
              <li key={line.lineKey} data-testid={`repriced-${line.lineKey}`}>
                {line.name[locale]}: {won(line.before)} → {won(line.after)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {changes.dropped.length > 0 && (
        <section className="resume-change">
          <h3>{text.droppedHeading}</h3>
          <ul>
            {changes.dropped.map((line) => (
              <li key={line.lineKey} data-testid={`dropped-${line.lineKey}`}>
                {line.name[locale]} ({text.dropReasons[line.reason]})
              </li>
            ))}
          </ul>
        </section>
      )}
      {changes.coupon !== null && (
        <p className="resume-change" data-testid="resume-coupon">
          {text.couponDropped(formatCode(changes.coupon.code))} {describeError(changes.coupon.problem, locale)}
        </p>
      )}
      {changes.discount !== null && (
        <p className="resume-change" data-testid="resume-discount">
          {changes.discount === 'needs-approval' ? text.discountNeedsApproval : text.discountDropped}
        </p>
      )}
      {changes.totalAfter !== changes.totalBefore && (
        <p className="resume-total" data-testid="resume-total">
          {text.total(won(changes.totalBefore), won(changes.totalAfter))}
        </p>
      )}
      <div className="dialog-actions">
        <button
          ref={ok}
          type="button"
          className="button button-primary"
          onClick={onClose}
          data-testid="resume-notice-ok"
        >
          {text.ok}
        </button>
      </div>
    </>
  );
}
