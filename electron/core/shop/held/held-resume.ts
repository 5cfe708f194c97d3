import type { CartLine } from '../../../../shared/domain/cart-line';
import type { LocalizedText } from '../../../../shared/domain/catalog';
import type { ManualDiscount } from '../../../../shared/domain/coupons';
import { PosError, type PosErrorData } from '../../../../shared/domain/errors';
import type { HeldCart, HeldContent, ResumeChanges } from '../../../../shared/domain/held';
import { sumWon, type Won } from '../../../../shared/domain/money';
import type { PriceList } from '../catalog/pricing';
import { priceEachLine, type LinePrice } from './held-pricing';

/** A cart as main's quote takes it. */
export interface QuoteRequest {
  lines: CartLine[];
  couponCode?: string;
  manualDiscount?: ManualDiscount;
}

export interface PriceAgainDeps {
  prices: PriceList;
  /** Main's quote for a cart; throws why a coupon or a discount does not apply. */
  quote: (request: QuoteRequest) => Promise<unknown>;
  nameOf: (productId: string) => LocalizedText;
}

async function refusal(deps: PriceAgainDeps, request: QuoteRequest): Promise<PosErrorData | null> {
  try {
    await deps.quote(request);
    return null;
  } catch (error) {
    if (error instanceof PosError) return error.toData();
    throw error;
  }
}

/**
 * A held cart priced again from the catalog as it is now: lines no longer sold as they were are
 * left out, lines whose unit price moved are named with both prices, and the coupon and manual
 * discount are checked by main's quote (a coupon it refuses is taken off, with why; a discount
 * above the limit waits for a manager's approval again).
 */
export async function priceAgain(
  held: HeldCart,
  deps: PriceAgainDeps,
): Promise<{ cart: HeldContent; changes: ResumeChanges }> {
  const was = new Map(held.unitPrices.map((price) => [price.lineKey, price.unitPrice]));
  const named = (price: LinePrice) => ({
    lineKey: price.key,
    productId: price.line.productId,
    name: deps.nameOf(price.line.productId),
  });
  const changes: ResumeChanges = {
    repriced: [],
    dropped: [],
    coupon: null,
    discount: null,
    totalBefore: held.total,
    totalAfter: 0,
  };
  const lines: CartLine[] = [];
  const totals: Won[] = [];
  for (const price of priceEachLine(deps.prices, held.cart.lines)) {
    if ('refused' in price) {
      changes.dropped.push({ ...named(price), reason: price.refused });
      continue;
    }
    lines.push(price.line);
    totals.push(price.lineTotal);
    const before = was.get(price.key) ?? null;
    if (before !== null && before !== price.unitPrice)
      changes.repriced.push({ ...named(price), before, after: price.unitPrice });
  }
  changes.totalAfter = sumWon(totals);

  // Nothing left to sell: nothing for a coupon or a discount to apply to either.
  let couponCode = lines.length > 0 ? held.cart.couponCode : null;
  if (couponCode !== null) {
    const problem = await refusal(deps, { lines, couponCode });
    if (problem?.code.startsWith('COUPON_')) {
      changes.coupon = { code: couponCode, problem };
      couponCode = null;
    }
  }
  let manualDiscount = lines.length > 0 ? held.cart.manualDiscount : null;
  if (manualDiscount !== null) {
    const problem = await refusal(deps, { lines, manualDiscount, ...(couponCode === null ? {} : { couponCode }) });
    if (problem?.code === 'DISCOUNT_NEEDS_MANAGER') changes.discount = 'needs-approval';
    else if (problem?.code.startsWith('DISCOUNT_')) {
      changes.discount = 'dropped';
      manualDiscount = null;
    }
  }
  return { cart: { lines, memo: held.cart.memo, couponCode, manualDiscount }, changes };
}
