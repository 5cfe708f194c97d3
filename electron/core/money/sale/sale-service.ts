import type { Cashier } from '../../../../shared/domain/staff';
import { normalizeCode } from '../../../../shared/domain/coupon-code';
import type { DiscountLimits, ManualDiscount } from '../../../../shared/domain/coupons';
import { PosError } from '../../../../shared/domain/errors';
import { CARD_MINIMUM_WON, type Order, type SaleQuote } from '../../../../shared/domain/order';
import { partsPaid } from '../../../../shared/domain/payment-parts';
import { seoulIso } from '../../../../shared/domain/time';
import { taxFreeOf } from '../../../../shared/domain/tax-split';
import type { CatalogFile } from '../../shop/catalog/catalog-file';
import type { StockTally } from '../../shop/stock/stock-tally';
import { crashPoint } from '../../platform/chaos/crash-points';
import type { DayCalendar } from '../../orders/days/day-calendar';
import type { CouponBook } from '../coupons/coupon-book';
import type { CouponRedemption } from '../coupons/coupon-redemption';
import { couponDiscount, usableCoupon } from '../coupons/coupon-rules';
import type { ApprovalMode, ApprovalTaken, ApprovedCart, DiscountApprovals } from '../discount/discount-approvals';
import { applyDiscounts, type DiscountableLine, type DiscountToApply } from '../discount/discount-engine';
import { manualDiscount } from '../discount/manual-discount';
import type { OrderLocks } from '../../orders/order-locks';
import type { OrderBook } from '../../orders/order-book';
import { OrderLifecycle, type NewOrder } from '../../orders/order-lifecycle';
import { newOrderId } from '../../orders/order-id';
import { priceCart, type CartLineRequest } from '../../shop/catalog/pricing';

export interface SaleServiceDeps {
  catalog: CatalogFile;
  orders: OrderBook;
  locks: OrderLocks;
  coupons: { book: CouponBook; redemption: CouponRedemption };
  approvals: DiscountApprovals;
  /** Above these a manual discount needs a manager's approval (settings). */
  discountLimits: () => DiscountLimits;
  now: () => Date;
  /** The mode now: orders rung up in training are never counted as sales. */
  training: () => boolean;
  /** Which business day a sale belongs to (the next one once today is closed), chosen with no close in between. */
  days: Pick<DayCalendar, 'assign' | 'businessDayAt'>;
  /** What is left of counted products: a sale may not take more. */
  stock: Pick<StockTally, 'reserving'>;
}

/** What the register asks for: product ids and quantities, and any coupon code or manual discount. */
export interface SaleRequest {
  lines: readonly CartLineRequest[];
  couponCode?: string | undefined;
  manualDiscount?: ManualDiscount | undefined;
  /** The cashier's note on the order; never sent to Toss. */
  memo?: string | null | undefined;
  /** The register's open order: a coupon it already holds is no obstacle to a quote. */
  heldBy?: string | undefined;
}

export class SaleService {
  private readonly lifecycle: OrderLifecycle;

  constructor(private readonly deps: SaleServiceDeps) {
    this.lifecycle = new OrderLifecycle(deps.orders, deps.locks);
  }

  /** Prices the cart and its discounts from main's own catalog and coupon book; nothing is stored. */
  async quote(request: SaleRequest): Promise<SaleQuote> {
    const holder = request.heldBy ?? null;
    await this.freeApproval(request);
    const code = request.couponCode === undefined ? null : normalizeCode(request.couponCode);
    if (code !== null) await this.deps.coupons.redemption.prepare(code, holder);
    // A quote only looks at a manager's approval: it stays free for the order.
    const priced = this.price(request, code, holder, (discount, cart) =>
      this.deps.approvals.approver(discount, cart, this.mode(), holder),
    );
    const { lines, subtotal, discounts, amount, supplyAmount, vatAmount, taxFreeAmount } = priced;
    return { lines, subtotal, discounts, amount, supplyAmount, vatAmount, taxFreeAmount };
  }

  /**
   * Prices the cart and stores it as PENDING: the amount Toss will be asked for. A coupon is
   * checked again and held for the order by the very append that stores it, under the coupon's
   * lock, so of many registers racing for one code exactly one gets it.
   */
  async create(
    request: SaleRequest,
    cashier: Cashier | null,
  ): Promise<Pick<Order, 'orderId' | 'orderName' | 'amount' | 'taxFreeAmount'>> {
    if (request.couponCode === undefined) return this.store(request, null, cashier);
    const code = normalizeCode(request.couponCode);
    return this.deps.coupons.redemption.holding(code, async () => {
      await this.deps.coupons.redemption.prepare(code, null);
      return this.store(request, code, cashier);
    });
  }

