import type { Order } from '../../../shared/domain/order';
import type { OrderBook } from './order-book';

/**
 * The order book with every order it journals handed on (to the stock tally, the number board), once the write
 * has landed: what follows never runs ahead of the journal.
 */
export function followingWrites(book: OrderBook, follow: (order: Order) => void): OrderBook {
  const insert: OrderBook['insert'] = async (order) => {
    await book.insert(order);
    follow(order);
  };
  const update: OrderBook['update'] = async (orderId, change) => {
    const order = await book.update(orderId, change);
    follow(order);
    return order;
  };
  return new Proxy(book, {
    get(target, key) {
      if (key === 'insert') return insert;
      if (key === 'update') return update;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
