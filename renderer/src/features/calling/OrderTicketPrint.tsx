import { useEffect, useRef } from 'react';
import { createPortal } from 'react-dom';
import { describeError } from '../../../../shared/i18n/error-messages';
import { useLocale } from '../../i18n/use-strings';
import { useCheckout } from '../checkout';
import { pageFor } from '../receipt';
import { useCallingStrings } from './calling-strings';
import { printTicket } from './order-ticket';
import { TicketBody } from './TicketBody';
import { useOrderTicket } from './use-order-ticket';
import './ticket.css';
import './ticket-print.css';

/**
 * The bar's ticket of the order just paid, printed once as soon as it is laid out (when tickets
 * are on in Settings). Off the screen; a print that failed is said at the bottom of the screen.
 */
export function OrderTicketPrint() {
  const text = useCallingStrings();
  const locale = useLocale();
  const orderId = useCheckout((state) => state.paidOrder?.orderId ?? null);
  const { job, outcome, setOutcome, error } = useOrderTicket(orderId);
  const paper = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = paper.current;
    if (job === null || element === null) return;
    const page = pageFor(job.paperWidth, element.getBoundingClientRect().height);
    void printTicket(job.ticket.orderId, page, job.printing).then(setOutcome);
  }, [job, setOutcome]);

  const problem =
    error !== null
      ? describeError(error, locale)
      : outcome?.outcome === 'failed'
        ? text.ticketFailed(outcome.reason)
        : null;

  return (
    <>
      {job !== null &&
        createPortal(
          <div className="print-area ticket-print-area" aria-hidden="true" data-testid="ticket-print-area">
            <div ref={paper} className={`order-ticket order-ticket-paper paper-${job.paperWidth}`}>
              <p className="order-ticket-title">{text.ticketTitle}</p>
              <TicketBody ticket={job.ticket} locale={locale} texts={text} />
            </div>
          </div>,
          document.body,
        )}
      {problem !== null && (
        <p className="ticket-problem" role="alert" data-testid="ticket-problem">
          {problem}
        </p>
      )}
    </>
  );
}
