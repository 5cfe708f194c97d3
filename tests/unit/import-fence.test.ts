import { ESLint } from 'eslint';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// The fence in eslint.config.js, tried on code it must stop (and on code it must let through).
const eslint = new ESLint();

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  // A source that does not parse is an error too: else a case that may pass would pass for nothing.
  return (result?.messages ?? [])
    .filter(
      (m) =>
        m.fatal === true ||
        ['no-restricted-imports', 'no-restricted-syntax', 'no-restricted-properties'].includes(m.ruleId ?? ''),
    )
    .map((m) => m.message);
}

describe('import fence', () => {
  it.each([
    ['electron/core/payments/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/host/x.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n"],
    ['electron/compose/x.ts', "import { safeStorage } from 'electron';\nexport const a = safeStorage;\n"],
    [
      'electron/core/x.ts',
      "import { startTossSimulator } from '../training/simulator';\nexport const a = startTossSimulator;\n",
    ],
    [
      'electron/core/payments/x.ts',
      "import { startPos } from '../../compose/start-pos';\nexport const a = startPos;\n",
    ],
    [
      'electron/core/x.ts',
      "import { startBrowserHost } from '../host/host-server';\nexport const a = startBrowserHost;\n",
    ],
    ['shared/domain/x.ts', "import { readFile } from 'node:fs/promises';\nexport const a = readFile;\n"],
    [
      'shared/domain/x.ts',
      "import { createPosCore } from '../../electron/core/app/pos-core';\nexport const a = createPosCore;\n",
    ],
    ['renderer/src/x.ts', "import { readFile } from 'fs';\nexport const a = readFile;\n"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
    [
      'renderer/src/x.ts',
      "import { TossClient } from '../../electron/core/toss/toss-client';\nexport const a = TossClient;\n",
    ],
    ['renderer/src/x.ts', "export const a = import('node:fs');\n"],
    ['renderer/src/features/x.ts', 'export const a = window.pos;\n'],
    // Features meet through index.ts only.
    [
      'renderer/src/features/register/x.ts',
      "import { useCheckout } from '../checkout/checkout-store';\nexport const a = useCheckout;\n",
    ],
    [
      'renderer/src/features/staff/x.ts',
      "import { SettingsScreen } from '../settings/SettingsScreen';\nexport const a = SettingsScreen;\n",
    ],
    [
      'renderer/src/app/x.ts',
      "import { RegisterScreen } from '../features/register/RegisterScreen';\nexport const a = RegisterScreen;\n",
    ],
    ['renderer/src/features/register/x.ts', "import { readFile } from 'node:fs';\nexport const a = readFile;\n"],
  ])('refuses %s importing what it must not', async (filePath, code) => {
    expect(await importErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    [
      'electron/compose/x.ts',
      "import { startTossSimulator } from '../training/simulator';\nexport const a = startTossSimulator;\n",
    ],
    ['electron/core/x.ts', "import { readFile } from 'node:fs/promises';\nexport const a = readFile;\n"],
    ['renderer/src/x.ts', "import { formatWon } from '../../shared/domain/money';\nexport const a = formatWon;\n"],
    ['renderer/src/lib/ipc.ts', 'export const a = window.pos;\n'],
    [
      'renderer/src/features/register/x.ts',
      "import { useCheckout } from '../checkout';\nexport const a = useCheckout;\n",
    ],
    ['renderer/src/features/register/x.ts', "import { call } from '../../lib/ipc';\nexport const a = call;\n"],
    ['renderer/src/features/register/x.ts', "import { useCart } from './cart-store';\nexport const a = useCart;\n"],
    [
      'renderer/src/app/x.ts',
      "import { RegisterScreen } from '../features/register';\nexport const a = RegisterScreen;\n",
    ],
  ])('lets %s import what it may', async (filePath, code) => {
    expect(await importErrors(filePath, code)).toEqual([]);
  });
});

// Core's layers (coreLayers, coreDomains in eslint.config.js): platform < toss, orders < shop <
// money, records < app; inside money and records, domains keep apart but for sale → discount,
// coupons and coupons → discount. Each refusal names the rule that refused it.
describe('core layer fence', () => {
  it.each([
    // platform imports nothing else in core.
    [
      'electron/core/platform/jobs/x.ts',
      'core/platform may not import core/orders',
      "import { OrderBook } from '../../orders/order-book';\nexport const a = OrderBook;\n",
    ],
    [
      'electron/core/platform/config.ts',
      'core/platform may not import core/toss',
      "import { TossClient } from '../toss/toss-client';\nexport const a = TossClient;\n",
    ],
    [
      'electron/core/platform/web/x.ts',
      'core/platform may not import core/app',
      "import { createPosCore } from '../../app/pos-core';\nexport const a = createPosCore;\n",
    ],
    // toss and orders import only platform, and not each other.
    [
      'electron/core/toss/x.ts',
      'core/toss may not import core/orders',
      "import { OrderBook } from '../orders/order-book';\nexport const a = OrderBook;\n",
    ],
    [
      'electron/core/toss/x.ts',
      'core/toss may not import core/orders',
      "import { orders } from '../orders';\nexport const a = orders;\n",
    ],
    [
      'electron/core/toss/x.ts',
      'core/toss may not import core/shop',
      "import { CatalogFile } from '../shop/catalog/catalog-file';\nexport const a = CatalogFile;\n",
    ],
    [
      'electron/core/orders/index/x.ts',
      'core/orders may not import core/toss',
      "import { TossClient } from '../../toss/toss-client';\nexport const a = TossClient;\n",
    ],
    [
      'electron/core/orders/x.ts',
      'core/orders may not import core/shop',
      "import { CatalogFile } from '../shop/catalog/catalog-file';\nexport const a = CatalogFile;\n",
    ],
    [
      'electron/core/orders/days/x.ts',
      'core/orders may not import core/records',
      "import { dayFigures } from '../../records/day/day-figures';\nexport const a = dayFigures;\n",
    ],
    // shop imports neither money nor records.
    [
      'electron/core/shop/receipt/x.ts',
      'core/shop may not import core/money',
      "import { SaleService } from '../../money/sale/sale-service';\nexport const a = SaleService;\n",
    ],
    [
      'electron/core/shop/catalog/x.ts',
      'core/shop may not import core/records',
      "import { HistoryService } from '../../records/history/history-service';\nexport const a = HistoryService;\n",
    ],
    // money and records never import each other, from any depth, nor app.
    [
      'electron/core/money/refund/x.ts',
      'core/money may not import core/records',
      "import { HistoryService } from '../../records/history/history-service';\nexport const a = HistoryService;\n",
    ],
    [
      'electron/core/money/sale/deep/x.ts',
      'core/money may not import core/records',
      "import { dayFigures } from '../../../records/day/day-figures';\nexport const a = dayFigures;\n",
    ],
    [
      'electron/core/money/x.ts',
      'core/money may not import core/records',
      "import { dayFigures } from '../records/day/day-figures';\nexport const a = dayFigures;\n",
    ],
    [
      'electron/core/records/day/x.ts',
      'core/records may not import core/money',
      "import { CashSaleService } from '../../money/cash/cash-sale-service';\nexport const a = CashSaleService;\n",
    ],
    [
      'electron/core/records/history/x.ts',
      'core/records may not import core/app',
      "import { createPosCore } from '../../app/pos-core';\nexport const a = createPosCore;\n",
    ],
    // Inside money: payment, cash, refund and discount import no other money domain; coupons only discount.
    [
      'electron/core/money/payment/x.ts',
      'core/money/payment may not import core/money/cash',
      "import { CashSaleService } from '../cash/cash-sale-service';\nexport const a = CashSaleService;\n",
    ],
    [
      'electron/core/money/cash/x.ts',
      'core/money/cash may not import core/money/refund',
      "import { RefundService } from '../refund/refund-service';\nexport const a = RefundService;\n",
    ],
    [
      'electron/core/money/refund/x.ts',
      'core/money/refund may not import core/money/payment',
      "import { PaymentService } from '../payment/payment-service';\nexport const a = PaymentService;\n",
    ],
    [
      'electron/core/money/payment/x.ts',
      'core/money/payment may not import core/money/discount',
      "import { applyDiscounts } from '../discount/discount-engine';\nexport const a = applyDiscounts;\n",
    ],
    [
      'electron/core/money/discount/x.ts',
      'core/money/discount may not import core/money/sale',
      "import { SaleService } from '../sale/sale-service';\nexport const a = SaleService;\n",
    ],
    [
      'electron/core/money/discount/x.ts',
      'core/money/discount may not import core/money/coupons',
      "import { couponDiscount } from '../coupons/coupon-rules';\nexport const a = couponDiscount;\n",
    ],
    [
      'electron/core/money/coupons/x.ts',
      'core/money/coupons may not import core/money/sale',
      "import { SaleService } from '../sale/sale-service';\nexport const a = SaleService;\n",
    ],
    [
      'electron/core/money/sale/x.ts',
      'core/money/sale may not import core/money/payment',
      "import { PaymentService } from '../payment/payment-service';\nexport const a = PaymentService;\n",
    ],
    [
      'electron/core/money/payment/x.ts',
      'core/money/payment may not import core/money/cash',
      "import { CashSaleService } from '../../money/cash/cash-sale-service';\nexport const a = CashSaleService;\n",
    ],
    // Inside records: history and day keep apart.
    [
      'electron/core/records/history/x.ts',
      'core/records/history may not import core/records/day',
      "import { dayFigures } from '../day/day-figures';\nexport const a = dayFigures;\n",
    ],
    [
      'electron/core/records/day/x.ts',
      'core/records/day may not import core/records/history',
      "import { HistoryService } from '../history/history-service';\nexport const a = HistoryService;\n",
    ],
    // Types cross no more than values: import type, export … from, a path through core/.
    [
      'electron/core/money/sale/x.ts',
      'core/money may not import core/records',
      "import type { HistoryService } from '../../records/history/history-service';\nexport type A = HistoryService;\n",
    ],
    [
      'electron/core/toss/x.ts',
      'core/toss may not import core/orders',
      "export type { OrderBook } from '../orders/order-book';\n",
    ],
    [
      'electron/core/orders/x.ts',
      'core/orders may not import core/toss',
      "import type { TossClient } from '../../core/toss/toss-client';\nexport type A = TossClient;\n",
    ],
    [
      'electron/core/money/cash/x.ts',
      'core/money/cash may not import core/money/payment',
      "import type { PaymentService } from '../payment/payment-service';\nexport type A = PaymentService;\n",
    ],
    // What no static import shows, core may not write.
    [
      'electron/core/money/sale/x.ts',
      'No dynamic import() in core',
      "export const a = () => import('../../records/history/history-service');\n",
    ],
    [
      'electron/core/toss/x.ts',
      "No import('…') types in core",
      "export type A = import('../orders/order-book').OrderBook;\n",
    ],
    // A group's block still carries core's own fence.
    [
      'electron/core/money/cash/x.ts',
      'Only electron/main and electron/preload may import electron.',
      "import { app } from 'electron';\nexport const a = app;\n",
    ],
    [
      'electron/core/records/day/x.ts',
      'Core is composed in electron/compose',
      "import { startTossSimulator } from '../../../training/simulator';\nexport const a = startTossSimulator;\n",
    ],
    [
      'electron/core/platform/x.ts',
      'Core is composed in electron/compose',
      "import { startPos } from '../../compose/start-pos';\nexport const a = startPos;\n",
    ],
  ])('refuses %s: %s', async (filePath, refusal, code) => {
    const errors = await importErrors(filePath, code);
    expect(
      errors.some((message) => message.includes(refusal)),
      errors.join('\n') || 'no error at all',
    ).toBe(true);
  });

  it.each([
    [
      'electron/core/platform/jobs/x.ts',
      "import { KeyedJournal } from '../disk/keyed-journal';\nimport { formatWon } from '../../../../shared/domain/money';\nexport const a = [KeyedJournal, formatWon];\n",
    ],
    [
      'electron/core/toss/x.ts',
      "import { crashPoint } from '../platform/chaos/crash-points';\nexport const a = crashPoint;\n",
    ],
    [
      'electron/core/orders/index/x.ts',
      "import { readJson } from '../../platform/disk/file-io';\nimport { OrderBook } from '../order-book';\nexport const a = [readJson, OrderBook];\n",
    ],
    [
      'electron/core/shop/receipt/x.ts',
      "import { TossClient } from '../../toss/toss-client';\nimport { OrderBook } from '../../orders/order-book';\nimport { CatalogFile } from '../catalog/catalog-file';\nexport const a = [TossClient, OrderBook, CatalogFile];\n",
    ],
    [
      'electron/core/money/payment/x.ts',
      "import { SettingsService } from '../../shop/settings/settings-service';\nimport { OrderBook } from '../../orders/order-book';\nimport { cashOf } from '../../../../shared/domain/cash';\nexport const a = [SettingsService, OrderBook, cashOf];\n",
    ],
    [
      'electron/core/money/sale/x.ts',
      "import { couponDiscount } from '../coupons/coupon-rules';\nimport { applyDiscounts } from '../discount/discount-engine';\nexport const a = [couponDiscount, applyDiscounts];\n",
    ],
    [
      'electron/core/money/coupons/x.ts',
      "import type { DiscountToApply } from '../discount/discount-engine';\nexport type A = DiscountToApply;\n",
    ],
    [
      'electron/core/money/cash/x.ts',
      "import { cashReceiptAmounts } from './cash-receipt-amounts';\nexport const a = cashReceiptAmounts;\n",
    ],
    [
      'electron/core/records/day/x.ts',
      "import { businessDayAt } from '../../orders/days/business-day';\nimport { CatalogFile } from '../../shop/catalog/catalog-file';\nimport { TossClient } from '../../toss/toss-client';\nexport const a = [businessDayAt, CatalogFile, TossClient];\n",
    ],
    [
      'electron/core/records/history/x.ts',
      "import { historyCsv } from './history-csv';\nexport const a = historyCsv;\n",
    ],
    [
      'electron/core/app/ipc/x.ts',
      "import { dayHandlers } from '../../records/day/day-handlers';\nimport { saleHandlers } from '../../money/sale/sale-handlers';\nexport const a = [dayHandlers, saleHandlers];\n",
    ],
    [
      'electron/core/app/x.ts',
      "import type { HistoryService } from '../records/history/history-service';\nimport { crashPoint } from '../platform/chaos/crash-points';\nexport type A = HistoryService;\nexport const b = crashPoint;\n",
    ],
  ])('lets %s import what it may', async (filePath, code) => {
    expect(await importErrors(filePath, code)).toEqual([]);
  });
});

// shared/ipc/channels/<domain>.ts defines only <domain>:* channels, and in electron/ and shared/
// only its domain's handler file (electron/core/<group>/<domain>/<domain>-handlers.ts, or
// electron/core/app/app-handlers.ts) and shared/ipc/contract.ts import it.
const root = process.cwd();
const channelDir = 'shared/ipc/channels';
const channelDomains = readdirSync(join(root, channelDir))
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3));

function handlerFileOf(domain: string): string | undefined {
  if (domain === 'app') return 'electron/core/app/app-handlers.ts';
  return readdirSync(join(root, 'electron/core'))
    .map((group) => `electron/core/${group}/${domain}/${domain}-handlers.ts`)
    .find((file) => existsSync(join(root, file)));
}

function sourcesUnder(...dirs: string[]): Map<string, string> {
  const sources = new Map<string, string>();
  for (const dir of dirs) {
    for (const entry of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })) {
      const file = `${dir}/${entry.split(sep).join('/')}`;
      if (/\.tsx?$/.test(file)) sources.set(file, readFileSync(join(root, file), 'utf8'));
    }
  }
  return sources;
}

