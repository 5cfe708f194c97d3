import { describeError } from '../../../shared/i18n/error-messages';
// Its own files, not the feature's index: the bar's page needs none of the register's side.
import { callingStrings } from '../features/calling/calling-strings';
import { TicketBody } from '../features/calling/TicketBody';
import '../features/calling/ticket.css';
import './bar.css';
import { useBarOrders } from './use-bar-orders';

/**
 * The bar's screen: the orders being made as tickets, oldest first, each with a big "ready"
 * button that moves its number to the ready column of the customer's screen. It reaches the
 * bar's channels only.
 */
export function BarScreen() {
  const { view, calling, error, ready } = useBarOrders();
  if (view === null) return <main className="bar" data-testid="bar-screen" data-state="loading" />;
  const texts = callingStrings[view.locale];
  return (
    <main className="bar" data-testid="bar-screen" data-state="ready" lang={view.locale}>
      <h1 className="bar-title">{texts.barTitle}</h1>
      {error !== null && (
        <p className="form-error" role="alert">
          {describeError(error, view.locale)}
        </p>
      )}
      {view.tickets.length === 0 ? (
        <p className="bar-empty">{texts.barEmpty}</p>
      ) : (
        <ol className="bar-tickets">
          {view.tickets.map((ticket) => (
            <li key={ticket.orderId} className="order-ticket bar-ticket" data-testid="bar-ticket">
              <TicketBody ticket={ticket} locale={view.locale} texts={texts} />
              <button
                type="button"
                className="bar-ready"
                disabled={calling === ticket.orderId}
                aria-label={`${ticket.callNumber} ${texts.markReady}`}
                onClick={() => ready(ticket.orderId)}
              >
                {texts.markReady}
              </button>
            </li>
          ))}
        </ol>
      )}
    </main>
  );
}
