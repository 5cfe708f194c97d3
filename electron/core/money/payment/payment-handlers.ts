import type { paymentChannels } from '../../../../shared/ipc/channels/payment';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { SettlementBoard } from '../../platform/jobs/settlement-board';
import type { PaymentParts } from './payment-parts';
import type { PaymentService } from './payment-service';

export function paymentHandlers(
  payments: PaymentService,
  parts: PaymentParts,
  settlements: SettlementBoard,
): DomainHandlers<typeof paymentChannels> {
  return {
    'payment:confirm': (input) => payments.confirm(input),
    'payment:open-part': (input) => parts.open(input.orderId, input.amount),
    'payment:drop-part': (input) => parts.drop(input.orderId, input.part),
    'payment:complete-free': (input) => payments.completeFree(input.orderId),
    'payment:settlements': async () => settlements.list(),
    'payment:dismiss-settlement': async (input) => settlements.dismiss(input.orderId),
  };
}
