import { useEffect } from 'react';
import { useSounds } from '../../lib/sounds';
import { useCheckout, type Problem } from './checkout-store';

/** The customer walked away (closed the window): no chime, nothing was declined. */
const WALKED_AWAY = new Set([
  'USER_CANCEL',
  'PAY_PROCESS_CANCELED',
  'PAYMENT_REQUEST_ABORTED',
  'PAYMENT_CANCELED_BY_CUSTOMER',
]);

function isDecline(problem: Problem): boolean {
  const code = problem.source === 'main' ? (problem.error.tossCode ?? problem.error.code) : problem.code;
  if (code !== null && WALKED_AWAY.has(code)) return false;
  return (
    problem.source === 'window' ||
    ['PAYMENT_DECLINED', 'PAYMENT_EXPIRED', 'PAYMENT_TEMPORARY_FAILURE', 'PAYMENT_COMPENSATED'].includes(
      problem.error.code,
    )
  );
}

/** A chime when a payment is approved, and another when one is declined (if the shop wants them). */
export function useCheckoutChimes(): void {
  useEffect(
    () =>
      useCheckout.subscribe((state, previous) => {
        if (state.phase === 'paid' && previous.phase !== 'paid') useSounds.getState().play('approved');
        else if (state.problem !== null && state.problem !== previous.problem && isDecline(state.problem))
          useSounds.getState().play('declined');
      }),
    [],
  );
}
