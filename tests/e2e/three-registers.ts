import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import pg from 'pg';
import { startTossSimulator, type TossSimulator } from '../../electron/training/simulator';
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres';
import { cards } from './cards';
import { CHROMIUM_ARGS, chromiumPath } from './chromium';
import { appEnv, expect, seedDataFolder, startHost, test as base } from './fixtures';
import { addProduct, payWithCard } from './register';

/** One register of the shop: its own data folder, its own browser host, its page. */
export interface ShopRegister {
  /** Its name, as the shared store and history show it ("카운터 A"). */
  name: string;
  dataDir: string;
  hostUrl: string;
  page: Page;
}

/** Three registers of one shop, live on one set of Toss keys (one simulator), on one PostgreSQL the test can stop. */
export interface Shop {
  a: ShopRegister;
  b: ShopRegister;
  c: ShopRegister;
  registers: ShopRegister[];
  postgres: PrivatePostgres;
  toss: { clientKey: string; secretKey: string; sim: TossSimulator };
}

export const REGISTER_NAMES = ['카운터 A', '카운터 B', '카운터 C'] as const;

/**
 * `shop`: the three registers started together, each on the shop's private PostgreSQL through
 * POS_STORE_URL and live against the test's one Toss simulator (the shop's one set of keys), each
 * named in its settings before it starts. The PostgreSQL is the test's own (tests/support/
 * private-postgres.ts), so the spec may stop it and start it again.
 */
export const test = base.extend<{ shop: Shop }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from its first parameter.
  shop: async ({}, use) => {
    const cleanups: Array<() => Promise<unknown>> = [];
    try {
      const postgres = await startPrivatePostgres('three-registers');
      cleanups.unshift(() => postgres.destroy());
      const keys = {
        clientKey: `test_ck_e2e_${randomBytes(6).toString('hex')}`,
        secretKey: `test_sk_e2e_${randomBytes(12).toString('hex')}`,
      };
      const sim = await startTossSimulator(keys);
      cleanups.unshift(() => sim.close());
      const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
      cleanups.unshift(() => browser.close());
      const registers: ShopRegister[] = [];
      for (const name of REGISTER_NAMES) {
        const dataDir = await mkdtemp(join(tmpdir(), 'toss-pos-e2e-shop-'));
        cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
        const training = appEnv(dataDir);
        // The owner and the register's name, through the real core (in training, as every spec's seed).
        await seedDataFolder(training, {
          owner: true,
          then: async (core) => {
            await core.ok('store:save-register-name', { name });
          },
        });
        const host = await startHost({
          ...training,
          TOSS_CLIENT_KEY: keys.clientKey,
          TOSS_SECRET_KEY: keys.secretKey,
          TOSS_API_BASE: sim.apiBase,
          TOSS_SDK_SRC: sim.sdkSrc,
          POS_STORE_URL: postgres.url,
        });
        cleanups.unshift(async () => host.child.kill('SIGTERM'));
        const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ko-KR' });
        const page = await context.newPage();
        await page.goto(host.url);
        await expect(page.getByTestId('product-americano')).toBeVisible();
        await expect(page.getByTestId('training-banner')).toHaveCount(0);
        registers.push({ name, dataDir, hostUrl: host.url, page });
      }
      const [a, b, c] = registers as [ShopRegister, ShopRegister, ShopRegister];
      await use({ a, b, c, registers, postgres, toss: { ...keys, sim } });
    } finally {
      for (const cleanup of cleanups) await cleanup().catch(() => undefined);
    }
  },
});

/** How long a register may take to reach the store: the outbox's backoff after an outage is up to 30 s. */
export const ONLINE_WAIT = { timeout: 60_000 };

/**
 * Waits until the shared store holds exactly what the register's own journals hold (it sells
 * nothing meanwhile): line by line the same numbers, orders and states, none missing, none twice.
 */
export async function expectAllArrived(url: string, register: ShopRegister): Promise<void> {
  const journal = await journalTally(register.dataDir);
  await expect.poll(() => storeTally(url, register.name), { ...ONLINE_WAIT, message: register.name }).toEqual(journal);
  expect(totals(await storeTally(url, register.name))).toEqual(totals(journal));
}

