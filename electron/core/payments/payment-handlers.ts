import type { paymentChannels } from '../../../shared/ipc/channels/payment';
import type { DomainHandlers } from '../../../shared/ipc/handlers';
import type { CashSaleService } from '../cash/cash-sale-service';
import type { SettlementBoard } from '../reconcile/settlement-board';
import type { PaymentService } from './payment-service';

export function paymentHandlers(payments: PaymentService, cash: CashSaleService, settlements: SettlementBoard): DomainHandlers<typeof paymentChannels> {
  return {
    'payment:confirm': (input) => payments.confirm(input),
    'payment:complete-free': (input) => payments.completeFree(input.orderId),
    'payment:cash': (input) => cash.pay(input),
    'payment:cash-receipt': (input) => cash.issueReceipt(input.orderId, input.request),
    'payment:settlements': async () => settlements.list(),
    'payment:dismiss-settlement': async (input) => settlements.dismiss(input.orderId),
  };
}
