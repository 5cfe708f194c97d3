import { CARD_MINIMUM_WON, type Order, type PaymentPartMethod } from '../../../../shared/domain/order';
import { sumWon, type Won } from '../../../../shared/domain/money';
import { leftToPay, paidParts, partsPaid, splitEvenly } from '../../../../shared/domain/payment-parts';
import { parseWholeNumber } from '../../lib/whole-number';

/** The quick buttons' ways of splitting evenly. */
export const EVEN_SPLITS = [2, 3, 4] as const;

/** The order's figures in the dialog: its amount, what its paid parts took, and what is left to pay. */
export function splitFigures(order: Pick<Order, 'amount' | 'parts'>): { total: Won; paid: Won; left: Won } {
  return { total: order.amount, paid: partsPaid(order), left: leftToPay(order) };
}

/**
 * The next part's amount when `count` people pay alike: the order split evenly in `count` (the
 * remainder on the last share), the share of the next payer; the last payer pays the rest. After
 * a part of another amount, what is left is split evenly between those still to pay. A declined
 * share took nothing, so it is offered again at the same amount.
 */
export function evenShare(order: Pick<Order, 'amount' | 'parts'>, count: number): Won {
  const left = leftToPay(order);
  const payers = paidParts(order).length;
  if (payers >= count - 1) return left;
  const shares = splitEvenly(order.amount, count);
  const evenSoFar = partsPaid(order) === sumWon(shares.slice(0, payers));
  const share = evenSoFar ? shares[payers] : splitEvenly(left, count - payers)[0];
  return Math.min(share ?? left, left);
}

export type PartAmountProblem = 'invalid' | 'over-left' | 'below-card-minimum';

/** The amount typed for the next part, checked as main will check it (main has the last word). */
export function readPartAmount(
  typed: string,
  left: Won,
  method: PaymentPartMethod,
): { amount: Won } | { problem: PartAmountProblem } {
  const amount = parseWholeNumber(typed);
  if (!Number.isSafeInteger(amount) || amount < 1) return { problem: 'invalid' };
  if (amount > left) return { problem: 'over-left' };
  if (method === 'card' && amount < CARD_MINIMUM_WON) return { problem: 'below-card-minimum' };
  return { amount };
}
