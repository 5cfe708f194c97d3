import type { catalogChannels } from '../../../../shared/ipc/channels/catalog';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { CatalogFile } from './catalog-file';

export function catalogHandlers(catalog: CatalogFile): DomainHandlers<typeof catalogChannels> {
  return {
    'catalog:list': async () => catalog.list(),
    'catalog:manage': async () => catalog.all(),
    'catalog:save-product': (input, { manager }) => catalog.saveProduct(input, manager),
    'catalog:set-sold-out': (input) => catalog.setSoldOut(input.productId, input.soldOut),
    'catalog:retire-product': (input) => catalog.setProductRetired(input.productId, input.retired),
    'catalog:save-category': (input) => catalog.saveCategory(input),
    'catalog:retire-category': (input) => catalog.setCategoryRetired(input.categoryId, input.retired),
  };
}
