import type { cashChannels } from '../../../../shared/ipc/channels/cash';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { CashReceiptStatusChecks } from './cash-receipt-status-checks';
import type { CashSaleService } from './cash-sale-service';

export function cashHandlers(
  cash: CashSaleService,
  receiptStatus: CashReceiptStatusChecks,
): DomainHandlers<typeof cashChannels> {
  return {
    'cash:sale': (input) => cash.pay(input),
    'cash:receipt': (input) => cash.issueReceipt(input.orderId, input.request),
    'cash:pay-part': (input) => cash.payPart(input),
    'cash:receipt-failures': () => receiptStatus.failedReceipts(),
  };
}
