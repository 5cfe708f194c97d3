import type { saleChannels } from '../../../../shared/ipc/channels/sale';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { SaleService } from './sale-service';

export function saleHandlers(sales: SaleService): DomainHandlers<typeof saleChannels> {
  return {
    'sale:quote': (input) => sales.quote(input),
    'sale:create': (input, { cashier }) => sales.create(input, cashier),
    'sale:abandon': (input) => sales.abandon(input.orderId),
    'sale:last-paid': () => sales.lastPaid(),
    // At once, as the order now stands: a confirm the settler is still asking Toss about reads CONFIRMING.
    'sale:get': (input) => sales.get(input.orderId),
  };
}
