import { lineKeyOf, lineNamed } from '../../../../shared/domain/cart-line';
import { PosError } from '../../../../shared/domain/errors';
import { allocate, sumWon, type Won } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import { partBalance } from '../../../../shared/domain/payment-parts';
import { refundedAmount, type RefundLine, type RefundRequest } from '../../../../shared/domain/refunds';

/** What is still refundable of one line: won (its net price less earlier refunds) and units. */
interface LineLeft {
  lineKey: string;
  amount: Won;
  quantity: number;
}

/** The refund to make: the amount Toss is asked to cancel, and each line's part of it. */
export interface RefundPlan {
  amount: Won;
  lines: RefundLine[];
  balanceAfter: Won;
}

/** Each line's net price (after its coupon and discount shares) less what earlier refunds took from it. */
export function linesLeft(order: Order): LineLeft[] {
  const counted = order.refunds.filter((refund) => refund.status !== 'FAILED');
  return order.lines.map((line) => {
    const parts = counted.flatMap((refund) => refund.lines.filter((part) => part.lineKey === lineKeyOf(line)));
    return {
      lineKey: lineKeyOf(line),
      amount: line.lineTotal - line.discount - sumWon(parts.map((part) => part.amount)),
      quantity: line.quantity - parts.reduce((sum, part) => sum + part.quantity, 0),
    };
  });
}

/** `amount` shared over the lines by what is left of them (largest remainder), no units back. */
function shared(amount: Won, left: readonly LineLeft[]): RefundLine[] {
  const shares = allocate(
    amount,
    left.map((line) => line.amount),
  );
  return left.map((line, i) => ({ lineKey: line.lineKey, quantity: 0, amount: shares[i] ?? 0 }));
}

/** What is left of the order to refund: what was paid less what refunds took back. */
export function balanceOf(order: Order): Won {
  return order.amount - refundedAmount(order.refunds);
}

/**
 * Works out a refund in whole won, never more than is left: a full refund takes every line's
 * remainder; a refund by lines takes each unit's share of what is left of its line (the last
 * unit takes the rest, so refunding every unit in parts adds up to the line exactly); a refund
 * by amount is shared over the lines by what is left of them (largest remainder). For an order
 * paid in parts the refund goes back to `part`, never above what that part has left; a full
 * refund of a part takes all that is left of it, shared over the lines as a refund by amount.
 */
export function planRefund(order: Order, request: RefundRequest, part?: number): RefundPlan {
  const left = linesLeft(order);
  const balance = part === undefined ? balanceOf(order) : partBalance(order, part);
  // A 0-won order (its discounts paid it all) has nothing to give back either: refusing it keeps the ledger free of empty refunds.
  if (balance === 0) {
    if (order.amount === 0)
      throw new PosError('REFUND_NOTHING_LEFT', `order ${order.orderId} was paid 0 won`, {
        details: { reason: 'nothing-paid' },
      });
    throw new PosError(
      'REFUND_NOTHING_LEFT',
      `order ${order.orderId}${part ? ` part ${part}` : ''} is refunded in full`,
    );
  }
  // All that is left of a part is an amount: the order's other parts paid for its lines too.
  const wanted: RefundRequest =
    part !== undefined && request.kind === 'full' ? { kind: 'amount', amount: balance } : request;
  let lines: RefundLine[];
  switch (wanted.kind) {
    case 'full':
      lines = left.map((line) => ({ lineKey: line.lineKey, quantity: line.quantity, amount: line.amount }));
      break;
    case 'lines':
      lines = wanted.lines.map((asked) => {
        const named = lineNamed(order.lines, asked.lineKey);
        const line = named && left.find((l) => l.lineKey === lineKeyOf(named));
        if (!line) throw new PosError('REFUND_INVALID', `no line ${asked.lineKey} on order ${order.orderId}`);
        if (asked.quantity > line.quantity)
          throw new PosError('REFUND_INVALID', `only ${line.quantity} of ${asked.lineKey} left to refund`);
        const amount =
          asked.quantity === line.quantity ? line.amount : Math.floor((line.amount * asked.quantity) / line.quantity);
        return { lineKey: line.lineKey, quantity: asked.quantity, amount };
      });
      if (new Set(lines.map((l) => l.lineKey)).size !== lines.length)
        throw new PosError('REFUND_INVALID', 'a line is named twice');
      break;
    case 'amount': {
      if (wanted.amount > balance)
        throw new PosError('REFUND_EXCEEDS_BALANCE', `${wanted.amount} is more than the ${balance} left`, {
          details: { balance },
        });
      lines = shared(wanted.amount, left);
      break;
    }
  }
  const amount = sumWon(lines.map((line) => line.amount));
  if (amount > balance)
    throw new PosError('REFUND_EXCEEDS_BALANCE', `${amount} is more than the ${balance} left`, {
      details: { balance },
    });
  return {
    amount,
    lines: lines.filter((line) => line.amount > 0 || line.quantity > 0),
    balanceAfter: balance - amount,
  };
}
