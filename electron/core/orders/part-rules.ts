import { PosError } from '../../../shared/domain/errors';
import { CARD_MINIMUM_WON, type Order, type PaymentPartMethod } from '../../../shared/domain/order';
import { MAX_PAYMENT_PARTS } from '../../../shared/domain/part-number';
import { cashPartOf, leftToPay, partUnderWay } from '../../../shared/domain/payment-parts';

/**
 * Whether a part of `amount` may be opened on the order now, as the register's mode allows; a
 * refusal (nothing stored) says why. Called under the order's lock, so nothing changes between
 * the check and the step that stores the part.
 */
export function checkPartOpenable(order: Order, method: PaymentPartMethod, amount: number): void {
  if (!Number.isSafeInteger(amount) || amount < 1) throw new PosError('INVALID_INPUT', `a part of ${amount} won`);
  switch (order.status) {
    case 'PAID':
      throw new PosError('ORDER_ALREADY_PAID', `order ${order.orderId} is already paid`);
    case 'ABANDONED':
      throw new PosError('ORDER_ABANDONED', `order ${order.orderId} was given up`);
    case 'CONFIRMING':
      throw new PosError('PAYMENT_IN_FLIGHT', `order ${order.orderId} has a card payment being confirmed`, {
        retryable: true,
      });
    case 'PENDING':
      break;
  }
  const underWay = partUnderWay(order);
  if (underWay)
    throw new PosError('PART_UNDER_WAY', `part ${underWay.part} of ${order.orderId} is ${underWay.status}`, {
      retryable: true,
      details: { part: underWay.part },
    });
  if (order.parts.length >= MAX_PAYMENT_PARTS)
    throw new PosError('PART_OVER_REST', `order ${order.orderId} has ${MAX_PAYMENT_PARTS} parts already`, {
      details: { left: leftToPay(order) },
    });
  const left = leftToPay(order);
  if (amount > left)
    throw new PosError('PART_OVER_REST', `${amount} won is more than the ${left} left of ${order.orderId}`, {
      details: { left },
    });
  if (method === 'card' && amount < CARD_MINIMUM_WON)
    throw new PosError('PART_BELOW_CARD_MINIMUM', `${amount} won is below the card minimum`, {
      details: { amount, minimum: CARD_MINIMUM_WON },
    });
  if (method === 'cash' && cashPartOf(order))
    throw new PosError('CASH_PART_TAKEN', `order ${order.orderId} already has its cash part`);
}
