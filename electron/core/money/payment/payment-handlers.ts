import { PosError } from '../../../../shared/domain/errors';
import type { paymentChannels } from '../../../../shared/ipc/channels/payment';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { SettlementBoard } from '../../platform/jobs/settlement-board';
import type { PaymentService } from './payment-service';

export function paymentHandlers(
  payments: PaymentService,
  settlements: SettlementBoard,
): DomainHandlers<typeof paymentChannels> {
  return {
    'payment:confirm': (input) => payments.confirm(input),
    'payment:open-part': () => Promise.reject(new PosError('INTERNAL', 'split payment is not wired yet')),
    'payment:drop-part': () => Promise.reject(new PosError('INTERNAL', 'split payment is not wired yet')),
    'payment:complete-free': (input) => payments.completeFree(input.orderId),
    'payment:settlements': async () => settlements.list(),
    'payment:dismiss-settlement': async (input) => settlements.dismiss(input.orderId),
  };
}
