import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { ConfigError } from '../../platform/config';
import {
  sellable,
  type Catalog,
  type Category,
  type CategoryDraft,
  type LocalizedText,
  type MenuOption,
  type OptionGroup,
  type OptionGroupDraft,
  type Product,
  type ProductDraft,
} from '../../../../shared/domain/catalog';
import { PosError } from '../../../../shared/domain/errors';
import { seoulIso } from '../../../../shared/domain/time';
import { inTileOrder, movedTo } from '../../../../shared/domain/tile-order';
import type { Manager } from '../../../../shared/domain/staff';
import type { FileIo } from '../../platform/disk/file-io';
import { idFrom } from './catalog-ids';
import { CATALOG_FILE, CatalogStore } from './catalog-store';
import { demoCatalog } from './demo-catalog';
import { applyGroupDraft, groupNamed, optionNamed, type PriceStamp } from './option-group-edits';
import { checkOptions, checkProductGroups } from './option-rules';
import type { SharedCatalogEdit } from '../shared-changes/shop-change';

/**
 * What readers get, built once per version of the catalog and shared (the catalogs and their
 * arrays frozen): the register's and the catalog screen's catalogs in tile order, and what
 * pricing and scans look up.
 */
class Views {
  private allView: Catalog | null = null;
  private listView: Catalog | null = null;
  private byId: Map<string, Product> | null = null;
  private byGroupId: ReadonlyMap<string, OptionGroup> | null = null;
  private byBarcode: Map<string, Product> | null = null;
  private everyProduct: Map<string, Product> | null = null;
  private everyOption: ReadonlyMap<string, MenuOption> | null = null;

  constructor(readonly of: Readonly<Catalog>) {}

  /** Made at the first read of a version (a scan after an edit needs neither catalog). */
  get all(): Catalog {
    return (this.allView ??= frozen({ ...this.of, products: tileOrdered(this.of.products) }));
  }

  get list(): Catalog {
    if (this.listView === null) {
      const open = sellable(this.of);
      this.listView = frozen({ ...open, products: tileOrdered(open.products) });
    }
    return this.listView;
  }

  /**
   * The views of the version after `previous`: when only a few products changed in place (an
   * edit, a sold-out switch), the maps `previous` built are handed on with those products
   * replaced, rather than built again from 50,000 at the next sale or scan.
   */
  static after(previous: Views, of: Readonly<Catalog>): Views {
    const next = new Views(of);
    const changed = changedInPlace(previous.of, of);
    if (changed === null) return next;
    const open = new Set(of.categories.flatMap((c) => (c.retired ? [] : [c.id])));
    const sells = (p: Product) => !p.retired && open.has(p.categoryId);
    // Handed on, not shared: `previous` is no longer read once its catalog is replaced.
    next.byGroupId = previous.byGroupId;
    next.everyOption = previous.everyOption;
    next.byId = previous.byId;
    next.byBarcode = previous.byBarcode;
    next.everyProduct = previous.everyProduct;
    for (const [was, now] of changed) {
      next.everyProduct?.set(now.id, now);
      next.byId?.delete(was.id);
      if (sells(now)) next.byId?.set(now.id, now);
      // Barcodes are one product's each (an edit to another's is refused).
      if (was.barcode !== null && next.byBarcode?.get(was.barcode) === was) next.byBarcode.delete(was.barcode);
      if (sells(now) && now.barcode !== null) next.byBarcode?.set(now.barcode, now);
    }
    return next;
  }

  /** Built at the first sale of a version (not at every edit's). */
  get products(): ReadonlyMap<string, Product> {
    return (this.byId ??= new Map(this.list.products.map((p) => [p.id, p])));
  }

  get groups(): ReadonlyMap<string, OptionGroup> {
    return (this.byGroupId ??= new Map(this.list.optionGroups.map((g) => [g.id, g])));
  }

  /** Retired ones included: what sold orders name. */
  get anyProduct(): ReadonlyMap<string, Product> {
    return (this.everyProduct ??= new Map(this.of.products.map((p) => [p.id, p])));
  }

  get anyOption(): ReadonlyMap<string, MenuOption> {
    return (this.everyOption ??= new Map(this.of.optionGroups.flatMap((g) => g.options).map((o) => [o.id, o])));
  }

  /** Built at the first scan of a version. */
  get barcodes(): ReadonlyMap<string, Product> {
    return (this.byBarcode ??= new Map(
      this.list.products.flatMap((p) => (p.barcode === null ? [] : [[p.barcode, p] as const])),
    ));
  }
}

