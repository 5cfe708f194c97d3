import { CARD_MINIMUM_WON, type Order, type PaymentPartMethod } from '../../../../shared/domain/order';
import type { Won } from '../../../../shared/domain/money';
import { leftToPay, paidParts, partsPaid, splitEvenly } from '../../../../shared/domain/payment-parts';
import { parseWholeNumber } from '../../lib/whole-number';

/** The quick buttons' ways of splitting evenly. */
export const EVEN_SPLITS = [2, 3, 4] as const;

/** The order's figures in the dialog: its amount, what its paid parts took, and what is left to pay. */
export function splitFigures(order: Pick<Order, 'amount' | 'parts'>): { total: Won; paid: Won; left: Won } {
  return { total: order.amount, paid: partsPaid(order), left: leftToPay(order) };
}

/**
 * The next part's amount when `count` people pay alike: what is left split evenly between those
 * who have not paid yet (the remainder on the last), so a part declined and paid again, or
 * an uneven part before, still ends with the parts adding up to the order's amount.
 */
export function evenShare(order: Pick<Order, 'amount' | 'parts'>, count: number): Won {
  const left = leftToPay(order);
  const payersLeft = count - paidParts(order).length;
  if (payersLeft <= 1) return left;
  return splitEvenly(left, payersLeft)[0] ?? left;
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
