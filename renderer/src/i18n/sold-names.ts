import type { Catalog } from '../../../shared/domain/catalog';
import { optionsText } from '../../../shared/domain/option-text';
import type { OrderLine } from '../../../shared/domain/order';
import type { Locale } from '../../../shared/i18n/error-messages';

/**
 * How a sold line is named on the receipt and in history: the order keeps its product's and
 * options' names in Korean; in the screen's language while the catalog still knows them.
 */
export interface SoldNames {
  product(line: Pick<OrderLine, 'productId' | 'name'>): string;
  /** The line's options in one short text ("ICE · 라지 · 샷 추가 ×2"); empty for a line without. */
  options(line: Pick<OrderLine, 'options'>): string;
}

export function soldNames(catalog: Catalog | null, locale: Locale): SoldNames {
  const options = new Map(catalog?.optionGroups.flatMap((group) => group.options).map((o) => [o.id, o.name]));
  return {
    product: (line) => catalog?.products.find((p) => p.id === line.productId)?.name[locale] ?? line.name,
    options: (line) =>
      optionsText(line.options.map((o) => ({ name: options.get(o.optionId)?.[locale] ?? o.name, count: o.count }))),
  };
}
