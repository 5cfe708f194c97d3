import type { BarTicket } from '../../../../shared/domain/call-board';
import type { Locale } from '../../../../shared/i18n/error-messages';
import { optionsText } from '../../../../shared/domain/option-text';
import { timeOfDay, type CallingTexts } from './calling-strings';

/** An order as the bar makes it: the number, when it was paid, each line with its options and memo, the order's memo. */
export function TicketBody({ ticket, locale, texts }: { ticket: BarTicket; locale: Locale; texts: CallingTexts }) {
  return (
    <>
      <p className="ticket-head">
        <strong className="ticket-number" data-testid="ticket-number">
          {ticket.callNumber}
        </strong>
        <span className="ticket-time">{texts.paidAt(timeOfDay(ticket.paidAt, locale))}</span>
      </p>
      <ul className="ticket-lines">
        {ticket.lines.map((line, index) => (
          // The same product twice (other options, another memo) is two lines.
          <li key={index}>
            <span className="ticket-line-name">
              {line.name[locale]} <strong>× {line.quantity}</strong>
            </span>
            {line.options.length > 0 && (
              <span className="ticket-line-options">
                {optionsText(line.options.map((o) => ({ name: o.name[locale], count: o.count })))}
              </span>
            )}
            {line.memo !== null && <span className="ticket-line-memo">✎ {line.memo}</span>}
          </li>
        ))}
      </ul>
      {ticket.memo !== null && (
        <p className="ticket-memo">
          {texts.orderMemo}: {ticket.memo}
        </p>
      )}
    </>
  );
}
