import { lineKeyOf } from '../../../../shared/domain/cart-line';
import type { Order } from '../../../../shared/domain/order';
import { soldNames, type SoldNames } from '../../i18n/sold-names';
import { useLocale } from '../../i18n/use-strings';
import { selectCatalog, useSession } from '../../session/session-store';

/** How the order's lines are named, in the screen's language while the catalog still knows them. */
export function useSoldNames(): SoldNames {
  return soldNames(useSession(selectCatalog), useLocale());
}

/**
 * The name of a line on the order (by lineKeyOf), with its options and memo so two lattes
 * apart by their options read apart: "카페라테 (ICE · 라지 · 얼음 적게)".
 */
export function useLineName(order: Order): (lineKey: string) => string {
  const names = useSoldNames();
  return (lineKey) => {
    const line = order.lines.find((sold) => lineKeyOf(sold) === lineKey);
    if (!line) return lineKey;
    const extras = [names.options(line), line.memo ?? ''].filter((part) => part !== '').join(' · ');
    return extras === '' ? names.product(line) : `${names.product(line)} (${extras})`;
  };
}
