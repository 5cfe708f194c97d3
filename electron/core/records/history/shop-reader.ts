import type { RegisterIdentity } from '../../../../shared/domain/shared-store';
import type { ShopOrders } from '../../orders/shared-store/shop-orders';

/**
 * The whole shop's orders as the live books read them: the other registers' from the shared
 * store, beside this register's identity (its own orders are read from its own book, which holds
 * even those the outbox has not sent yet).
 */
export interface ShopReader {
  orders: ShopOrders;
  register: RegisterIdentity;
}