/** Past this many products changed at once, the next version's maps are built anew. */
const MOST_CHANGED_IN_PLACE = 64;

/**
 * The products `next` changed in place of `previous` (same places, the same categories and
 * option groups), as pairs of before and after; null when the change is any other (a product
 * added, a move, a category) or touches many products.
 */
function changedInPlace(previous: Readonly<Catalog>, next: Readonly<Catalog>): Array<[Product, Product]> | null {
  if (previous.categories !== next.categories || previous.optionGroups !== next.optionGroups) return null;
  if (previous.products.length !== next.products.length) return null;
  const changed: Array<[Product, Product]> = [];
  for (const [i, now] of next.products.entries()) {
    const was = previous.products[i] as Product;
    if (was === now) continue;
    if (was.id !== now.id || changed.length === MOST_CHANGED_IN_PLACE) return null;
    changed.push([was, now]);
  }
  return changed;
}

/** Typed as the mutable Catalog the readers take; frozen so that none of them can change what all share. */
function frozen(catalog: Catalog): Catalog {
  Object.freeze(catalog.products);
  return Object.freeze(catalog);
}

/** Products in tile order: as they are when the file already is (the usual case, and after any move) without sorting 50,000. */
function tileOrdered(products: readonly Product[]): Product[] {
  let last = 0;
  for (const product of products) {
    const position = product.position ?? Infinity;
    if (position < last) return inTileOrder(products);
    last = position;
  }
  return [...products];
}

/** The shop's records in its order, each kept as this register's where equal, then this register's others, retired. */
function adopted<T extends { id: string; retired: boolean }>(mine: readonly T[], shop: readonly T[]): T[] {
  const own = new Map(mine.map((record) => [record.id, record]));
  const theirs = new Set(shop.map((record) => record.id));
  return [
    ...shop.map((record) => {
      const kept = own.get(record.id);
      return kept !== undefined && isDeepStrictEqual(kept, record) ? kept : record;
    }),
    ...mine
      .filter((record) => !theirs.has(record.id))
      .map((record) => (record.retired ? record : { ...record, retired: true })),
  ];
}

/** The product at `id` replaced in the draft by an editable copy (the current ones are frozen, shared with readers). */
function editable(catalog: Catalog, productId: string): Product | undefined {
  const i = catalog.products.findIndex((p) => p.id === productId);
  const current = catalog.products[i];
  if (current === undefined) return undefined;
  const copy = structuredClone(current);
  catalog.products[i] = copy;
  return copy;
}

/**
 * The shop's products and prices: main's own copy, the only one orders are priced from. Edits
 * are validated whole before they are written; a price change applies to new orders only
 * (stored orders keep the price they were rung up at) and is kept in the product's history
 * with the manager who made it; so is an option's.
 */
export class CatalogFile {
  private views: Views | null = null;

  private constructor(
    private readonly doc: CatalogStore,
    private readonly now: () => Date,
  ) {}

  /**
   * `firstCatalog`: what a missing catalog starts as on a first start (the demo café in training,
   * an empty one live), or null where the folder has sales: there a missing catalog stops the
   * start, so the register never sells at demo prices and a lost catalog is never silently replaced.
   */
  static async open(
    dataDir: string,
    io: FileIo,
    now: () => Date = () => new Date(),
    firstCatalog: () => Promise<Catalog | null> = async () => demoCatalog,
  ): Promise<CatalogFile> {
    const path = join(dataDir, CATALOG_FILE);
    // First start: the store puts the catalog on disk at once, so the owner has a file to edit.
    const doc = await CatalogStore.open(dataDir, io, async () => {
      const first = await firstCatalog();
      if (first === null) {
        throw new ConfigError(
          `${path} is missing, and this data folder has sales: Toss POS will not replace the catalog they were rung up from. ` +
            'Put the shop’s catalog.json back (from a backup); a new shop starts on a new, empty folder.',
        );
      }
      return first;
    });
    return new CatalogFile(doc, now);
  }

  /**
   * The first start's choice (an empty catalog, or the demo café in training): the whole catalog
   * replaced. The caller checks it is still a first start; nothing of the shop's is lost. It stays
   * this register's: it is never sent to a shared store's other registers.
   */
  async startWith(catalog: Catalog): Promise<Catalog> {
    return this.doc.update((draft) => {
      Object.assign(draft, structuredClone(catalog));
      return structuredClone(draft);
    }, true);
  }

  /** Tells `edited` of each edit made on this register (what the shared store's outbox sends to the others). */
  onSharedEdit(edited: (edit: SharedCatalogEdit) => void): void {
    this.doc.onEdit(edited);
  }

