import type { Notice } from '../../shared/domain/notices';
import { CatalogStore } from './catalog/catalog-store';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { createHandlers } from './ipc/handlers';
import type { Logger } from './log/logger';
import { PaymentService } from './payments/payment-service';
import { TossClient } from './payments/toss-client';
import { OrderService } from './sales/order-service';
import { contentSecurityPolicy } from './security/csp';
import type { SettingsStore } from './settings/settings-store';
import type { FileIo } from './store/file-io';
import { OrderStore } from './store/order-store';

/** Which Toss the core talks to: the real one (live) or the training simulator, already started. */
export interface TossSetup {
  mode: 'training' | 'live';
  clientKey: string;
  secretKey: string;
  apiBase: string;
  sdkSrc: string;
}

export interface PosCoreDeps {
  dataDir: string;
  toss: TossSetup;
  settings: SettingsStore;
  /** What the owner must be told at start (a key that could not be read, say). */
  notices: readonly Notice[];
  now: () => Date;
  io: FileIo;
  log: Logger;
  fetch?: typeof fetch;
  tossTimeoutMs?: number;
}

/** Everything main is, minus Electron: what both the Electron shell and the browser host run. */
export interface PosCore {
  mode: 'training' | 'live';
  dispatch: Dispatch;
  /** The Toss SDK script URL (Toss's or the simulator's): the shells build CSP and navigation rules from it. */
  sdkSrc(): string;
  /** The page's Content-Security-Policy for the current payment setup. */
  csp(): string;
  /**
   * Settles orders a crash left mid-confirm. Runs in the background so a slow Toss never holds
   * up the register; until it is done, calls about those orders wait their turn.
   */
  reconciled: Promise<void>;
  log: Logger;
  /** Lets writes under way reach the disk and refuses new ones. */
  close(): Promise<void>;
}

/**
 * Wires the services over an already locked data folder. Which Toss, which keys, which shell:
 * decided by the composition (`electron/compose`), never here.
 */
export async function createPosCore(deps: PosCoreDeps): Promise<PosCore> {
  const { toss, now, log } = deps;
  const catalog = await CatalogStore.open(deps.dataDir, deps.io);
  const orderStore = new OrderStore(deps.dataDir, deps.io);
  const client = new TossClient({ apiBase: toss.apiBase, secretKey: toss.secretKey, fetch: deps.fetch, timeoutMs: deps.tossTimeoutMs });
  const payments = new PaymentService({ orders: orderStore, toss: client, now, log });
  const orders = new OrderService({ catalog, orders: orderStore, now, training: toss.mode === 'training' });
  const handlers = createHandlers({
    catalog,
    orders,
    payments,
    settings: deps.settings,
    appInfo: () => ({ mode: toss.mode, clientKey: toss.clientKey, sdkSrc: toss.sdkSrc, notices: [...deps.notices] }),
  });

  const reconciled = payments.reconcile(await payments.unsettledOrders());
  log.info('Toss POS core started', { mode: toss.mode, dataDir: deps.dataDir });
  return {
    mode: toss.mode,
    dispatch: createDispatcher(handlers, log),
    sdkSrc: () => toss.sdkSrc,
    csp: () => contentSecurityPolicy(toss.sdkSrc),
    reconciled,
    log,
    close: () => orderStore.close(),
  };
}