  private async store(
    request: SaleRequest,
    code: string | null,
    cashier: Cashier | null,
  ): Promise<Pick<Order, 'orderId' | 'orderName' | 'amount' | 'taxFreeAmount'>> {
    await this.freeApproval(request);
    // Taken while pricing, with no wait in between: of two orders racing for one approval, one gets it.
    const approval: { taken?: ApprovalTaken } = {};
    let order: Order;
    try {
      const priced = this.price(request, code, null, (discount, cart) => {
        approval.taken = this.deps.approvals.take(discount, cart, this.mode());
        return approval.taken.approvedBy;
      });
      const now = this.deps.now();
      let stored: Order | null = null;
      while (stored === null) {
        const day = await this.deps.days.businessDayAt(now);
        const orderId = newOrderId(day);
        // On a shared store the coupon is the shop's: held there for this order first, by one conditional
        // update, and before the day's turn, so a database slow to answer holds up this sale only.
        if (code !== null) await this.deps.coupons.redemption.claim(code, orderId);
        try {
          // A counted product is refused past what is left; the stored order holds its units from here.
          stored = await this.deps.stock.reserving(priced.lines, () =>
            this.deps.days.assign(now, async (businessDay) =>
              // The day was closed since the id was made: the sale goes to the next day, under an id of that day.
              businessDay === day
                ? // The append that stores the order is the coupon's reservation; the book holds it from here.
                  this.lifecycle.open({ ...this.pricedOrder(priced, businessDay, now, orderId), cashier })
                : null,
            ),
          );
        } catch (error) {
          if (code !== null) await this.deps.coupons.redemption.unclaim(code, orderId);
          throw error;
        }
        if (stored === null && code !== null) await this.deps.coupons.redemption.unclaim(code, orderId);
      }
      order = stored;
    } catch (error) {
      approval.taken?.failed();
      throw error;
    }
    approval.taken?.stored(order.orderId);
    crashPoint('order-stored');
    if (code !== null) this.deps.coupons.redemption.reserve(code, order);
    return {
      orderId: order.orderId,
      orderName: order.orderName,
      amount: order.amount,
      taxFreeAmount: taxFreeOf(order),
    };
  }

  private pricedOrder(
    priced: SaleQuote & { orderName: string; memo: string | null },
    businessDay: string,
    now: Date,
    orderId: string,
  ): NewOrder {
    return {
      orderId,
      businessDay,
      createdAt: seoulIso(now),
      updatedAt: seoulIso(now),
      training: this.deps.training(),
      lines: priced.lines,
      orderName: priced.orderName,
      amount: priced.amount,
      supplyAmount: priced.supplyAmount,
      vatAmount: priced.vatAmount,
      taxFreeAmount: priced.taxFreeAmount ?? 0,
      discounts: priced.discounts,
      memo: priced.memo,
    };
  }

  private mode(): ApprovalMode {
    return this.deps.training() ? 'training' : 'live';
  }

  /** An approval whose order was given up unpaid (a declined card, a changed cart) may be used again. */
  private async freeApproval(request: SaleRequest): Promise<void> {
    await this.deps.approvals.freeIfGivenUp(
      request.manualDiscount?.approvalId,
      async (orderId) => (await this.deps.orders.get(orderId))?.status ?? null,
    );
  }

  private price(
    request: SaleRequest,
    code: string | null,
    holder: string | null,
    approve: (discount: ManualDiscount, cart: ApprovedCart) => string,
  ): SaleQuote & { orderName: string; memo: string | null } {
    const cart = priceCart(this.deps.catalog, request.lines);
    const lines: DiscountableLine[] = cart.lines.map((line) => ({
      ...line,
      categoryId: this.deps.catalog.product(line.productId)?.categoryId ?? '',
    }));
    const plan: DiscountToApply[] = [];
    if (code !== null)
      plan.push(couponDiscount(usableCoupon(code, this.deps.coupons.book.entry(code), this.deps.now(), holder), lines));
    const manual = request.manualDiscount;
    if (manual !== undefined)
      plan.push(manualDiscount(manual, lines, this.deps.discountLimits(), () => approve(manual, cart.lines)));
    const applied = applyDiscounts(lines, plan);
    if (applied.amount > 0 && applied.amount < CARD_MINIMUM_WON) {
      throw new PosError('BELOW_CARD_MINIMUM', `${applied.amount} won is below the card minimum`, {
        details: { amount: applied.amount, minimum: CARD_MINIMUM_WON },
      });
    }
    return {
      lines: applied.lines.map(({ categoryId: _category, ...line }) => line),
      orderName: cart.orderName,
      memo: request.memo ?? null,
      subtotal: cart.amount,
      discounts: applied.discounts,
      amount: applied.amount,
      supplyAmount: applied.supplyAmount,
      vatAmount: applied.vatAmount,
      taxFreeAmount: applied.taxFreeAmount,
    };
  }

  /**
   * Gives up an open order (the cart changed, the sale was cleared, its window expired): it can
   * no longer be paid, and its coupon is free again. Paid or mid-confirm orders are left as they
   * are, and so is one partly paid in parts (money was taken): it stays open until it is paid in
   * full or its paid parts are refunded.
   */
  async abandon(orderId: string): Promise<Order | null> {
    const order = await this.deps.locks.run(orderId, async () => {
      const current = await this.deps.orders.get(orderId);
      if (current?.status !== 'PENDING' || partsPaid(current) > 0) return current;
      return this.lifecycle.abandon(orderId, seoulIso(this.deps.now()));
    });
    if (order) await this.deps.coupons.redemption.settle(order);
    return order;
  }

  /** Today's last paid order, or null: the regular's "same again" (found in the day's digests; only that order is read). */
  async lastPaid(): Promise<Order | null> {
    const today = await this.deps.orders.digestsOfDay(await this.deps.days.businessDayAt(this.deps.now()));
    const last = today.find((digest) => digest.orderStatus === 'PAID');
    return last ? this.deps.orders.get(last.orderId) : null;
  }

  async get(orderId: string): Promise<Order> {
    const order = await this.deps.orders.get(orderId);
    if (!order) throw new PosError('ORDER_NOT_FOUND', `no order ${orderId}`);
    return order;
  }
}
