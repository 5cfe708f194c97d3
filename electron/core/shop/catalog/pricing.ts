import type { Product } from '../../../../shared/domain/catalog';
import { PosError } from '../../../../shared/domain/errors';
import { lineTotal, sumWon, vatSplit, type Won } from '../../../../shared/domain/money';
import { MAX_LINE_QUANTITY, type OrderLine } from '../../../../shared/domain/order';

export interface CartLineRequest {
  productId: string;
  quantity: number;
}

export interface PricedCart {
  lines: OrderLine[];
  orderName: string;
  amount: Won;
  supplyAmount: Won;
  vatAmount: Won;
}

const ORDER_NAME_MAX = 100;

/** Toss's convention: "아메리카노 외 2건" when there is more than one line. */
export function orderNameFor(lines: readonly OrderLine[]): string {
  const [first, ...rest] = lines;
  if (!first) throw new PosError('EMPTY_CART', 'no lines to name');
  const suffix = rest.length > 0 ? ` 외 ${rest.length}건` : '';
  return first.name.slice(0, ORDER_NAME_MAX - suffix.length) + suffix;
}

/**
 * Prices a cart from the shop's own catalog. Only product ids and quantities are taken from the
 * request; repeated products are merged into one line.
 */
export function priceCart(
  lookup: (productId: string) => Product | undefined,
  request: readonly CartLineRequest[],
): PricedCart {
  const quantities = new Map<string, number>();
  for (const { productId, quantity } of request) {
    quantities.set(productId, (quantities.get(productId) ?? 0) + quantity);
  }
  if (quantities.size === 0) throw new PosError('EMPTY_CART', 'the cart has no lines');

  const lines: OrderLine[] = [];
  for (const [productId, quantity] of quantities) {
    const product = lookup(productId);
    if (!product) throw new PosError('UNKNOWN_PRODUCT', `no product ${productId}`);
    if (product.soldOut) throw new PosError('PRODUCT_SOLD_OUT', `${productId} is sold out`);
    if (quantity > MAX_LINE_QUANTITY)
      throw new PosError('INVALID_INPUT', `quantity of ${productId} over ${MAX_LINE_QUANTITY}`);
    lines.push({
      productId,
      name: product.name.ko,
      unitPrice: product.price,
      quantity,
      lineTotal: lineTotal(product.price, quantity),
      discount: 0,
    });
  }
  const amount = sumWon(lines.map((l) => l.lineTotal));
  const { supply, vat } = vatSplit(amount);
  return { lines, orderName: orderNameFor(lines), amount, supplyAmount: supply, vatAmount: vat };
}
