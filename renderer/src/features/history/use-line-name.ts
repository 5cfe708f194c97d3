import { lineKeyOf } from '../../../../shared/domain/cart-line';
import type { Order } from '../../../../shared/domain/order';
import { useLocale } from '../../i18n/use-strings';
import { selectCatalog, useSession } from '../../session/session-store';

/**
 * The name of a line on the order (by lineKeyOf): the order keeps it in Korean; the screen's
 * language when the catalog still knows the product.
 */
export function useLineName(order: Order): (lineKey: string) => string {
  const locale = useLocale();
  const catalog = useSession(selectCatalog);
  return (lineKey) => {
    const line = order.lines.find((sold) => lineKeyOf(sold) === lineKey);
    if (!line) return lineKey;
    return catalog?.products.find((product) => product.id === line.productId)?.name[locale] ?? line.name;
  };
}
