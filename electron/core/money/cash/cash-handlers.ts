import type { cashChannels } from '../../../../shared/ipc/channels/cash';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { CashSaleService } from './cash-sale-service';

export function cashHandlers(cash: CashSaleService): DomainHandlers<typeof cashChannels> {
  return {
    'cash:sale': (input) => cash.pay(input),
    'cash:receipt': (input) => cash.issueReceipt(input.orderId, input.request),
    'cash:pay-part': (input) => cash.payPart(input),
  };
}
