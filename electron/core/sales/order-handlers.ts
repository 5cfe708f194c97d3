import type { orderChannels } from '../../../shared/ipc/channels/order';
import type { DomainHandlers } from '../../../shared/ipc/handlers';
import type { DiscountApprovals } from '../discounts/discount-approvals';
import type { RegisterDraftStore } from '../register/register-draft-store';
import type { StaffService } from '../staff/staff-service';
import type { OrderService } from './order-service';

export function orderHandlers(deps: { orders: OrderService; staff: StaffService; approvals: DiscountApprovals; drafts: RegisterDraftStore }): DomainHandlers<typeof orderChannels> {
  const { orders, staff, approvals, drafts } = deps;
  return {
    'order:quote': (input) => orders.quote(input),
    'order:create': (input) => orders.create(input),
    'order:abandon': (input) => orders.abandon(input.orderId),
    'order:last-paid': () => orders.lastPaid(),
    // At once, as the order now stands: a confirm the settler is still asking Toss about reads CONFIRMING.
    'order:get': (input) => orders.get(input.orderId),
    'discount:approve': async (input) => {
      // For the cart main keeps for the register, priced now, never one the page names; read
      // before the PIN, so an empty cart costs the manager no attempt.
      const cart = orders.cartForApproval(drafts.current().lines);
      return approvals.grant(input.discount, cart, await staff.approve(input.pin));
    },
  };
}
