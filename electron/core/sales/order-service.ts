import type { Order } from '../../../shared/domain/order';
import { PosError } from '../../../shared/domain/errors';
import { seoulDay, seoulIso } from '../../../shared/domain/time';
import type { CatalogStore } from '../catalog/catalog-store';
import type { OrderStore } from '../store/order-store';
import { newOrderId } from './order-id';
import { priceCart, type CartLineRequest } from './pricing';

export interface OrderServiceDeps {
  catalog: CatalogStore;
  orders: OrderStore;
  now: () => Date;
  /** The mode now: orders rung up in training are never counted as sales. */
  training: () => boolean;
}

export class OrderService {
  constructor(private readonly deps: OrderServiceDeps) {}

  /** Prices the cart from main's catalog and stores it as PENDING: the amount Toss will be asked for. */
  async create(lines: readonly CartLineRequest[]): Promise<Pick<Order, 'orderId' | 'orderName' | 'amount'>> {
    const priced = priceCart((id) => this.deps.catalog.product(id), lines);
    const now = this.deps.now();
    const businessDay = seoulDay(now);
    const order: Order = {
      orderId: newOrderId(businessDay),
      businessDay,
      createdAt: seoulIso(now),
      updatedAt: seoulIso(now),
      training: this.deps.training(),
      ...priced,
      status: 'PENDING',
      attempts: [],
      payment: null,
      callNumber: null,
    };
    await this.deps.orders.insert(order);
    return { orderId: order.orderId, orderName: order.orderName, amount: order.amount };
  }

  /** Today's last paid order, or null: the regular's "same again". */
  async lastPaid(): Promise<Order | null> {
    const today = await this.deps.orders.ordersOfDay(seoulDay(this.deps.now()));
    return today.find((order) => order.status === 'PAID') ?? null;
  }

  async get(orderId: string): Promise<Order> {
    const order = await this.deps.orders.get(orderId);
    if (!order) throw new PosError('ORDER_NOT_FOUND', `no order ${orderId}`);
    return order;
  }
}