/** A card sale at the register, as a cashier rings it up and the customer pays in Toss's window (card …0001); its order id. */
export async function sellByCard(page: Page, products: string[]): Promise<string> {
  for (const product of products) await addProduct(page, product);
  await page.getByTestId('pay').click();
  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt')).toBeVisible();
  const orderId = (await page.getByTestId('receipt-order-id').innerText()).trim();
  await page.getByTestId('new-sale').click();
  return orderId;
}

/** What a register's books say, or what the shared store holds of them: lines, orders, and their amounts. */
export interface BooksTally {
  /** Journal lines, in order: each line's number, the order it records and the whole document. */
  lines: Array<{ lineNo: number; orderId: string; document: unknown }>;
  /** Each order's latest state: its status and amount. */
  orders: Map<string, { status: string; amount: number }>;
}

/** The register's own live journals (`orders/<day>.jsonl` in its data folder), read as the outbox reads them. */
export async function journalTally(dataDir: string): Promise<Map<string, BooksTally>> {
  const ordersDir = join(dataDir, 'orders');
  const days = (await readdir(ordersDir)).filter((name) => /^\d{4}-\d{2}-\d{2}\.jsonl$/.test(name)).sort();
  const tally = new Map<string, BooksTally>();
  for (const file of days) {
    const text = await readFile(join(ordersDir, file), 'utf8');
    const day: BooksTally = { lines: [], orders: new Map() };
    for (const [i, raw] of text
      .split('\n')
      .filter((l) => l !== '')
      .entries()) {
      const line = JSON.parse(raw) as { orderId: string; status: string; amount: number };
      day.lines.push({ lineNo: i + 1, orderId: line.orderId, document: line });
      day.orders.set(line.orderId, { status: line.status, amount: line.amount });
    }
    tally.set(file.slice(0, 10), day);
  }
  return tally;
}

/** What the shared store holds of one register (by its name), day by day: its journal lines and its orders' rows. */
export async function storeTally(url: string, registerName: string): Promise<Map<string, BooksTally>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const lines = await client.query<{ day: string; line_no: number; order_id: string; line: unknown }>(
      `SELECT to_char(l.business_day, 'YYYY-MM-DD') AS day, l.line_no, l.order_id, l.line
         FROM journal_lines l JOIN registers r ON r.id = l.register_id
        WHERE r.name = $1 ORDER BY l.business_day, l.line_no`,
      [registerName],
    );
    const orders = await client.query<{ day: string; order_id: string; status: string; total: string }>(
      `SELECT to_char(o.business_day, 'YYYY-MM-DD') AS day, o.order_id, o.status, o.total
         FROM orders o JOIN registers r ON r.id = o.register_id WHERE r.name = $1`,
      [registerName],
    );
    const tally = new Map<string, BooksTally>();
    const dayOf = (day: string) => {
      let found = tally.get(day);
      if (found === undefined) tally.set(day, (found = { lines: [], orders: new Map() }));
      return found;
    };
    for (const row of lines.rows)
      dayOf(row.day).lines.push({ lineNo: row.line_no, orderId: row.order_id, document: row.line });
    for (const row of orders.rows)
      dayOf(row.day).orders.set(row.order_id, { status: row.status, amount: Number(row.total) });
    return tally;
  } finally {
    await client.end();
  }
}

/** Orders, and the sum of their amounts, of a tally: what a person comparing two books would add up. */
export function totals(tally: Map<string, BooksTally>): {
  lines: number;
  orders: number;
  paid: number;
  amount: number;
} {
  let lines = 0;
  let orders = 0;
  let paid = 0;
  let amount = 0;
  for (const day of tally.values()) {
    lines += day.lines.length;
    for (const order of day.orders.values()) {
      orders += 1;
      if (order.status === 'PAID') paid += 1;
      amount += order.amount;
    }
  }
  return { lines, orders, paid, amount };
}
