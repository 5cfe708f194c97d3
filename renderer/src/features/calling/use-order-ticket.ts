import { useEffect, useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { PrintOutcome } from '../../../../shared/domain/receipt-print';
import { toPosError } from '../../lib/ipc';
import { ticketToPrint, type TicketJob } from './order-ticket';

interface Found {
  orderId: string;
  job: TicketJob | null;
  error: PosErrorData | null;
}

/** The ticket of the order just paid, if tickets are on; and how its print went. */
export function useOrderTicket(orderId: string | null): {
  job: TicketJob | null;
  error: PosErrorData | null;
  outcome: PrintOutcome | null;
  setOutcome: (outcome: PrintOutcome | null) => void;
} {
  const [found, setFound] = useState<Found | null>(null);
  const [outcome, setOutcome] = useState<PrintOutcome | null>(null);
  useEffect(() => {
    if (orderId === null) return;
    let current = true;
    ticketToPrint(orderId).then(
      (job) => current && setFound({ orderId, job, error: null }),
      (failure: unknown) => current && setFound({ orderId, job: null, error: toPosError(failure) }),
    );
    return () => {
      current = false;
    };
  }, [orderId]);
  // What was found for another order (the one before) is not this one's.
  const mine = found !== null && found.orderId === orderId ? found : null;
  return { job: mine?.job ?? null, error: mine?.error ?? null, outcome: mine === null ? null : outcome, setOutcome };
}
