import { PosError } from '../../../../shared/domain/errors';
import type { Order, PaymentPart } from '../../../../shared/domain/order';
import { seoulIso } from '../../../../shared/domain/time';
import type { OrderBook } from '../../orders/order-book';
import type { OrderLocks } from '../../orders/order-locks';
import { OrderLifecycle, ownOrder } from '../../orders/order-lifecycle';
import { checkPartOpenable } from '../../orders/part-rules';

export interface PaymentPartsDeps {
  orders: OrderBook;
  locks: OrderLocks;
  training: () => boolean;
  now: () => Date;
}

/**
 * The card parts of an order paid in parts (split payment): opened for an amount main checks
 * against what is left, each under a Toss orderId of its own, then paid in the payment window and
 * confirmed by the PaymentService like a whole order; given up when the window closes unpaid.
 */
export class PaymentParts {
  private readonly lifecycle: OrderLifecycle;

  constructor(private readonly deps: PaymentPartsDeps) {
    this.lifecycle = new OrderLifecycle(deps.orders, deps.locks);
  }

  /** A card part of `amount`, OPEN for its payment window; refused with nothing stored when the order cannot take it. */
  open(orderId: string, amount: number): Promise<{ part: PaymentPart; order: Order }> {
    return this.deps.locks.run(orderId, async () => {
      const order = ownOrder(await this.deps.orders.get(orderId), orderId, this.deps.training());
      checkPartOpenable(order, 'card', amount);
      const opened = await this.lifecycle.openCardPart(orderId, amount, seoulIso(this.deps.now()));
      const part = opened.parts.at(-1);
      if (!part) throw new Error(`order ${orderId} stored no part`);
      return { part, order: opened };
    });
  }

  /**
   * Gives up an OPEN card part (its window closed unpaid): nothing was confirmed, so nothing was
   * taken. A part being confirmed is left to its confirm; one that has ended is answered as it stands.
   */
  drop(orderId: string, part: number): Promise<Order> {
    return this.deps.locks.run(orderId, async () => {
      const order = ownOrder(await this.deps.orders.get(orderId), orderId, this.deps.training());
      const found = order.parts.find((p) => p.part === part && p.method === 'card');
      if (!found) throw new PosError('PART_NOT_OPEN', `order ${orderId} has no card part ${part}`);
      switch (found.status) {
        case 'OPEN':
          return this.lifecycle.dropPart(orderId, part, seoulIso(this.deps.now()));
        case 'CONFIRMING':
          throw new PosError('PAYMENT_IN_FLIGHT', `part ${part} of ${orderId} is being confirmed`, { retryable: true });
        case 'PAID':
        case 'FAILED':
          return order;
      }
    });
  }
}
