import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../../shared/domain/catalog';
import { demoCatalog } from '../../../../electron/core/shop/catalog/demo-catalog';
import { emptyCatalog } from '../../../../electron/core/shop/catalog/empty-catalog';
import { CATALOG_EDITS_FILE } from '../../../../electron/core/shop/catalog/catalog-store';
import { SHOP_CURSOR_FILE } from '../../../../electron/core/shop/shared-changes/shop-change-outbox';
import { PostgresShopChangeLog } from '../../../../electron/core/orders/shared-store/shop-change-log';
import { asManager } from '../../helpers/coupons';
import { onCleanup } from '../../helpers/cleanup';
import { silentLog, startOwnSimulator, withLiveCore, type OwnSimulator, type PosHarness } from '../../helpers/pos';
import { shopOnPostgres } from '../../helpers/shop-on-postgres';
import { tempDir } from '../../helpers/temp-dir';
import { hostPortOf, startTcpProxy } from '../../../support/tcp-proxy';

const shop = shopOnPostgres('shop_changes');
const { freshDatabase, query } = shop;
const AMERICANO = [{ productId: 'americano', quantity: 1 }];
const OWNER_PIN = '482913';
const STORE = {
  name: '토스 카페 강남점',
  owner: '김토스',
  businessNumber: '120-81-47521',
  address: '서울 강남구 테헤란로 131',
  phone: '02-1544-7772',
};

