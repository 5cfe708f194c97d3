import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { seriousFindings } from './axe';
import { expect, OWNER, test, type PosApp } from './fixtures';
import { goLive } from './manager-screens';
import { invoke } from './register';

// A whole first start with axe on every step: more than the default minute on a busy machine.
test.describe.configure({ timeout: 120_000 });
test.use({ seed: { owner: false } });

const SHOP = {
  name: '토스 카페',
  owner: '김토스',
  businessNumber: '120-81-47521',
  phone: '02-123-4567',
  address: '서울시 강남구 테헤란로 1',
};

/** The hosts a test started of its own, stopped (and their folders removed) after it. */
const stops: Array<() => Promise<void>> = [];
test.afterEach(async () => {
  for (const stop of stops.splice(0)) await stop().catch(() => undefined);
});

/**
 * A browser host of the spec's own on a new, empty folder, started with `extra` on top of the
 * test's environment (keys, POS_LANG …), in a page of the test's browser. Stopped after the test.
 */
async function startOnNewFolder(pos: PosApp, extra: NodeJS.ProcessEnv): Promise<Page> {
  const dataDir = await mkdtemp(join(tmpdir(), 'toss-pos-first-start-'));
  const host = spawn(process.execPath, ['out/main/host.js'], {
    env: { ...pos.env, POS_DATA_DIR: dataDir, POS_PORT: '0', ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => host.once('exit', resolve));
  stops.push(async () => {
    host.kill('SIGTERM');
    await exited;
    await rm(dataDir, { recursive: true, force: true });
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /is ready: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (ready?.[1]) resolve(ready[1]);
    };
    host.stdout.on('data', onData);
    host.stderr.on('data', onData);
    host.once('exit', (code) => reject(new Error(`the host exited (${code}) before it was ready:\n${output}`)));
  });
  const page = await pos.page.context().newPage();
  await page.goto(url);
  return page;
}

/** The first start's screen has no Korean left in it but the button that offers Korean. */
async function koreanOnScreen(page: Page): Promise<string[]> {
  const shown = await page.locator('main').innerText();
  return shown.replaceAll('한국어', '').match(/[가-힣]+/g) ?? [];
}

async function fillShop(page: Page, shop: typeof SHOP): Promise<void> {
  await page.getByTestId('store-name').fill(shop.name);
  await page.getByTestId('store-owner').fill(shop.owner);
  await page.getByTestId('store-businessNumber').fill(shop.businessNumber);
  await page.getByTestId('store-phone').fill(shop.phone);
  await page.getByTestId('store-address').fill(shop.address);
}

async function createOwner(page: Page): Promise<void> {
  await page.getByTestId('setup-name').fill(OWNER.name);
  await page.getByTestId('setup-pin').fill(OWNER.pin);
  await page.getByTestId('setup-pin-again').fill(OWNER.pin);
  await page.getByTestId('setup-create').click();
}

test('a live start (Toss keys set) on an empty folder walks the whole first start in one start, ends on the register with the shop’s name and an empty catalog, and the first product is added from there', async ({
  pos,
}) => {
  test.skip(
    pos.hostUrl === null,
    'starts a browser host of its own on a second folder, keys in its environment; in Electron the first start in training and its keys step below run in the window',
  );
  const page = await startOnNewFolder(pos, {
    TOSS_CLIENT_KEY: pos.liveToss.clientKey,
    TOSS_SECRET_KEY: pos.liveToss.secretKey,
  });
  const setup = page.getByTestId('setup-screen');
  await expect(setup).toHaveAttribute('data-step', 'shop');
  await expect(page.getByTestId('first-start-step')).toHaveText('4단계 중 1단계: 가게 정보');
  // Live: no training banner, no training manager to skip the flow with.
  await expect(page.getByTestId('training-banner')).toHaveCount(0);
  await expect(page.getByTestId('setup-training')).toHaveCount(0);
  await expect(page.getByTestId('nav-settings')).toHaveCount(0);
  expect(await seriousFindings(page)).toEqual([]);

  // The store-info form's own checks, under their own fields.
  await fillShop(page, { ...SHOP, businessNumber: '120-81-47522', address: '' });
  await page.getByTestId('first-start-next').click();
  await expect(setup.getByText('사업자등록번호의 검증 숫자가 맞지 않습니다. 번호를 확인해 주세요.')).toBeVisible();
  await expect(setup.getByText('주소를 입력해 주세요.')).toBeVisible();
  expect(await seriousFindings(page)).toEqual([]);
  await fillShop(page, SHOP);
  await page.getByTestId('first-start-next').click();

  await expect(setup).toHaveAttribute('data-step', 'owner');
  expect(await seriousFindings(page)).toEqual([]);
  await createOwner(page);

  await expect(setup).toHaveAttribute('data-step', 'catalog');
  // The demo café is for training only: a live register never sells at its prices.
  await expect(page.getByTestId('first-start-demo-catalog')).toHaveCount(0);
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByTestId('first-start-empty-catalog').click();

  await expect(setup).toHaveAttribute('data-step', 'toss');
  await expect(page.getByTestId('first-start-toss')).toContainText('토스페이먼츠 키로 실제 결제를 받고 있습니다.');
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByTestId('first-start-finish').click();

  // The register, live, with the shop's name and no product yet.
  await expect(page.getByTestId('first-product')).toBeVisible();
  await expect(page.getByTestId('shop-name')).toHaveText(SHOP.name);
  await expect(page.getByTestId('training-banner')).toHaveCount(0);
  await expect(page.getByTestId('manager-badge')).toContainText(OWNER.name);
  expect(await invoke(page, 'catalog:list', {})).toMatchObject({ ok: true, data: { products: [] } });
  expect(await invoke(page, 'settings:get', {})).toMatchObject({
    ok: true,
    data: { store: { name: SHOP.name, businessNumber: '1208147521' }, toss: { mode: 'live' } },
  });
  expect(await seriousFindings(page)).toEqual([]);

  await page.getByTestId('first-product-add').click();
  await expect(page.getByTestId('catalog-screen')).toBeVisible();
  await page.getByTestId('catalog-add-product').click();
  await page.getByTestId('product-name-ko').fill('아메리카노');
  await page.getByTestId('product-name-en').fill('Americano');
  await page.getByTestId('product-price').fill('4500');
  await page.getByTestId('product-save').click();
  await expect(page.getByTestId('catalog-row-americano')).toBeVisible();
  await page.getByTestId('nav-register').click();
  await expect(page.getByTestId('product-americano')).toBeVisible();
  await expect(page.getByTestId('first-product')).toHaveCount(0);
});

test('a first start in English, chosen on its first screen, shows English throughout and keeps the choice', async ({
  pos,
}) => {
  const { page } = pos;
  await expect(page.getByTestId('setup-screen')).toHaveAttribute('data-step', 'shop');
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('language-en')).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('first-start-step')).toHaveText('Step 1 of 4: Shop details');
  expect(await koreanOnScreen(page)).toEqual([]);
  expect(await seriousFindings(page)).toEqual([]);

  await page.getByTestId('first-start-next').click();
  await expect(page.getByText('Enter the shop name.')).toBeVisible();
  expect(await koreanOnScreen(page)).toEqual([]);
  await fillShop(page, { ...SHOP, name: 'Toss Cafe', owner: 'Kim Toss', address: '1 Teheran-ro, Seoul' });
  await page.getByTestId('first-start-next').click();

  await expect(page.getByTestId('first-start-step')).toHaveText('Step 2 of 4: Manager');
  expect(await koreanOnScreen(page)).toEqual([]);
  await createOwner(page);

  await expect(page.getByTestId('first-start-step')).toHaveText('Step 3 of 4: Products');
  expect(await koreanOnScreen(page)).toEqual([]);
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByTestId('first-start-demo-catalog').click();

  await expect(page.getByTestId('first-start-step')).toHaveText('Step 4 of 4: Payments');
  // In training the Settings' Toss panel is offered here, in English too.
  await expect(page.getByTestId('toss-save')).toBeVisible();
  expect(await koreanOnScreen(page)).toEqual([]);
  expect(await seriousFindings(page)).toEqual([]);
  await page.getByTestId('first-start-finish').click();

  await expect(page.getByTestId('product-americano')).toBeVisible();
  await expect(page.getByTestId('nav-register')).toHaveText('Register');
  await expect(page.getByTestId('shop-name')).toHaveText('Toss Cafe');
  expect(await invoke(page, 'preferences:get', {})).toMatchObject({ ok: true, data: { locale: 'en' } });
});

