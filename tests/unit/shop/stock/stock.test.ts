import { describe, expect, it } from 'vitest';
import type { Product } from '../../../../shared/domain/catalog';
import { asManager } from '../../helpers/coupons';
import { startOwnSimulator, withCore, withLiveCore, type PosHarness } from '../../helpers/pos';

const CROISSANT = { productId: 'croissant', quantity: 1 };

/** The manager counts `count` of a product (croissants unless named) through the product dialog's channel. */
async function countCroissants(h: PosHarness, count: number | null, productId = 'croissant'): Promise<void> {
  await asManager(h);
  const { products } = await h.ok('catalog:manage', {});
  const product = products.find((p) => p.id === productId);
  if (!product) throw new Error(`the demo café has no ${productId}`);
  await h.ok('catalog:save-product', {
    id: product.id,
    categoryId: product.categoryId,
    name: product.name,
    price: product.price,
    barcode: product.barcode,
    stock: count,
  });
}

/** A product (the croissant unless named) as the register sees it. */
async function onRegister(h: PosHarness, productId = 'croissant'): Promise<Product | undefined> {
  return (await h.ok('catalog:list', {})).products.find((p) => p.id === productId);
}

async function cashSale(h: PosHarness, quantity = 1, productId = 'croissant'): Promise<string> {
  const order = await h.ok('sale:create', { lines: [{ productId, quantity }] });
  await h.ok('cash:sale', { orderId: order.orderId, received: order.amount });
  return order.orderId;
}

/** The pace of stock's reading back, shut: no day is read between the till's calls until the test opens it. */
function shutPace() {
  const held: Array<() => void> = [];
  let open = false;
  return {
    pace: () => (open ? Promise.resolve() : new Promise<void>((resolve) => held.push(resolve))),
    held: () => held.length,
    open() {
      open = true;
      held.splice(0).forEach((resolve) => resolve());
    },
  };
}