/** Every '<file> imports shared/ipc/channels/<domain>' where <file> is neither that domain's handler file nor the contract. */
function strayChannelImports(sources: ReadonlyMap<string, string>): string[] {
  const strays: string[] = [];
  for (const [file, source] of sources) {
    for (const [, specifier] of source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g)) {
      if (!specifier?.startsWith('.')) continue;
      const target = relative(root, resolve(root, dirname(file), specifier))
        .split(sep)
        .join('/')
        .replace(/\.ts$/, '');
      const domain = target.startsWith(`${channelDir}/`) ? target.slice(channelDir.length + 1) : undefined;
      if (domain === undefined || domain.includes('/')) continue;
      if (file !== 'shared/ipc/contract.ts' && file !== handlerFileOf(domain))
        strays.push(`${file} imports ${channelDir}/${domain}`);
    }
  }
  return strays;
}

describe('channel files', () => {
  it.each(channelDomains)(`${channelDir}/%s.ts defines only its own domain's channels`, async (domain) => {
    const module = (await import(join(root, channelDir, `${domain}.ts`))) as Record<string, Record<string, unknown>>;
    const names = Object.values(module).flatMap((group) => Object.keys(group));
    expect(names).not.toEqual([]);
    expect(names.filter((name) => !name.startsWith(`${domain}:`))).toEqual([]);
  });

  it.each(channelDomains)(`${channelDir}/%s.ts has its handler file, which imports it`, (domain) => {
    const handler = handlerFileOf(domain);
    expect(handler, `no electron/core/<group>/${domain}/${domain}-handlers.ts`).toBeDefined();
    expect(readFileSync(join(root, handler ?? ''), 'utf8')).toContain(`ipc/channels/${domain}'`);
  });

  it('is imported in electron/ and shared/ only by its handler file and shared/ipc/contract.ts', () => {
    expect(strayChannelImports(sourcesUnder('electron', 'shared'))).toEqual([]);
  });

  it('names a stray importer', () => {
    const sources = new Map([
      [
        'electron/core/money/payment/payment-service.ts',
        "import type { cashChannels } from '../../../../shared/ipc/channels/cash';\n",
      ],
      [
        'electron/core/money/cash/cash-handlers.ts',
        "import type { cashChannels } from '../../../../shared/ipc/channels/cash';\n",
      ],
      ['shared/ipc/channels/sale.ts', "import { refundChannels } from './refund';\n"],
      ['electron/compose/x.ts', "export { staffChannels } from '../../shared/ipc/channels/staff';\n"],
    ]);
    expect(strayChannelImports(sources)).toEqual([
      'electron/core/money/payment/payment-service.ts imports shared/ipc/channels/cash',
      'shared/ipc/channels/sale.ts imports shared/ipc/channels/refund',
      'electron/compose/x.ts imports shared/ipc/channels/staff',
    ]);
  });
});