  /**
   * Another register's edit, from the shop's log, through the same store as a local edit (checked
   * by the schema, a new version, the views moved on). Each product replaces this one's by id, or is
   * added; categories and option groups whole. A record `pending` names (changed here, not yet
   * sent: later in the shop's order) is left as it is, and so is one already as the edit has it.
   */
  applyShared(edit: SharedCatalogEdit, pending: (key: string) => boolean): Promise<void> {
    return this.doc.update((catalog) => {
      const at = new Map(catalog.products.map((p, i) => [p.id, i]));
      for (const product of edit.products) {
        if (pending(`product:${product.id}`)) continue;
        const i = at.get(product.id);
        if (i === undefined) {
          at.set(product.id, catalog.products.length);
          catalog.products.push(product);
        } else if (!isDeepStrictEqual(catalog.products[i], product)) catalog.products[i] = product;
      }
      if (edit.categories !== undefined && !pending('categories')) catalog.categories = edit.categories;
      if (edit.optionGroups !== undefined && !pending('optionGroups')) catalog.optionGroups = edit.optionGroups;
    }, true);
  }

  /**
   * The shop's catalog in place of this register's (a register joining a shop adopts it): the
   * shop's categories, products and option groups, and this register's own that the shop does not
   * have kept but retired (its sold orders still name them). A record already as the shop has it stays as it is.
   */
  adoptShared(shop: Catalog): Promise<void> {
    return this.doc.update((catalog) => {
      catalog.categories = adopted(catalog.categories, shop.categories);
      catalog.optionGroups = adopted(catalog.optionGroups, shop.optionGroups);
      catalog.products = adopted(catalog.products, shop.products);
    }, true);
  }

  /** Resolves once a fold of the edits under way is written (the app is quitting). */
  close(): Promise<void> {
    return this.doc.close();
  }

  /** Moves with every change to the catalog, made here or at another register. */
  version(): number {
    return this.doc.version;
  }

  /** What the register sells now, in tile order: frozen, shared by every reader of this version. */
  list(): Catalog {
    return this.current().list;
  }

  /** Everything, retired included (the catalog screen), in tile order: frozen, shared by every reader of this version. */
  all(): Catalog {
    return this.current().all;
  }

  /** A product the register may sell (retired ones, and those of retired categories, are not). */
  product(productId: string): Product | undefined {
    return this.current().products.get(productId);
  }

  /** The product the register may sell with this barcode, as a scanner reads it. */
  productByBarcode(barcode: string): Product | undefined {
    return this.current().barcodes.get(barcode);
  }

  /** A product's names, retired or not (what a sold line is shown by). */
  productNames(productId: string): LocalizedText | undefined {
    return this.current().anyProduct.get(productId)?.name;
  }

  /** An option's names, retired or not. */
  optionNames(optionId: string): LocalizedText | undefined {
    return this.current().anyOption.get(optionId)?.name;
  }

  /** An option group the register may ask for (retired ones are not). */
  optionGroup(groupId: string): OptionGroup | undefined {
    return this.current().groups.get(groupId);
  }

  /** Every sale, scan and screen reads the catalog: its views are rebuilt only when an edit made a new version. */
  private current(): Views {
    const current = this.doc.data;
    if (this.views?.of !== current)
      this.views = this.views === null ? new Views(current) : Views.after(this.views, current);
    return this.views;
  }

  saveProduct(draft: ProductDraft, by: Manager): Promise<Product> {
    return this.doc.update((catalog) => {
      const category = catalog.categories.find((c) => c.id === draft.categoryId);
      if (!category || category.retired) throw new PosError('CATALOG_CONFLICT', `no open category ${draft.categoryId}`);
      if (draft.barcode !== null && catalog.products.some((p) => p.barcode === draft.barcode && p.id !== draft.id)) {
        throw new PosError('CATALOG_CONFLICT', `barcode ${draft.barcode} already belongs to another product`);
      }
      const at = seoulIso(this.now());
      if (draft.id === undefined) {
        const product: Product = {
          id: idFrom(draft.name.en, new Set(catalog.products.map((p) => p.id))),
          categoryId: draft.categoryId,
          name: draft.name,
          price: draft.price,
          barcode: draft.barcode,
          soldOut: false,
          retired: false,
          priceHistory: [{ price: draft.price, from: at, by: by.name }],
          optionGroupIds: draft.optionGroupIds ?? [],
          taxFree: draft.taxFree ?? false,
          ...(draft.stock === undefined || draft.stock === null ? {} : { stock: { count: draft.stock, at } }),
        };
        checkProductGroups(product, catalog);
        catalog.products.push(product);
        return structuredClone(product);
      }
      const product = editable(catalog, draft.id);
      if (!product) throw new PosError('CATALOG_CONFLICT', `no product ${draft.id}`);
      if (product.price !== draft.price) product.priceHistory.push({ price: draft.price, from: at, by: by.name });
      Object.assign(product, {
        categoryId: draft.categoryId,
        name: draft.name,
        price: draft.price,
        barcode: draft.barcode,
        optionGroupIds: draft.optionGroupIds ?? product.optionGroupIds,
        taxFree: draft.taxFree ?? product.taxFree,
      });
      // A new count is counted now: only orders after it take from it.
      if (draft.stock === null) delete product.stock;
      else if (draft.stock !== undefined) product.stock = { count: draft.stock, at };
      checkProductGroups(product, catalog);
      return structuredClone(product);
    });
  }

