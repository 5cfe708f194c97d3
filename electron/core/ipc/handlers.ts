import type { CatalogStore } from '../catalog/catalog-store';
import type { PaymentService } from '../payments/payment-service';
import type { OrderService } from '../sales/order-service';
import type { Handlers } from './dispatcher';

export interface HandlerDeps {
  catalog: CatalogStore;
  orders: OrderService;
  payments: PaymentService;
  /** What the renderer needs to open the payment window: public values only. */
  appInfo: { mode: 'training' | 'live'; clientKey: string; sdkSrc: string };
}

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    'app:info': async () => deps.appInfo,
    'catalog:list': async () => deps.catalog.list(),
    'order:create': (input) => deps.orders.create(input.lines),
    // Read after any confirmation in flight, so the answer is never a half-settled order.
    'order:get': async (input) => {
      await deps.payments.idle(input.orderId);
      return deps.orders.get(input.orderId);
    },
    'payment:confirm': (input) => deps.payments.confirm(input),
  };
}