/** Polls until `condition` holds: the change travels in the background, in its own time. */
async function until(condition: () => Promise<boolean>, what: string, limitMs = 20_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A live register on the shared store at `url`, joined (the shop's log reached once), its owner unlocked and at the till. */
async function register(own: OwnSimulator, url: string, options: { dataDir?: string } = {}): Promise<PosHarness> {
  const h = await shop.live(own, url, { dataDir: options.dataDir });
  await h.core.sharedStore.flush();
  await asManager(h);
  await h.ok('staff:sign-in', { pin: OWNER_PIN });
  await asManager(h);
  return h;
}

function priceOn(h: PosHarness, productId: string): Promise<number | undefined> {
  return h.ok('catalog:list', {}).then((c) => c.products.find((p) => p.id === productId)?.price);
}

async function cashSale(h: PosHarness, lines = AMERICANO) {
  const order = await h.ok('sale:create', { lines });
  return h.ok('cash:sale', { orderId: order.orderId, received: order.amount });
}

async function americano(h: PosHarness) {
  const product = (await h.ok('catalog:manage', {})).products.find((p) => p.id === 'americano');
  if (product === undefined) throw new Error('no americano');
  return product;
}

async function setPrice(h: PosHarness, price: number) {
  const product = await americano(h);
  return h.ok('catalog:save-product', {
    id: product.id,
    categoryId: product.categoryId,
    name: product.name,
    price,
    barcode: product.barcode,
  });
}

describe('catalog, staff and shop settings shared across registers', () => {
  it('a register joining adopts the shop’s catalog (its own kept retired); a product added and a price changed on A reach B, for new orders only', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url);
    // B had a catalog of its own: its americano at another price, and a product the shop does not sell.
    const bDir = await tempDir('register-b');
    const own_catalog: Catalog = structuredClone(demoCatalog);
    own_catalog.products = own_catalog.products.map((p) => (p.id === 'americano' ? { ...p, price: 9_900 } : p));
    own_catalog.products.push({ ...structuredClone(demoCatalog.products[0]!), id: 'b-only', barcode: null });
    await writeFile(join(bDir, 'catalog.json'), JSON.stringify(own_catalog));
    const b = await register(own, db.url, { dataDir: bDir });
    // B sells the shop's catalog; its own product is kept, retired (its sold orders still name it).
    expect(await b.ok('catalog:list', {})).toEqual(await a.ok('catalog:list', {}));
    expect(await priceOn(b, 'b-only')).toBeUndefined();
    expect((await b.ok('catalog:manage', {})).products.find((p) => p.id === 'b-only')).toMatchObject({ retired: true });

    const before = await cashSale(b);
    expect(before.lines[0]?.unitPrice).toBe(4_500);
    await setPrice(a, 5_000);
    const added = await a.ok('catalog:save-product', {
      categoryId: (await americano(a)).categoryId,
      name: { ko: '아인슈페너', en: 'Einspanner' },
      price: 6_000,
      barcode: null,
    });
    await until(async () => (await priceOn(b, 'americano')) === 5_000, 'the new price on B');
    await until(async () => (await priceOn(b, added.id)) === 6_000, 'the new product on B');
    // B's next order takes the new price; the order it stored before keeps its own.
    const after = await cashSale(b, [{ productId: added.id, quantity: 1 }, ...AMERICANO]);
    expect(after.lines.map((l) => l.unitPrice)).toEqual([6_000, 5_000]);
    const stored = await b.ok('history:order', { orderId: before.orderId });
    expect(stored.lines[0]?.unitPrice).toBe(4_500);
    // The price's history says who changed it, on every register.
    expect((await americano(b)).priceHistory.at(-1)).toMatchObject({ price: 5_000, by: '김토스' });
  });

  it('a new, empty register joining first does not empty the shop: the next one’s catalog and details become the shop’s', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const aDir = await tempDir('register-a');
    await writeFile(join(aDir, 'catalog.json'), JSON.stringify(emptyCatalog));
    const a = await register(own, db.url, { dataDir: aDir });
    expect((await a.ok('catalog:list', {})).products).toEqual([]);
    // B sold on its own before, with its catalog and the shop's details.
    const bDir = await tempDir('register-b');
    const alone = await withLiveCore(own, { dataDir: bDir });
    await asManager(alone);
    await alone.ok('settings:save-store', STORE);
    await alone.close();

    const b = await register(own, db.url, { dataDir: bDir });
    expect(await priceOn(b, 'americano')).toBe(4_500);
    await until(async () => (await priceOn(a, 'americano')) === 4_500, 'B’s catalog on A');
    await until(async () => (await a.ok('settings:get', {})).store?.name === STORE.name, 'B’s shop details on A');
    expect(await a.ok('catalog:list', {})).toEqual(await b.ok('catalog:list', {}));
  });

  it('a cashier added on A signs in on B; deactivated on A, no longer', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url);
    const b = await register(own, db.url);
    // Joining, B kept its own owner and gave it to the shop: staff are the union of the registers'.
    await until(
      async () => (await a.ok('staff:list', {})).filter((s) => s.name === '김토스').length === 2,
      'B’s owner on A',
    );
    const cashier = await a.ok('staff:add', { name: '이알바', role: 'cashier', pin: '2580' });
    // Only the PIN's hash travels.
    const rows = await query<{ change: string }>(db.url, "SELECT change::text FROM shop_changes WHERE kind = 'staff'");
    expect(rows.some((r) => r.change.includes('2580'))).toBe(false);
    await until(async () => (await b.ok('staff:list', {})).some((s) => s.id === cashier.id), 'the cashier on B');
    const signedIn = await b.ok('staff:sign-in', { pin: '2580' });
    expect(signedIn.signedIn).toMatchObject({ id: cashier.id, name: '이알바' });

    // (The cashier at B's till ended the owner's manager session there.)
    await a.ok('staff:set-active', { staffId: cashier.id, active: false });
    await until(async () => {
      const result = await b.call('staff:sign-in', { pin: '2580' });
      return !result.ok && result.error.code === 'PIN_WRONG';
    }, 'the cashier refused on B');
    await asManager(b);
    expect((await b.ok('staff:list', {})).find((s) => s.id === cashier.id)).toMatchObject({ active: false });
  });

  it('a shop setting saved on A reaches B; a register’s own setting does not', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url);
    const b = await register(own, db.url);
    await a.ok('settings:save-store', STORE);
    await a.ok('settings:save-mandatory-cash-receipt', { mandatoryCashReceipt: true });
    await a.ok('staff:set-name-sign-in', { on: true });
    await a.ok('settings:save-receipt', { paperWidth: 58, silent: false, printer: 'A의 프린터' });
    await until(async () => (await b.ok('settings:get', {})).store?.name === STORE.name, 'the shop’s name on B');
    await until(async () => (await b.ok('settings:get', {})).mandatoryCashReceipt, 'the 의무발행 setting on B');
    await until(async () => (await b.ok('staff:status', {})).nameSignIn, 'sign-in by name on B');
    await a.core.sharedStore.flush();
    await b.core.sharedStore.flush();
    expect((await b.ok('settings:get', {})).receipt).toEqual({ paperWidth: 80, silent: false, printer: null });
    expect((await a.ok('settings:get', {})).receipt.printer).toBe('A의 프린터');
  });

  it('the same change sent twice, or followed twice, changes nothing', async () => {
    const db = await freshDatabase();
    const own = await startOwnSimulator();
    const a = await register(own, db.url);
    const b = await register(own, db.url);
    await setPrice(a, 5_200);
    await until(async () => (await priceOn(b, 'americano')) === 5_200, 'the price on B');
    await a.core.sharedStore.flush();
    const everything = 'SELECT seq, register_id, local_seq, kind, change FROM shop_changes ORDER BY seq';
    const log = await query<{ register_id: string; local_seq: string; kind: 'catalog'; change: never }>(
      db.url,
      everything,
    );
    const sent = log.find((row) => row.kind === 'catalog')!;

    // A's change sent again (a crash before its cursor was written): the store keeps the first.
    const [registerA] = await query<{ id: string; name: string }>(
      db.url,
      'SELECT id, name FROM registers WHERE id = $1',
      [sent.register_id],
    );
    const again = new PostgresShopChangeLog({ url: db.url, register: async () => registerA!, log: silentLog });
    await again.send([{ localSeq: Number(sent.local_seq), kind: sent.kind, change: sent.change }], sent.register_id);
    await again.stop();
    expect(await query(db.url, everything)).toEqual(log);

    // B follows that change again (its cursor written before it, then a crash): nothing moves, no edit is written.
    const catalogB = await b.ok('catalog:manage', {});
    await b.close();
    const cursorPath = join(b.dataDir, SHOP_CURSOR_FILE);
    const cursor = JSON.parse(await readFile(cursorPath, 'utf8')) as { followed: number };
    await writeFile(cursorPath, JSON.stringify({ ...cursor, followed: cursor.followed - 1 }));
    const bAgain = await register(own, db.url, { dataDir: b.dataDir });
    await bAgain.core.sharedStore.flush();
    expect(await bAgain.ok('catalog:manage', {})).toEqual(catalogB);
    // (The start folded the edits into catalog.json; the change followed again added none.)
    expect(await readFile(join(b.dataDir, CATALOG_EDITS_FILE), 'utf8')).toBe('');
    expect(JSON.parse(await readFile(cursorPath, 'utf8'))).toMatchObject({ followed: cursor.followed });
  });

  it('B cut off from the store sells on, and catches up once it answers; a restart resumes from its cursor', async () => {
    const db = await freshDatabase();
    const { host, port } = hostPortOf(db.url);
    const proxy = await startTcpProxy(host, port);
    onCleanup(() => proxy.close());
    const own = await startOwnSimulator();
    const a = await register(own, db.url);
    const b = await register(own, proxy.url(db.url));

    proxy.cut();
    await setPrice(a, 5_500);
    await b.ok('settings:save-discount-limits', { percent: 15, won: 7_000 });
    // B's badge counts its edit among what waits.
    await until(async () => {
      const status = await b.ok('store:status', {});
      return status.state === 'offline' && status.waiting === 1;
    }, 'B offline with its edit waiting');
    expect((await cashSale(b)).lines[0]?.unitPrice).toBe(4_500);
    proxy.restore();
    await until(async () => (await priceOn(b, 'americano')) === 5_500, 'the price on B once back');
    await until(
      async () => (await a.ok('settings:get', {})).discountLimits.percent === 15,
      'B’s change, made while cut off, on A',
    );

    // B stopped; A changes on; B started again on its folder follows on from where it was.
    await b.close();
    const followed = JSON.parse(await readFile(join(b.dataDir, SHOP_CURSOR_FILE), 'utf8')) as { followed: number };
    await setPrice(a, 5_800);
    const bAgain = await register(own, proxy.url(db.url), { dataDir: b.dataDir });
    await until(async () => (await priceOn(bAgain, 'americano')) === 5_800, 'the price on B after its restart');
    const cursor = JSON.parse(await readFile(join(b.dataDir, SHOP_CURSOR_FILE), 'utf8')) as { followed: number };
    expect(cursor.followed).toBeGreaterThan(followed.followed);
    expect((await cashSale(bAgain)).lines[0]?.unitPrice).toBe(5_800);
  });
});
