import { join } from 'node:path';
import { catalogSchema, type Catalog, type Product } from '../../../shared/domain/catalog';
import type { FileIo } from '../store/file-io';
import { JsonDocument } from '../store/json-document';
import { demoCatalog } from './demo-catalog';

/** The shop's products and prices: main's own copy, the only one orders are priced from. */
export class CatalogStore {
  private constructor(private readonly doc: JsonDocument<Catalog>) {}

  static async open(dataDir: string, io: FileIo): Promise<CatalogStore> {
    const doc = await JsonDocument.open(join(dataDir, 'catalog.json'), catalogSchema, structuredClone(demoCatalog), io);
    const store = new CatalogStore(doc);
    // First start: put the demo catalog on disk so the owner has a file to edit.
    if ((await io.read(join(dataDir, 'catalog.json'))) === null) await doc.update(() => undefined);
    return store;
  }

  list(): Catalog {
    return structuredClone(this.doc.data);
  }

  product(productId: string): Product | undefined {
    return this.doc.data.products.find((p) => p.id === productId);
  }
}
