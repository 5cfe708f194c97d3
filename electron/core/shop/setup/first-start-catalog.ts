import { isDeepStrictEqual } from 'node:util';
import type { Catalog } from '../../../../shared/domain/catalog';
import { PosError } from '../../../../shared/domain/errors';
import type { CatalogFile } from '../catalog/catalog-file';
import { demoCatalog } from '../catalog/demo-catalog';
import { emptyCatalog } from '../catalog/empty-catalog';

export type CatalogStart = 'empty' | 'demo';

export interface FirstStartCatalogDeps {
  catalog: CatalogFile;
  training: () => boolean;
  /** Whether either book holds an order: then the catalog is the shop's, whatever it looks like. */
  hasSold: () => Promise<boolean>;
}

/**
 * The first start's catalog choice: an empty catalog, or (in training only) the demo café. Only
 * while the catalog is still one of those two untouched and nothing was sold, so the choice can
 * never throw away a product the owner entered or a catalog orders were priced from.
 */
export class FirstStartCatalog {
  constructor(private readonly deps: FirstStartCatalogDeps) {}

  /** Whether the choice is still open (the first-start flow offers it only then). */
  async open(): Promise<boolean> {
    const current = this.deps.catalog.all();
    const untouched = isDeepStrictEqual(current, emptyCatalog) || isDeepStrictEqual(current, demoCatalog);
    return untouched && !(await this.deps.hasSold());
  }

  async start(start: CatalogStart): Promise<Catalog> {
    if (start === 'demo' && !this.deps.training())
      throw new PosError('CATALOG_START_CLOSED', 'the demo café is offered in training mode only');
    if (!(await this.open()))
      throw new PosError(
        'CATALOG_START_CLOSED',
        'the catalog was already edited or sold from: change it on the catalog screen',
      );
    return this.deps.catalog.startWith(start === 'demo' ? demoCatalog : emptyCatalog);
  }
}
