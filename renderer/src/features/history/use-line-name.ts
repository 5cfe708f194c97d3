import type { Order } from '../../../../shared/domain/order';
import { useLocale } from '../../i18n/use-strings';
import { selectCatalog, useSession } from '../../session/session-store';

/**
 * The name of a product on the order: the order keeps it in Korean; the screen's language when
 * the catalog still knows the product.
 */
export function useLineName(order: Order): (productId: string) => string {
  const locale = useLocale();
  const catalog = useSession(selectCatalog);
  return (productId) =>
    catalog?.products.find((product) => product.id === productId)?.name[locale] ??
    order.lines.find((line) => line.productId === productId)?.name ??
    productId;
}
