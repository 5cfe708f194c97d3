import type { orderChannels } from '../../../shared/ipc/channels/order';
import type { DomainHandlers } from '../../../shared/ipc/handlers';
import type { DiscountApprovals } from '../discounts/discount-approvals';
import type { StaffService } from '../staff/staff-service';
import type { OrderService } from './order-service';

export function orderHandlers(deps: { orders: OrderService; staff: StaffService; approvals: DiscountApprovals }): DomainHandlers<typeof orderChannels> {
  const { orders, staff, approvals } = deps;
  return {
    'order:quote': (input) => orders.quote(input),
    'order:create': (input) => orders.create(input),
    'order:abandon': (input) => orders.abandon(input.orderId),
    'order:last-paid': () => orders.lastPaid(),
    // At once, as the order now stands: a confirm the settler is still asking Toss about reads CONFIRMING.
    'order:get': (input) => orders.get(input.orderId),
    'discount:approve': async (input) => {
      const manager = await staff.approve(input.pin);
      return { approvalId: approvals.grant(input.discount, manager), approvedBy: manager.name };
    },
  };
}
