/** One benchmark as `npm run bench` runs it: node's own flags, the script and its arguments. */
export interface Bench {
  name: string;
  /** Flags for node itself, before the script (tsx is loaded as an import hook). */
  node: string[];
  args: string[];
  /** True when the script takes `--json PATH` and writes its figures there. */
  json: boolean;
}

const tsx = (...flags: string[]) => [...flags, '--import', 'tsx'];

/** Every benchmark, in the order `npm run bench` runs them. */
export const BENCHES: Bench[] = [
  { name: 'sale_cost', node: tsx(), args: ['tests/bench/sale-cost.ts'], json: false },
  { name: 'option_cost', node: tsx(), args: ['tests/bench/option-cost.ts'], json: false },
  { name: 'coupon_cost', node: tsx(), args: ['tests/bench/coupon-cost.ts'], json: false },
  { name: 'history', node: tsx(), args: ['tests/bench/history-bench.ts'], json: true },
  { name: 'rebuild', node: tsx(), args: ['tests/bench/rebuild-bench.ts'], json: true },
  { name: 'soak', node: tsx('--expose-gc'), args: ['tests/bench/soak.ts'], json: false },
  { name: 'catalog_search', node: tsx(), args: ['tests/bench/catalog-search-bench.ts'], json: true },
  { name: 'ui_soak', node: tsx('--experimental-websocket'), args: ['tests/bench/ui-soak.ts'], json: true },
  { name: 'catalog_main', node: tsx(), args: ['tests/bench/catalog-bench.ts'], json: true },
  { name: 'number_board', node: tsx(), args: ['tests/bench/board-bench.ts'], json: true },
  { name: 'registers', node: tsx(), args: ['tests/bench/registers-bench.ts'], json: true },
];
