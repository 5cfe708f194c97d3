import type { DrawerShiftView } from '../../../../shared/domain/drawer';
import { takingsOf } from '../../../../shared/domain/drawer';
import type { Order } from '../../../../shared/domain/order';
import type { RegisterDay } from '../../../../shared/domain/shop-day';
import { seoulIso } from '../../../../shared/domain/time';
import { cashOfOrders, datesOf, shiftView } from '../../../../shared/domain/drawer-takings';
import type { ShopDayStore, StoreRegister } from '../../orders/shared-store/shop-day-store';
import type { ShopOrder } from '../../orders/shop-order-reader';
import { dayFigures } from './day-figures';
import type { DayBooks } from './day-match';
import { othersOfDay } from './shop-day-orders';

/** This register's link to the shop's shared store, as the day close needs it. */
export interface ShopLink {
  /** The store in use, or null when the register has none. */
  store(): ShopDayStore | null;
  /** Whether the outbox reaches the store now: while it does not, the shop's figures are not read. */
  online(): boolean;
  register(): Promise<StoreRegister>;
  /** Sends this register's waiting journal lines and drawer shifts, as far as the store takes them now. */
  flush(): Promise<void>;
}

/** The shop's books of a day: every register's orders (this register's from its own journal), and each register's part. */
export interface ShopBooks {
  books: DayBooks;
  registers: RegisterDay[];
}

/**
 * Reads the whole shop's day from the store: the other registers' orders of the day and those
 * refunded in its window, and their drawer shifts; this register's own come from its own books
 * (`own`, `ownDrawers`), which the store may not have all of yet. An order that reached the store
 * from another register and is also in this register's books is counted once, as this register has it.
 * Every register is counted over this register's window of the day.
 */
export async function readShopBooks(
  store: ShopDayStore,
  me: StoreRegister,
  day: string,
  own: DayBooks,
  ownDrawers: DrawerShiftView[],
  now: Date,
): Promise<ShopBooks> {
  // Refunds from the window's start until now: an open shift of another register counts its cash refunds past midnight too.
  const refundDates = datesOf({ from: own.window.from, until: seoulIso(now) });
  const [theirs, shiftRows] = await Promise.all([
    othersOfDay(store.orders, day, me.id, refundDates),
    store.drawerShifts(day),
  ]);
  const ownIds = new Set([...own.dayOrders, ...own.refunded].map((order) => order.orderId));
  const others = new Map<string, { register: StoreRegister; dayOrders: Order[]; refunded: Order[] }>();
  const of = (register: StoreRegister) => {
    let found = others.get(register.id);
    if (found === undefined) {
      found = { register, dayOrders: [], refunded: [] };
      others.set(register.id, found);
    }
    return found;
  };
  const registerOf = (found: ShopOrder): StoreRegister => ({ id: found.registerId, name: found.registerName });
  for (const found of theirs.dayOrders)
    if (!ownIds.has(found.order.orderId)) of(registerOf(found)).dayOrders.push(found.order);
  for (const found of theirs.refunded)
    if (!ownIds.has(found.order.orderId)) of(registerOf(found)).refunded.push(found.order);
  const shifts = shiftRows.filter((row) => row.register.id !== me.id);
  for (const { register } of shifts) of(register);

  const part = (register: StoreRegister, dayOrders: Order[], refunded: Order[], drawers: DrawerShiftView[]) => {
    const figures = dayFigures(day, own.window, dayOrders, refunded);
    return {
      register,
      orders: figures.orders,
      sales: figures.sales,
      refunds: figures.refunds,
      net: figures.net,
      byMethod: figures.byMethod,
      taxes: figures.taxes,
      drawers,
    };
  };
  const registers: RegisterDay[] = [part(me, [...own.dayOrders], [...own.refunded], ownDrawers)];
  for (const other of [...others.values()].sort((a, b) => a.register.name.localeCompare(b.register.name))) {
    // An open shift of another register stands as its orders in the store say until now.
    const drawers = shifts
      .filter((row) => row.register.id === other.register.id)
      .map(({ item: shift }) =>
        shiftView(
          shift,
          takingsOf(
            shift.floatTotal,
            shift.movements,
            cashOfOrders(other.dayOrders, other.refunded, { from: shift.openedAt, until: seoulIso(now) }),
          ),
        ),
      );
    registers.push(part(other.register, other.dayOrders, other.refunded, drawers));
  }
  const everyone = [...others.values()];
  return {
    books: {
      window: own.window,
      dayOrders: [...own.dayOrders, ...everyone.flatMap((o) => o.dayOrders)],
      refunded: [...own.refunded, ...everyone.flatMap((o) => o.refunded)],
    },
    registers,
  };
}