  setSoldOut(productId: string, soldOut: boolean): Promise<Product> {
    return this.changeProduct(productId, (product) => {
      product.soldOut = soldOut;
    });
  }

  /** Moves a product's tile to `position` (1 is first) on the register; the others close up around it. */
  moveProduct(productId: string, position: number): Promise<Product> {
    return this.doc.update((catalog) => {
      const moved = movedTo(catalog.products, productId, position);
      if (moved === null)
        throw new PosError(
          'CATALOG_CONFLICT',
          `no product ${productId}, or no position ${position} among ${catalog.products.length}`,
        );
      catalog.products = moved;
      return structuredClone(moved[position - 1] as Product);
    });
  }

  setProductRetired(productId: string, retired: boolean): Promise<Product> {
    return this.changeProduct(productId, (product) => {
      product.retired = retired;
    });
  }

  saveCategory(draft: CategoryDraft): Promise<Category> {
    return this.doc.update((catalog) => {
      if (draft.id === undefined) {
        const category: Category = {
          id: idFrom(draft.name.en, new Set(catalog.categories.map((c) => c.id))),
          name: draft.name,
          retired: false,
        };
        catalog.categories.push(category);
        return structuredClone(category);
      }
      const category = catalog.categories.find((c) => c.id === draft.id);
      if (!category) throw new PosError('CATALOG_CONFLICT', `no category ${draft.id}`);
      category.name = draft.name;
      return structuredClone(category);
    });
  }

  setCategoryRetired(categoryId: string, retired: boolean): Promise<Category> {
    return this.doc.update((catalog) => {
      const category = catalog.categories.find((c) => c.id === categoryId);
      if (!category) throw new PosError('CATALOG_CONFLICT', `no category ${categoryId}`);
      category.retired = retired;
      return structuredClone(category);
    });
  }

  /** Adds or edits an option group (see applyGroupDraft); the whole catalog's option rules are checked before it is written. */
  saveOptionGroup(draft: OptionGroupDraft, by: Manager): Promise<OptionGroup> {
    return this.changeOptions((catalog) => applyGroupDraft(catalog, draft, this.stamp(by)));
  }

  /** A retired group is no longer asked for; products keep naming it, so bringing it back asks again. */
  setOptionGroupRetired(groupId: string, retired: boolean): Promise<OptionGroup> {
    return this.changeOptions((catalog) => {
      const group = groupNamed(catalog, groupId);
      group.retired = retired;
      return group;
    });
  }

  /** Answers with the option's group. */
  setOptionSoldOut(optionId: string, soldOut: boolean): Promise<OptionGroup> {
    return this.changeOptions((catalog) => {
      const { group, option } = optionNamed(catalog, optionId);
      option.soldOut = soldOut;
      return group;
    });
  }

  /** Answers with the option's group; a default cannot be retired (choose another default first). */
  setOptionRetired(optionId: string, retired: boolean): Promise<OptionGroup> {
    return this.changeOptions((catalog) => {
      const { group, option } = optionNamed(catalog, optionId);
      option.retired = retired;
      return group;
    });
  }

  private stamp(by: Manager): PriceStamp {
    return { from: seoulIso(this.now()), by: by.name };
  }

  private changeOptions(change: (catalog: Catalog) => OptionGroup): Promise<OptionGroup> {
    return this.doc.update((catalog) => {
      const group = change(catalog);
      checkOptions(catalog);
      return structuredClone(group);
    });
  }

  private changeProduct(productId: string, change: (product: Product) => void): Promise<Product> {
    return this.doc.update((catalog) => {
      const product = editable(catalog, productId);
      if (!product) throw new PosError('CATALOG_CONFLICT', `no product ${productId}`);
      change(product);
      return structuredClone(product);
    });
  }
}
