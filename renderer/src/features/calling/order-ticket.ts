import type { BarTicket } from '../../../../shared/domain/call-board';
import type { PrintOutcome, Printing, PaperWidth, ReceiptPage } from '../../../../shared/domain/receipt-print';
import { call } from '../../lib/ipc';
import { pageRule } from '../receipt';

/** What prints when an order is paid: its ticket, on the ticket's paper, by whoever prints here. */
export interface TicketJob {
  ticket: BarTicket;
  paperWidth: PaperWidth;
  printing: Printing;
}

/** Orders whose ticket this page printed already: a reload of the paid screen does not print it again. */
const PRINTED_KEY = 'pos-order-tickets-printed';

function printedOrders(): string[] {
  try {
    const list: unknown = JSON.parse(sessionStorage.getItem(PRINTED_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((id): id is string => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

/** The ticket to print for an order just paid; null when tickets are off or this one was printed. */
export async function ticketToPrint(orderId: string): Promise<TicketJob | null> {
  if (printedOrders().includes(orderId)) return null;
  const setup = await call('ticket:setup', {});
  if (!setup.enabled) return null;
  const ticket = await call('ticket:order', { orderId });
  return { ticket, paperWidth: setup.paperWidth, printing: setup.printing };
}

/**
 * Prints the ticket laid out on the page: while the job runs the page prints the ticket alone
 * (`data-print-job`), on its own page size. In a browser the print dialog does it and the job
 * ends when the dialog closes (afterprint); the desktop app sends it to the ticket printer.
 */
export async function printTicket(
  orderId: string,
  page: ReceiptPage,
  printing: Printing,
): Promise<PrintOutcome | null> {
  sessionStorage.setItem(PRINTED_KEY, JSON.stringify([...printedOrders(), orderId].slice(-50)));
  const root = document.documentElement;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(pageRule(page));
  root.dataset.printJob = 'ticket';
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  const done = () => {
    delete root.dataset.printJob;
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
  };
  if (printing === 'browser') {
    window.addEventListener('afterprint', done, { once: true });
    window.print();
    return null;
  }
  try {
    return await call('ticket:print', { page });
  } finally {
    done();
  }
}