test('a first start in training takes the Toss keys on its last step and goes live from there', async ({ pos }) => {
  const { page, liveToss } = pos;
  await fillShop(page, SHOP);
  await page.getByTestId('first-start-next').click();
  await createOwner(page);
  await page.getByTestId('first-start-demo-catalog').click();
  await expect(page.getByTestId('setup-screen')).toHaveAttribute('data-step', 'toss');
  await expect(page.getByTestId('first-start-toss')).toContainText('지금은 교육 모드입니다.');
  // The owner's session locked (idle, or Lock): the owner's PIN carries the first start on.
  await page.getByTestId('manager-lock').click();
  await page.getByTestId('unlock-pin').fill(OWNER.pin);
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('unlock-dialog')).toHaveCount(0);
  await expect(page.getByTestId('manager-badge')).toContainText(OWNER.name);
  // The Settings' own Toss panel: the pair is checked with Toss, then the switch reloads into live.
  await goLive(page, liveToss);
  await expect(page.getByTestId('shop-name')).toHaveText(SHOP.name);
  await expect(page.getByTestId('setup-screen')).toHaveCount(0);
  expect(await invoke(page, 'app:info', {})).toMatchObject({ ok: true, data: { mode: 'live', shopName: SHOP.name } });
});

test('POS_LANG=en starts in English, the training quick start included; another value stops the start in words', async ({
  pos,
}) => {
  test.skip(
    pos.hostUrl === null,
    'starts a browser host of its own on a second folder with POS_LANG set; in Electron the first start in English above runs in the window',
  );
  const page = await startOnNewFolder(pos, { POS_LANG: 'en' });
  await expect(page.getByTestId('first-start-step')).toHaveText('Step 1 of 4: Shop details');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('setup-training')).toHaveText('Start with the training manager');
  expect(await koreanOnScreen(page)).toEqual([]);
  await page.getByTestId('setup-training').click();
  await expect(page.getByTestId('product-americano')).toBeVisible();
  await expect(page.getByTestId('nav-register')).toHaveText('Register');

  await expect(startOnNewFolder(pos, { POS_LANG: 'fr' })).rejects.toThrow(
    /invalid configuration: POS_LANG: the screen language is ko or en/,
  );
});
