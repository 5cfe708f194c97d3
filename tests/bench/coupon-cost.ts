import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startPos, type RunningPos } from '../../electron/compose/start-pos';
import { call, percentile } from './bench-calls';
import { plainTextCipher } from '../../electron/core/shop/secrets/key-cipher';
import { CARD, payWindow } from '../unit/helpers/toss-window';

/**
 * What coupons cost: issuing 10,000 codes at a time up to a 100,000-coupon book, start-up with
 * that book, and how much applying and consuming one coupon adds to a sale (create with the
 * code + confirm, which uses it) over the same sale without one. Prints figures; passes or
 * fails on nothing.
 */
const BATCHES = 10;
const PER_BATCH = 10_000;
const SALES = 40;
const quiet = { info() {}, warn() {}, error() {} };

const start = (dataDir: string) =>
  startPos({
    env: { POS_DATA_DIR: dataDir },
    packaged: false,
    cipher: plainTextCipher,
    keepEnvironmentKey: false,
    log: quiet,
  });

/** One sale through main and the simulator's window; the time main spends on it (create + confirm). */
async function sale(core: RunningPos, clientKey: string, couponCode?: string): Promise<number> {
  const sim = core.simulator;
  let t = performance.now();
  const order = await call(core, 'sale:create', { lines: [{ productId: 'americano', quantity: 2 }], couponCode });
  let spent = performance.now() - t;
  const paymentKey = await payWindow(sim, clientKey, order, CARD.approves);
  t = performance.now();
  await call(core, 'payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
  spent += performance.now() - t;
  return spent;
}

const dataDir = await mkdtemp(join(tmpdir(), 'toss-pos-bench-coupons-'));
try {
  let core = await start(dataDir);
  await call(core, 'staff:setup-owner', { name: '벤치', pin: '482913' });
  const definition = await call(core, 'coupons:define', {
    name: '벤치 1,000원',
    benefit: { type: 'fixed', amount: 1_000 },
    minOrderAmount: 0,
    scope: { categoryIds: [], productIds: [] },
  });

  console.log(`Issuing ${PER_BATCH.toLocaleString('en')} codes at a time (goal: under 2,000 ms each)`);
  console.log('coupons in book | issue ms');
  for (let batch = 1; batch <= BATCHES; batch += 1) {
    const t = performance.now();
    await call(core, 'coupons:issue', {
      definitionId: definition.id,
      count: PER_BATCH,
      validFrom: '2020-01-01',
      validUntil: '2099-12-31',
    });
    console.log(`${String(batch * PER_BATCH).padStart(15)} | ${(performance.now() - t).toFixed(0).padStart(8)}`);
  }
  await core.close();

  const t = performance.now();
  core = await start(dataDir);
  const startup = performance.now() - t;
  const { clientKey } = await call(core, 'app:info', {});
  await call(core, 'staff:unlock', { pin: '482913' });
  const codes: string[] = [];
  for (let offset = 0; codes.length < SALES; offset += 200) {
    const page = await call(core, 'coupons:list', { state: 'available', offset, limit: 200 });
    codes.push(...page.rows.map((row) => row.code));
  }
  await call(core, 'staff:lock', {});

  // Interleaved, so both kinds of sale meet the same warm-up and the same day file.
  const plain: number[] = [];
  const withCoupon: number[] = [];
  for (let i = 0; i < SALES; i += 1) {
    plain.push(await sale(core, clientKey));
    withCoupon.push(await sale(core, clientKey, codes[i]));
  }
  await core.close();

  const f = (n: number) => n.toFixed(2).padStart(8);
  console.log(
    `\nA sale with ${(BATCHES * PER_BATCH).toLocaleString('en')} issued coupons in the book (start-up ${startup.toFixed(0)} ms; ${SALES} sales each, main's ms)`,
  );
  console.log('sale                     |      p50 |      p95');
  console.log(`without a coupon         | ${f(percentile(plain, 50))} | ${f(percentile(plain, 95))}`);
  console.log(`with a coupon (use it)   | ${f(percentile(withCoupon, 50))} | ${f(percentile(withCoupon, 95))}`);
  console.log(
    `added by the coupon      | ${f(percentile(withCoupon, 50) - percentile(plain, 50))} | ${f(percentile(withCoupon, 95) - percentile(plain, 95))}   (goal: at most 2 ms)`,
  );
} finally {
  await rm(dataDir, { recursive: true, force: true });
}
