import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { demoCatalog } from '../../electron/core/shop/catalog/demo-catalog';
import type { IssuedCoupon } from '../../shared/domain/coupons';
import { startApp, type AppProcess } from './app-process';
import type { SimProcess } from './sim-process';
import { TOSS_TIMEOUT_MS } from './scenarios';

export const OWNER_PIN = '482913';
/** Longer than any fault makes a call take (a trickle past the timeout, a lookup after it): past this, the app hung. */
export const CALL_TIMEOUT_MS = 30_000;
const COUPONS = 6;

/** A shop as each run starts it: its catalog, an owner, coupons; copied for every run so runs never share a folder. */
export interface Shop {
  sim: SimProcess;
  /** The coupon codes every copy of the shop has. */
  couponCodes: readonly string[];
  /** A fresh copy of the shop's data folder for one run. */
  newFolder(): Promise<string>;
  /** The environment that starts the app on `dataDir` against the simulator process (test keys, so live mode with the URL seams). */
  env(dataDir: string): NodeJS.ProcessEnv;
  start(dataDir: string, extra?: NodeJS.ProcessEnv): Promise<AppProcess>;
}

/** Every issued coupon as the manager's list shows it. */
export async function allCoupons(app: AppProcess): Promise<IssuedCoupon[]> {
  const rows: IssuedCoupon[] = [];
  for (let offset = 0; ; offset += 200) {
    const page = await app.ok('coupons:list', { offset, limit: 200 });
    rows.push(...page.rows);
    if (rows.length >= page.total || page.rows.length === 0) return rows;
  }
}

export async function openShop(workDir: string, sim: SimProcess): Promise<Shop> {
  const template = join(workDir, 'template');
  await mkdir(template, { recursive: true, mode: 0o700 });
  // A shop going live has its catalog: a live start never makes one up.
  await writeFile(join(template, 'catalog.json'), JSON.stringify(demoCatalog), { mode: 0o600 });
  const env = (dataDir: string): NodeJS.ProcessEnv => ({
    POS_DATA_DIR: dataDir,
    TOSS_CLIENT_KEY: sim.clientKey,
    TOSS_SECRET_KEY: sim.secretKey,
    TOSS_API_BASE: sim.apiBase,
    TOSS_SDK_SRC: sim.sdkSrc,
    CHAOS_TOSS_TIMEOUT_MS: String(TOSS_TIMEOUT_MS),
    POS_CRASH_AT: '',
    POS_DISK_FAULT: '',
  });
  const start = (dataDir: string, extra: NodeJS.ProcessEnv = {}) =>
    startApp({ env: { ...env(dataDir), ...extra }, callTimeoutMs: CALL_TIMEOUT_MS });

  const app = await start(template);
  await app.ok('staff:setup-owner', { name: '김토스', pin: OWNER_PIN });
  const definition = await app.ok('coupons:define', {
    name: '개점 1,000원',
    benefit: { type: 'fixed', amount: 1_000 },
    minOrderAmount: 0,
    scope: { categoryIds: [], productIds: [] },
  });
  await app.ok('coupons:issue', {
    definitionId: definition.id,
    count: COUPONS,
    validFrom: '2020-01-01',
    validUntil: '2099-12-31',
  });
  const couponCodes = (await allCoupons(app)).map((coupon) => coupon.code);
  await app.close();

  let serial = 0;
  return {
    sim,
    couponCodes,
    async newFolder() {
      serial += 1;
      const dir = await mkdtemp(join(workDir, `run-${serial}-`));
      await cp(template, dir, { recursive: true });
      return dir;
    },
    env,
    start,
  };
}