describe('stock counts', () => {
  it('go down on a paid sale and show sold out at 0', async () => {
    const h = await withCore();
    await countCroissants(h, 2);
    expect(await onRegister(h)).toMatchObject({ stock: { count: 2 }, stockLeft: 2, soldOut: false });
    await cashSale(h);
    expect(await onRegister(h)).toMatchObject({ stockLeft: 1, soldOut: false });
    await cashSale(h);
    expect(await onRegister(h)).toMatchObject({ stockLeft: 0, soldOut: true });
    // The catalog screen keeps the manager's own sold-out switch, and shows what is left.
    const managed = (await h.ok('catalog:manage', {})).products.find((p) => p.id === 'croissant');
    expect(managed).toMatchObject({ stockLeft: 0, soldOut: false });
  });

  it('refuse a sale past what is left, naming the product, and store no order', async () => {
    const h = await withCore();
    await countCroissants(h, 1);
    const error = await h.fail('sale:create', { lines: [{ ...CROISSANT, quantity: 2 }] });
    expect(error).toMatchObject({ code: 'STOCK_SHORT', details: { nameKo: '크루아상', left: 1 } });
    expect(await onRegister(h)).toMatchObject({ stockLeft: 1 });
  });

  it('come back when the line is refunded', async () => {
    const h = await withCore();
    await countCroissants(h, 2);
    const orderId = await cashSale(h, 2);
    expect(await onRegister(h)).toMatchObject({ stockLeft: 0, soldOut: true });
    await h.ok('refund:create', {
      orderId,
      request: { kind: 'lines', lines: [{ lineKey: 'croissant', quantity: 1 }] },
      reason: '상품 불량',
    });
    expect(await onRegister(h)).toMatchObject({ stockLeft: 1, soldOut: false });
  });

  it('are held by an unpaid order, so a second register cannot sell the last one, and freed when it is abandoned', async () => {
    const h = await withCore();
    await countCroissants(h, 1);
    const pending = await h.ok('sale:create', { lines: [CROISSANT] });
    expect(await onRegister(h)).toMatchObject({ stockLeft: 0, soldOut: true });
    expect((await h.fail('sale:create', { lines: [CROISSANT] })).code).toBe('STOCK_SHORT');
    await h.ok('sale:abandon', { orderId: pending.orderId });
    expect(await onRegister(h)).toMatchObject({ stockLeft: 1, soldOut: false });
    await cashSale(h);
  });

  it('let only one of two sales racing for the last unit through', async () => {
    const h = await withCore();
    await countCroissants(h, 1);
    const results = await Promise.all([
      h.call('sale:create', { lines: [CROISSANT] }),
      h.call('sale:create', { lines: [CROISSANT] }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ error: { code: 'STOCK_SHORT' } });
  });

  it('survive a restart: what is left is read back from the order journal', async () => {
    const h = await withCore();
    await countCroissants(h, 3);
    await cashSale(h);
    await h.ok('sale:create', { lines: [CROISSANT] });
    await h.close();
    const again = await withCore({ dataDir: h.dataDir });
    // Read back in the background: a sale that needs it waits for it, the list shows it once it is done.
    await expect.poll(async () => (await onRegister(again))?.stockLeft).toBe(1);
  });

  it('are read back after a start in the background: the till sells meanwhile, and a sale that needs the old days waits for them, never overselling', async () => {
    let clock = Date.parse('2026-11-01T10:00:00+09:00');
    const now = () => new Date(clock);
    const h = await withCore({ now });
    await countCroissants(h, 2);
    await cashSale(h, 2);
    for (const day of ['02', '03', '04', '05']) {
      clock = Date.parse(`2026-11-${day}T10:00:00+09:00`);
      await cashSale(h, 1, 'americano');
    }
    await countCroissants(h, 3, 'bagel');
    await h.close();

    clock = Date.parse('2026-11-06T09:00:00+09:00');
    const reading = shutPace();
    const again = await withCore({ dataDir: h.dataDir, now, rebuildPace: reading.pace });
    // Nothing counted in it: answered while stock has not read a single day back.
    await cashSale(again, 1, 'americano');
    expect(reading.held()).toBe(1);
    // Counted yesterday: the sale waits for the newest days only, and takes from what they leave.
    await cashSale(again, 1, 'bagel');
    // Counted five days ago and sold out since: read back to that day, the sale is refused.
    const short = await again.fail('sale:create', { lines: [CROISSANT] });
    expect(short).toMatchObject({ code: 'STOCK_SHORT', details: { left: 0 } });

    reading.open();
    await expect.poll(async () => (await onRegister(again))?.stockLeft).toBe(0);
    expect(await onRegister(again)).toMatchObject({ stockLeft: 0, soldOut: true });
    expect(await onRegister(again, 'bagel')).toMatchObject({ stockLeft: 2, soldOut: false });
  });

  it('only count orders made after the manager counted, and stop when the count is cleared', async () => {
    let clock = Date.parse('2026-12-07T10:00:00+09:00');
    const h = await withCore({ now: () => new Date(clock) });
    await cashSale(h);
    clock += 60_000;
    await countCroissants(h, 5);
    expect(await onRegister(h)).toMatchObject({ stockLeft: 5 });
    await countCroissants(h, null);
    const croissant = await onRegister(h);
    expect(croissant?.stock).toBeUndefined();
    expect(croissant?.stockLeft).toBeUndefined();
  });

  it('are left alone by training sales', async () => {
    const h = await withLiveCore(await startOwnSimulator());
    await countCroissants(h, 2);
    await h.ok('settings:set-mode', { mode: 'training', confirm: true });
    await cashSale(h);
    await h.ok('settings:set-mode', { mode: 'live', confirm: true });
    expect(await onRegister(h)).toMatchObject({ stockLeft: 2, soldOut: false });
  });
});
