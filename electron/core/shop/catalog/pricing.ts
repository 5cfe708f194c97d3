import type { OptionGroup, Product } from '../../../../shared/domain/catalog';
import { canonicalPicks, lineKeyOf, MAX_LINE_QUANTITY, type CartLine } from '../../../../shared/domain/cart-line';
import { PosError } from '../../../../shared/domain/errors';
import { lineTotal, sumWon, type Won } from '../../../../shared/domain/money';
import type { OrderLine, SoldOption } from '../../../../shared/domain/order';
import { taxFreeOfLines, taxSplit } from '../../../../shared/domain/tax-split';

/** A cart line as pricing takes it: options and memo may be left out for a plain line. */
export type CartLineRequest = Pick<CartLine, 'productId' | 'quantity'> & Partial<Pick<CartLine, 'options' | 'memo'>>;

/** Where prices come from: the products and option groups the register may sell now. */
export interface PriceList {
  product(productId: string): Product | undefined;
  optionGroup(groupId: string): OptionGroup | undefined;
}

export interface PricedCart {
  lines: OrderLine[];
  orderName: string;
  amount: Won;
  supplyAmount: Won;
  vatAmount: Won;
  taxFreeAmount: Won;
}

const ORDER_NAME_MAX = 100;

/** Toss's convention: "아메리카노 외 2건" when there is more than one line. */
export function orderNameFor(lines: readonly OrderLine[]): string {
  const [first, ...rest] = lines;
  if (!first) throw new PosError('EMPTY_CART', 'no lines to name');
  const suffix = rest.length > 0 ? ` 외 ${rest.length}건` : '';
  return first.name.slice(0, ORDER_NAME_MAX - suffix.length) + suffix;
}

function optionRefused(reason: string, product: Product, details: Record<string, string | number>): PosError {
  return new PosError('OPTION_INVALID', `${product.id}: option ${reason}`, {
    details: { reason, product: product.name.ko, ...details },
  });
}

/**
 * The options of one unit of `product`, priced from the catalog: every pick must be an open
 * option of one of the product's groups, and each group's picks must add up to between its
 * minimum and maximum. A required group the request names nothing of is taken at its defaults
 * (the usual: a plain "아메리카노" is a hot regular one). Sold options come in the product's
 * group order, then the group's own.
 */
export function priceOptions(prices: PriceList, product: Product, picks: CartLine['options']): SoldOption[] {
  const wanted = new Map(canonicalPicks(picks).map((pick) => [pick.optionId, pick.count]));
  const sold: SoldOption[] = [];
  for (const groupId of product.optionGroupIds) {
    const group = prices.optionGroup(groupId);
    if (!group) continue;
    if (group.min > 0 && !group.options.some((option) => wanted.has(option.id)))
      for (const id of group.defaults) wanted.set(id, 1);
    let picked = 0;
    for (const option of group.options) {
      const count = wanted.get(option.id);
      if (count === undefined) continue;
      // Named as the cashier knows it: a retired option is one the shop no longer offers.
      if (option.retired) throw optionRefused('not-offered', product, { option: option.name.ko });
      if (option.soldOut) throw optionRefused('sold-out', product, { option: option.name.ko });
      wanted.delete(option.id);
      picked += count;
      sold.push({ groupId, optionId: option.id, name: option.name.ko, count, unitPrice: option.price });
    }
    if (picked < group.min || picked > group.max) {
      throw optionRefused(picked < group.min ? 'too-few' : 'too-many', product, {
        group: group.name.ko,
        min: group.min,
        max: group.max,
      });
    }
  }
  const [stray] = wanted.keys();
  if (stray !== undefined) throw optionRefused('not-offered', product, { option: stray });
  return sold;
}

/**
 * Prices a cart from the shop's own catalog. Only product ids, quantities, option picks and
 * memos are taken from the request; lines that are the same (lineKeyOf) are merged into one.
 */
export function priceCart(prices: PriceList, request: readonly CartLineRequest[]): PricedCart {
  const merged = new Map<string, CartLine>();
  for (const asked of request) {
    const line: CartLine = { ...asked, options: canonicalPicks(asked.options ?? []), memo: asked.memo ?? null };
    const key = lineKeyOf(line);
    const same = merged.get(key);
    merged.set(key, same ? { ...same, quantity: same.quantity + line.quantity } : line);
  }
  if (merged.size === 0) throw new PosError('EMPTY_CART', 'the cart has no lines');

  const lines: OrderLine[] = [];
  for (const { productId, quantity, options, memo } of merged.values()) {
    const product = prices.product(productId);
    if (!product) throw new PosError('UNKNOWN_PRODUCT', `no product ${productId}`);
    if (product.soldOut) throw new PosError('PRODUCT_SOLD_OUT', `${productId} is sold out`);
    if (quantity > MAX_LINE_QUANTITY)
      throw new PosError('INVALID_INPUT', `quantity of ${productId} over ${MAX_LINE_QUANTITY}`);
    const sold = priceOptions(prices, product, options);
    const unitPrice = sumWon([product.price, ...sold.map((option) => lineTotal(option.unitPrice, option.count))]);
    lines.push({
      productId,
      name: product.name.ko,
      unitPrice,
      quantity,
      lineTotal: lineTotal(unitPrice, quantity),
      discount: 0,
      options: sold,
      memo,
      ...(product.taxFree ? { taxFree: true } : {}),
    });
  }
  const amount = sumWon(lines.map((l) => l.lineTotal));
  const split = taxSplit(amount, taxFreeOfLines(lines));
  return {
    lines,
    orderName: orderNameFor(lines),
    amount,
    supplyAmount: split.taxable,
    vatAmount: split.vat,
    taxFreeAmount: split.taxFree,
  };
}
