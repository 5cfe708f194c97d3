import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { z } from 'zod';
import {
  catalogSchema,
  categorySchema,
  optionGroupSchema,
  productSchema,
  type Catalog,
  type Product,
} from '../../../../shared/domain/catalog';
import { StoreFileCorruptError } from '../../platform/disk/corrupt-file-error';
import type { FileIo } from '../../platform/disk/file-io';
import { KeyedJournal, wholeLines } from '../../platform/disk/keyed-journal';
import { KeyedMutex } from '../../platform/disk/keyed-mutex';

export const CATALOG_FILE = 'catalog.json';
export const CATALOG_EDITS_FILE = 'catalog-edits.jsonl';
/** The SHA-256 of `catalog.json` as the app last wrote or checked it: a start that finds it matching skips the schema. */
export const CATALOG_DIGEST_FILE = 'catalog.sha256';

function digestOf(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * One edit as journaled: the new whole state of every product it changed (matched by id, a new
 * one added at the end), and the categories or option groups whole when it changed any of them
 * (a few hundred small records). Replaying a line twice gives the same catalog.
 */
export const catalogEditSchema = z.strictObject({
  n: z.number().int().min(1),
  products: z.array(productSchema).default([]),
  categories: z.array(categorySchema).optional(),
  optionGroups: z.array(optionGroupSchema).optional(),
});
export type CatalogEdit = z.infer<typeof catalogEditSchema>;

/** Past this many products changed at once (a tile move numbers them all), the edit is a new snapshot instead. */
const MOST_PRODUCTS_PER_EDIT = 1_000;
/** Edits journaled before the next one also writes a new snapshot, so a start replays few. */
export const EDITS_PER_SNAPSHOT = 1_000;

/**
 * A version as readers share it: the catalog and its arrays frozen, so a reader cannot add or
 * drop a record. The records are shared too, not copied (freezing 50,000 of them cost a start
 * 100 ms): readers only read them, and writers replace a record by an edited copy.
 */
function sealed(catalog: Catalog): Catalog {
  Object.freeze(catalog.categories);
  Object.freeze(catalog.products);
  Object.freeze(catalog.optionGroups);
  return Object.freeze(catalog);
}

/** The edits in order applied to `catalog` (each product by id; categories and groups whole). */
export function replayed(catalog: Catalog, edits: Iterable<CatalogEdit>): Catalog {
  const products = [...catalog.products];
  const at = new Map(products.map((p, i) => [p.id, i]));
  let { categories, optionGroups } = catalog;
  for (const edit of edits) {
    for (const product of edit.products) {
      const i = at.get(product.id);
      if (i === undefined) {
        at.set(product.id, products.length);
        products.push(product);
      } else products[i] = product;
    }
    categories = edit.categories ?? categories;
    optionGroups = edit.optionGroups ?? optionGroups;
  }
  return { categories, products, optionGroups };
}

/** An edit as it is told to others: what changed, without its place in this register's journal. */
function unnumbered({ n: _n, ...edit }: CatalogEdit): Omit<CatalogEdit, 'n'> {
  return edit;
}

/**
 * The catalog on disk as a snapshot (`catalog.json`, the document the owner knows) and a journal
 * of the edits since (`catalog-edits.jsonl`): an edit is one small durable append however many
 * products the shop has, where rewriting a mart's catalog took far longer. A start replays the
 * journal (a torn last line, never confirmed, is dropped) and folds it into a new snapshot; so does
 * every EDITS_PER_SNAPSHOT-th edit, once it has answered, and an edit of very many products (a tile move) is a snapshot.
 * Changes are all-or-nothing: made on a copy, checked by the schema, written, then shown.
 */
export class CatalogStore {
  private readonly mutex = new KeyedMutex();
  private current: Readonly<Catalog>;
  private edits: number;
  /** A fold of the journal waiting for, or under, the lock. */
  private folding: Promise<void> | null = null;
  /** Told of each edit made here, once it is written (the shared store's outbox); never of one applied from the shop's log. */
  private edited: ((edit: Omit<CatalogEdit, 'n'>) => void) | null = null;
  /** Changes made since the store was opened, here or applied from the shop's log. */
  private changes = 0;

  private constructor(
    private readonly dir: string,
    private readonly io: FileIo,
    private journal: KeyedJournal<CatalogEdit>,
    catalog: Catalog,
  ) {
    this.current = sealed(catalog);
    this.edits = journal.size;
  }

  /** Opens the catalog; a missing `catalog.json` becomes `first()` (which may refuse by throwing), written at once. */
  static async open(dir: string, io: FileIo, first: () => Promise<Catalog>): Promise<CatalogStore> {
    const path = join(dir, CATALOG_FILE);
    const text = await io.read(path);
    let snapshot: Catalog;
    if (text === null) snapshot = catalogSchema.parse(structuredClone(await first()));
    else {
      const digestPath = join(dir, CATALOG_DIGEST_FILE);
      const digest = digestOf(text);
      // As the app wrote it (checked then): JSON.parse alone, where the schema took a mart's catalog 200 ms more.
      if ((await io.read(digestPath)) === digest) snapshot = JSON.parse(text) as Catalog;
      else {
        let raw: unknown;
        try {
          raw = JSON.parse(text);
          snapshot = catalogSchema.parse(raw);
        } catch (error) {
          throw new StoreFileCorruptError(path, error);
        }
        // A file already as the schema reads it (no default to fill in) is trusted at the next start; catalog.json itself is left as it is.
        // Only a saving: a disk that refuses it (a read-only folder) costs the next start the schema again, never this one.
        if (isDeepStrictEqual(raw, snapshot)) await io.writeAtomic(digestPath, digest).catch(() => undefined);
      }
    }
    const journal = await KeyedJournal.open(join(dir, CATALOG_EDITS_FILE), io, catalogEditSchema, (e) => String(e.n));
    const store = new CatalogStore(dir, io, journal, replayed(snapshot, journal.all()));
    if (text === null || journal.size > 0) await store.snapshot();
    return store;
  }

  /** The current catalog (it and its arrays frozen): share it, never change it (use `update`). */
  get data(): Readonly<Catalog> {
    return this.current;
  }

  /** How many changes were made since the store was opened (a reader that saw this number has seen them). */
  get version(): number {
    return this.changes;
  }

  /** Called, inside the write lock, with every edit made through `update` once it is on disk. */
  onEdit(edited: (edit: Omit<CatalogEdit, 'n'>) => void): void {
    this.edited = edited;
  }

  /**
   * Runs `change` on an editable copy: the arrays are new, but the products in them are the
   * current ones, shared with readers, so a change replaces a product by an edited copy (`editable`) rather
   * than changing it. Categories and option groups are copied whole (they are few). `quiet`: an
   * edit `onEdit` is not told of (one applied from the shop's log, or the first start's choice).
   */
  update<R>(change: (draft: Catalog) => R, quiet = false): Promise<R> {
    // Stryker disable next-line StringLiteral: the store's one key; any name is the same one lock
    return this.mutex.run('write', async () => {
      const previous = this.current;
      const draft: Catalog = {
        categories: structuredClone(previous.categories) as Catalog['categories'],
        products: [...previous.products],
        optionGroups: structuredClone(previous.optionGroups) as Catalog['optionGroups'],
      };
      const result = change(draft);
      const { edit, next } = this.editOf(previous, draft);
      const shared = unnumbered(edit);
      if (edit.products.length > MOST_PRODUCTS_PER_EDIT || draft.products.length < previous.products.length) {
        await this.snapshot(sealed(catalogSchema.parse(draft)));
        this.changes += 1;
        if (!quiet) this.edited?.(shared);
        return result;
      }
      if (edit.products.length === 0 && !edit.categories && !edit.optionGroups) return result;
      await this.journal.append(edit);
      this.current = sealed(next);
      this.edits += 1;
      this.changes += 1;
      if (this.edits >= EDITS_PER_SNAPSHOT) this.foldSoon();
      if (!quiet) this.edited?.(shared);
      return result;
    });
  }

  /**
   * Folds the journal into a new snapshot after the edit that filled it has answered (writing a
   * mart's catalog took that edit tens of milliseconds): the edit is on disk already, and the
   * journal stays the truth until the new snapshot is renamed in. It takes the lock as an edit
   * does; one the disk refuses is tried again at the next edit.
   */
  private foldSoon(): void {
    if (this.folding !== null) return;
    this.folding = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() =>
        // Stryker disable next-line StringLiteral: the store's one key; any name is the same one lock
        this.mutex.run('write', async () => {
          if (this.edits >= EDITS_PER_SNAPSHOT) await this.snapshot();
        }),
      )
      .catch(() => undefined)
      .finally(() => {
        this.folding = null;
      });
  }

  /** Resolves once a fold under way is written (the app is quitting). */
  async close(): Promise<void> {
    await this.folding;
  }

  /**
   * What changed between two versions, checked by the schema (so the edit's records are as
   * stored), and the next version: the draft with each changed record as the schema gave it.
   */
  private editOf(previous: Readonly<Catalog>, draft: Catalog): { edit: CatalogEdit; next: Catalog } {
    const products = [...draft.products];
    const changed: Product[] = [];
    for (const [i, product] of products.entries()) {
      if (product === previous.products[i]) continue;
      const checked = productSchema.parse(product);
      products[i] = checked;
      changed.push(checked);
    }
    const categories = isDeepStrictEqual(draft.categories, previous.categories)
      ? undefined
      : z.array(categorySchema).parse(draft.categories);
    const optionGroups = isDeepStrictEqual(draft.optionGroups, previous.optionGroups)
      ? undefined
      : z.array(optionGroupSchema).parse(draft.optionGroups);
    return {
      edit: {
        n: this.edits + 1,
        products: changed,
        ...(categories === undefined ? {} : { categories }),
        ...(optionGroups === undefined ? {} : { optionGroups }),
      },
      next: {
        categories: categories ?? previous.categories,
        products,
        optionGroups: optionGroups ?? previous.optionGroups,
      },
    };
  }

  /** Writes `catalog` as the new snapshot and starts an empty journal; a crash between the two replays edits already in it, to the same catalog. */
  private async snapshot(catalog: Readonly<Catalog> = this.current): Promise<void> {
    const path = join(this.dir, CATALOG_EDITS_FILE);
    const text = JSON.stringify(catalog, null, 2);
    await this.io.writeAtomic(join(this.dir, CATALOG_FILE), text);
    // After the catalog: a crash between the two leaves an old digest, and the next start checks the file whole.
    await this.io.writeAtomic(join(this.dir, CATALOG_DIGEST_FILE), digestOf(text));
    this.current = catalog;
    if (this.edits === 0 && this.journal.size === 0) return;
    await this.journal.close();
    await this.io.writeAtomic(path, '');
    this.journal = await KeyedJournal.open(path, this.io, catalogEditSchema, (e) => String(e.n));
    this.edits = 0;
  }
}

/**
 * The catalog as stored, read without changing a file (the doctor, tests): `catalog.json` with the
 * edits journaled since, a torn last line left out as a start leaves it out; null when there is no
 * `catalog.json`. A file that does not read throws StoreFileCorruptError (naming the line).
 */
export async function storedCatalog(dir: string, io: FileIo): Promise<Catalog | null> {
  const path = join(dir, CATALOG_FILE);
  const text = await io.read(path);
  if (text === null) return null;
  let snapshot: Catalog;
  try {
    snapshot = catalogSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new StoreFileCorruptError(path, error);
  }
  const editsPath = join(dir, CATALOG_EDITS_FILE);
  const { lines } = wholeLines((await io.read(editsPath)) ?? '');
  const edits = lines.map((line, at) => {
    try {
      return catalogEditSchema.parse(JSON.parse(line));
    } catch (error) {
      throw new StoreFileCorruptError(editsPath, error, at + 1);
    }
  });
  return replayed(snapshot, edits);
}
