import type { orderChannels } from '../../../shared/ipc/channels/order';
import type { DomainHandlers } from '../../../shared/ipc/handlers';
import type { PaymentService } from '../payments/payment-service';
import type { OrderService } from './order-service';

export function orderHandlers(orders: OrderService, payments: PaymentService): DomainHandlers<typeof orderChannels> {
  return {
    'order:create': (input) => orders.create(input.lines),
    // Read after any confirmation in flight, so the answer is never a half-settled order.
    'order:last-paid': () => orders.lastPaid(),
    'order:get': async (input) => {
      await payments.idle(input.orderId);
      return orders.get(input.orderId);
    },
  };
}
