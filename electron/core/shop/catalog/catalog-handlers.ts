import type { catalogChannels } from '../../../../shared/ipc/channels/catalog';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import type { StockTally } from '../stock/stock-tally';
import type { CatalogFile } from './catalog-file';

export function catalogHandlers(catalog: CatalogFile, stock: StockTally): DomainHandlers<typeof catalogChannels> {
  return {
    'catalog:list': async () => stock.withLeft(catalog.list(), true),
    'catalog:version': async () => ({ version: catalog.version() }),
    'catalog:manage': async () => stock.withLeft(catalog.all(), false),
    'catalog:save-product': (input, { manager }) => catalog.saveProduct(input, manager),
    'catalog:set-sold-out': (input) => catalog.setSoldOut(input.productId, input.soldOut),
    'catalog:move-product': (input) => catalog.moveProduct(input.productId, input.position),
    'catalog:retire-product': (input) => catalog.setProductRetired(input.productId, input.retired),
    'catalog:save-category': (input) => catalog.saveCategory(input),
    'catalog:retire-category': (input) => catalog.setCategoryRetired(input.categoryId, input.retired),
    'catalog:save-option-group': (input, { manager }) => catalog.saveOptionGroup(input, manager),
    'catalog:retire-option-group': (input) => catalog.setOptionGroupRetired(input.groupId, input.retired),
    'catalog:set-option-sold-out': (input) => catalog.setOptionSoldOut(input.optionId, input.soldOut),
    'catalog:retire-option': (input) => catalog.setOptionRetired(input.optionId, input.retired),
  };
}
