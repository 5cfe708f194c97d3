import { lineKeyOf, type CartLine } from '../../../../shared/domain/cart-line';
import { PosError } from '../../../../shared/domain/errors';
import type { Won } from '../../../../shared/domain/money';
import { priceCart, type PriceList } from '../catalog/pricing';

/** Why a held line can no longer be sold as it was. */
export type LineRefusal = 'gone' | 'sold-out' | 'option';

export type LinePrice = { line: CartLine; key: string } & (
  { unitPrice: Won; lineTotal: Won } | { refused: LineRefusal }
);

function refusalOf(error: unknown): LineRefusal | null {
  if (!(error instanceof PosError)) return null;
  switch (error.code) {
    case 'UNKNOWN_PRODUCT':
      return 'gone';
    case 'PRODUCT_SOLD_OUT':
      return 'sold-out';
    // The product itself still sells: saying "품절" of the latte whose syrup ran out would mislead.
    case 'OPTION_INVALID':
      return 'option';
    default:
      return null;
  }
}

/**
 * Each line priced on its own from the catalog as it is now, so that one line no longer sold
 * (retired, sold out, an option gone) is named instead of refusing the whole cart.
 */
export function priceEachLine(prices: PriceList, lines: readonly CartLine[]): LinePrice[] {
  return lines.flatMap((line): LinePrice[] => {
    const key = lineKeyOf(line);
    try {
      // One line in, one priced line out.
      return priceCart(prices, [line]).lines.map(({ unitPrice, lineTotal }) => ({ line, key, unitPrice, lineTotal }));
    } catch (error) {
      const refused = refusalOf(error);
      if (refused === null) throw error;
      return [{ line, key, refused }];
    }
  });
}
