import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { storedCatalog } from '../../../../electron/core/shop/catalog/catalog-store';
import { diskIo } from '../../../../electron/core/platform/disk/file-io';
import { ConfigError } from '../../../../electron/core/platform/config';
import { startOwnSimulator, withCore, withLiveCore, type OwnSimulator } from '../../helpers/pos';
import { tempDir } from '../../helpers/temp-dir';

const OWNER = { name: '김토스', pin: '482913' };

/** A live start as a new shop makes it: its Toss keys set, on a folder with nothing in it. */
async function liveFirstStart(own: OwnSimulator, dataDir: string) {
  return withCore({
    dataDir,
    env: {
      TOSS_CLIENT_KEY: own.clientKey,
      TOSS_SECRET_KEY: own.secretKey,
      TOSS_API_BASE: own.sim.apiBase,
      TOSS_SDK_SRC: own.sim.sdkSrc,
    },
  });
}

async function catalogOnDisk(dataDir: string) {
  const stored = await storedCatalog(dataDir, diskIo);
  if (stored === null) throw new Error(`no catalog.json in ${dataDir}`);
  return stored;
}

describe('a first start on an empty folder', () => {
  it('live (Toss keys set): starts at once, asks for the owner, and begins with an empty catalog; the demo café is refused', async () => {
    const own = await startOwnSimulator();
    const h = await liveFirstStart(own, await tempDir('first-live'));
    expect(h.core.mode()).toBe('live');
    expect(await h.ok('staff:status', {})).toMatchObject({ setupNeeded: true, trainingManagerOffered: false });
    expect((await h.ok('catalog:list', {})).products).toEqual([]);

    await h.ok('staff:setup-owner', OWNER);
    expect(await h.ok('setup:catalog-open', {})).toBe(true);
    expect(await h.fail('setup:catalog', { start: 'demo' })).toMatchObject({ code: 'CATALOG_START_CLOSED' });
    const [menu] = (await h.ok('setup:catalog', { start: 'empty' })).categories;
    await h.ok('catalog:save-product', {
      categoryId: menu?.id ?? '',
      name: { ko: '아메리카노', en: 'Americano' },
      price: 4500,
      barcode: null,
    });
    expect((await catalogOnDisk(h.dataDir)).products.map((p) => p.name.ko)).toEqual(['아메리카노']);
    // Once the owner's first product is in, the choice is closed: nothing of theirs is replaced.
    expect(await h.ok('setup:catalog-open', {})).toBe(false);
    expect(await h.fail('setup:catalog', { start: 'empty' })).toMatchObject({ code: 'CATALOG_START_CLOSED' });
  });

  it('in training: the demo café (the quick start sells from it), or an empty catalog chosen instead', async () => {
    const h = await withCore();
    expect((await h.ok('catalog:list', {})).products).toHaveLength(20);
    await h.ok('staff:setup-owner', OWNER);
    expect((await h.ok('setup:catalog', { start: 'empty' })).products).toEqual([]);
    expect((await catalogOnDisk(h.dataDir)).products).toEqual([]);
    expect((await h.ok('setup:catalog', { start: 'demo' })).products).toHaveLength(20);
  });

  it('is closed once the folder has a sale, even with the demo café untouched', async () => {
    const h = await withCore();
    await h.ok('staff:setup-owner', OWNER);
    await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    expect(await h.ok('setup:catalog-open', {})).toBe(false);
    expect(await h.fail('setup:catalog', { start: 'empty' })).toMatchObject({ code: 'CATALOG_START_CLOSED' });
  });

  it('needs a manager: the page cannot pick a catalog before the owner exists', async () => {
    const h = await withCore();
    expect(await h.fail('setup:catalog', { start: 'empty' })).toMatchObject({ code: 'MANAGER_REQUIRED' });
  });
});

describe('a folder that has sales but lost its catalog', () => {
  it('is refused as before, live too: it is never started over with an empty catalog', async () => {
    const own = await startOwnSimulator();
    const first = await withLiveCore(own);
    await first.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    await first.close();
    await rm(join(first.dataDir, 'catalog.json'));

    await expect(liveFirstStart(own, first.dataDir)).rejects.toThrow(
      /catalog\.json is missing, and this data folder has sales/,
    );
    await expect(readFile(join(first.dataDir, 'catalog.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('POS_LANG', () => {
  it('starts in the language it names and keeps it as the screen language', async () => {
    const dataDir = await tempDir('lang');
    const english = await withCore({ dataDir, env: { POS_LANG: 'en' } });
    expect(await english.ok('preferences:get', {})).toMatchObject({ locale: 'en' });
    await english.close();
    const next = await withCore({ dataDir });
    expect(await next.ok('preferences:get', {})).toMatchObject({ locale: 'en' });
  });

  it('refuses any other value in words, before anything is written', async () => {
    const dataDir = await tempDir('lang-bad');
    const start = withCore({ dataDir, env: { POS_LANG: 'fr' } });
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(withCore({ dataDir, env: { POS_LANG: 'english' } })).rejects.toThrow(
      'invalid configuration: POS_LANG: the screen language is ko or en',
    );
    await expect(readFile(join(dataDir, 'settings.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
