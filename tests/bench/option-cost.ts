import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { catalogSchema, type Catalog, type OptionGroup } from '../../shared/domain/catalog';
import type { ChannelInput } from '../../shared/ipc/contract';
import { startPos, type RunningPos } from '../../electron/compose/start-pos';
import { call, percentile } from './bench-calls';
import { plainTextCipher } from '../../electron/core/shop/secrets/key-cipher';

/**
 * What menu options add to a sale: `sale:create` (price + store) and `sale:quote` (pricing
 * alone, nothing written) for a 3-line cart on a catalog of 200 products asking for 5 option
 * groups (and 200 twins asking for none, so every cart goes through the same core and the same
 * day's file): lines without options, the 5 groups taken at their defaults, or all 5 picked.
 * Then the same quote on 50,000 products, where pricing must still look products up by id. The
 * carts take turns, so the disk's and the machine's moods fall on each alike. Prints figures;
 * passes or fails on nothing.
 */
const SALES = 1_000;
const WARM_UP = 50;
const quiet = { info() {}, warn() {}, error() {} };

const group = (id: string, min: number, max: number, prices: number[], defaults: number[]): OptionGroup => ({
  id,
  name: { ko: id, en: id },
  min,
  max,
  options: prices.map((price, i) => ({
    id: `${id}-${i}`,
    name: { ko: `${id} ${i}`, en: `${id} ${i}` },
    price,
    soldOut: false,
    retired: false,
    priceHistory: [],
  })),
  defaults: defaults.map((i) => `${id}-${i}`),
  retired: false,
});

/** A café's five: temperature and size required (with defaults), shots, syrups and milk optional. */
const GROUPS = [
  group('temperature', 1, 1, [0, 0], [0]),
  group('size', 1, 1, [0, 500, 1_000], [0]),
  group('shot', 0, 3, [500], []),
  group('syrup', 0, 2, [300, 300, 300, 300], []),
  group('milk', 0, 1, [0, 600, 600], []),
];

/** `count` products asking for the five groups, and as many twins asking for none when `twins`. */
function catalogOf(count: number, twins: boolean): Catalog {
  const product = (id: string, i: number, optionGroupIds: string[]) => ({
    id,
    categoryId: 'menu',
    name: { ko: `메뉴 ${i}`, en: `Item ${i}` },
    price: 3_000 + (i % 40) * 100,
    optionGroupIds,
  });
  const groupIds = GROUPS.map((g) => g.id);
  return catalogSchema.parse({
    categories: [{ id: 'menu', name: { ko: '메뉴', en: 'Menu' } }],
    optionGroups: GROUPS,
    products: Array.from({ length: count }, (_, i) => [
      product(`p${i}`, i, groupIds),
      ...(twins ? [product(`plain-${i}`, i, [])] : []),
    ]).flat(),
  });
}

/** Three lines, the products spread over the catalog: plain twins, or with every group chosen when `picked`. */
function cart(size: number, n: number, lines: 'plain' | 'defaults' | 'picked'): ChannelInput<'sale:create'> {
  const picks = [
    { optionId: 'temperature-1', count: 1 },
    { optionId: 'size-2', count: 1 },
    { optionId: 'shot-0', count: 2 },
    { optionId: 'syrup-1', count: 1 },
    { optionId: 'syrup-3', count: 1 },
    { optionId: 'milk-2', count: 1 },
  ];
  return {
    lines: [0, 1, 2].map((k) => ({
      productId: `${lines === 'plain' ? 'plain-' : 'p'}${(n * 7 + k * Math.floor(size / 3)) % size}`,
      quantity: 1 + k,
      options: lines === 'picked' ? picks : [],
    })),
  };
}

async function open(catalog: Catalog): Promise<{ core: RunningPos; done: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'toss-pos-bench-options-'));
  await writeFile(join(dataDir, 'catalog.json'), JSON.stringify(catalog));
  const core = await startPos({
    env: { POS_DATA_DIR: dataDir },
    packaged: false,
    cipher: plainTextCipher,
    keepEnvironmentKey: false,
    log: quiet,
  });
  // Someone at the till (the training manager, chosen on the first start): sales need them.
  await core.dispatch('staff:use-training-manager', {});
  return {
    core,
    done: async () => {
      await core.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

interface Kind {
  label: string;
  core: RunningPos;
  size: number;
  lines: 'plain' | 'defaults' | 'picked';
}

/** Each kind's call times, the kinds taking turns sale after sale. */
async function measure(kinds: Kind[], channel: 'sale:create' | 'sale:quote'): Promise<number[][]> {
  const times = kinds.map(() => [] as number[]);
  for (let n = 0; n < WARM_UP + SALES; n += 1) {
    for (const [k, kind] of kinds.entries()) {
      const input = cart(kind.size, n, kind.lines);
      const t = performance.now();
      await call(kind.core, channel, input);
      if (n >= WARM_UP) times[k]?.push(performance.now() - t);
    }
  }
  return times;
}

const f = (n: number, width = 9) => n.toFixed(3).padStart(width);

function report(title: string, kinds: Kind[], times: number[][]): void {
  console.log(title);
  console.log('cart (3 lines)                         |       p50 |       p99 | p50 vs 1st  | p99 vs 1st');
  const [first] = times;
  for (const [k, kind] of kinds.entries()) {
    const own = times[k] ?? [];
    const base = first ?? own;
    console.log(
      `${kind.label.padEnd(38)} | ${f(percentile(own, 50))} | ${f(percentile(own, 99))} | ${f(percentile(own, 50) - percentile(base, 50), 11)} | ${f(percentile(own, 99) - percentile(base, 99), 11)}`,
    );
  }
}

const cafe = await open(catalogOf(200, true));
const large = await open(catalogOf(50_000, false));
try {
  const kinds: Kind[] = [
    { label: 'no options (products ask for none)', core: cafe.core, size: 200, lines: 'plain' },
    { label: '5 groups at their defaults', core: cafe.core, size: 200, lines: 'defaults' },
    { label: '5 groups picked (6 options per line)', core: cafe.core, size: 200, lines: 'picked' },
  ];
  console.log(`What menu options add to a sale (the aim: ≤ 1 ms at p99 on sale:create), ${SALES} carts each, ms`);
  // A p99 is the machine's as much as ours: say how busy it was.
  console.log(`load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`);
  report('sale:create (price + store), 200 products × 5 groups', kinds, await measure(kinds, 'sale:create'));
  report('sale:quote (pricing alone), 200 products × 5 groups', kinds, await measure(kinds, 'sale:quote'));
  const sizes: Kind[] = [
    { label: '5 groups picked, 200 products', core: cafe.core, size: 200, lines: 'picked' },
    { label: '5 groups picked, 50,000 products', core: large.core, size: 50_000, lines: 'picked' },
  ];
  report('sale:quote as the catalog grows', sizes, await measure(sizes, 'sale:quote'));
} finally {
  await Promise.all([cafe.done(), large.done()]);
}
