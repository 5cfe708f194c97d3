import type { orderChannels } from '../../../shared/ipc/channels/order';
import type { DomainHandlers } from '../../../shared/ipc/handlers';
import type { DiscountApprovals } from '../discounts/discount-approvals';
import type { PaymentService } from '../payments/payment-service';
import type { StaffService } from '../staff/staff-service';
import type { OrderService } from './order-service';

export function orderHandlers(deps: { orders: OrderService; payments: PaymentService; staff: StaffService; approvals: DiscountApprovals }): DomainHandlers<typeof orderChannels> {
  const { orders, payments, staff, approvals } = deps;
  return {
    'order:quote': (input) => orders.quote(input),
    'order:create': (input) => orders.create(input),
    'order:abandon': (input) => orders.abandon(input.orderId),
    // Read after any confirmation in flight, so the answer is never a half-settled order.
    'order:last-paid': () => orders.lastPaid(),
    'order:get': async (input) => {
      await payments.idle(input.orderId);
      return orders.get(input.orderId);
    },
    'discount:approve': async (input) => {
      const manager = await staff.approve(input.pin);
      return { approvalId: approvals.grant(input.discount, manager), approvedBy: manager.name };
    },
  };
}
