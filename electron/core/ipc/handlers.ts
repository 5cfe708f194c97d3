import type { Notice } from '../../../shared/domain/notices';
import type { CatalogStore } from '../catalog/catalog-store';
import type { PaymentService } from '../payments/payment-service';
import type { OrderService } from '../sales/order-service';
import type { SettingsStore } from '../settings/settings-store';
import type { Handlers } from './dispatcher';

export interface HandlerDeps {
  catalog: CatalogStore;
  orders: OrderService;
  payments: PaymentService;
  settings: SettingsStore;
  /** What the renderer needs to open the payment window: public values only. */
  appInfo: () => { mode: 'training' | 'live'; clientKey: string; sdkSrc: string; notices: Notice[] };
}

export function createHandlers(deps: HandlerDeps): Handlers {
  return {
    'app:info': async () => deps.appInfo(),
    'preferences:get': async () => deps.settings.preferences(),
    'preferences:update': (input) => deps.settings.updatePreferences(input),
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
