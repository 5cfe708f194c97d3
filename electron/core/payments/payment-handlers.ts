import type { paymentChannels } from '../../../shared/ipc/channels/payment';
import type { DomainHandlers } from '../../../shared/ipc/handlers';
import type { PaymentService } from './payment-service';

export function paymentHandlers(payments: PaymentService): DomainHandlers<typeof paymentChannels> {
  return {
    'payment:confirm': (input) => payments.confirm(input),
    'payment:complete-free': (input) => payments.completeFree(input.orderId),
  };
}
