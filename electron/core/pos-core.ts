import { randomBytes } from 'node:crypto';
import { startTossSimulator, type TossSimulator } from '../training/simulator';
import { CatalogStore } from './catalog/catalog-store';
import type { PosConfig } from './config';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { createHandlers } from './ipc/handlers';
import { consoleSink, createLogger, fileSink, teeSink, type Logger } from './log/logger';
import { PaymentService } from './payments/payment-service';
import { TossClient } from './payments/toss-client';
import { OrderService } from './sales/order-service';
import { contentSecurityPolicy } from './security/csp';
import { diskIo, type FileIo } from './store/file-io';
import { lockDataDir } from './store/data-dir-lock';
import { OrderStore } from './store/order-store';

export interface PosCoreOptions {
  config: PosConfig;
  now?: () => Date;
  fetch?: typeof fetch;
  io?: FileIo;
  log?: Logger;
  tossTimeoutMs?: number;
}

/** Everything main is, minus Electron: what both the Electron shell and the browser host run. */
export interface PosCore {
  mode: 'training' | 'live';
  dispatch: Dispatch;
  /** The Toss SDK script URL (Toss's or the simulator's): the shells build CSP and navigation rules from it. */
  sdkSrc: string;
  csp: string;
  /**
   * Settles orders a crash left mid-confirm. Runs in the background so a slow Toss never holds
   * up the register; until it is done, calls about those orders wait their turn.
   */
  reconciled: Promise<void>;
  /** The training simulator, when there is one (tests read its request log). */
  simulator: TossSimulator | null;
  log: Logger;
  close(): Promise<void>;
}

interface TossEndpoints {
  clientKey: string;
  secretKey: string;
  apiBase: string;
  sdkSrc: string;
  simulator: TossSimulator | null;
}

/** Training mode runs its own Toss on loopback with throwaway keys: no real money can move. */
async function tossEndpoints(config: PosConfig, now: () => Date): Promise<TossEndpoints> {
  if (config.mode === 'live') return { ...config, simulator: null };
  const clientKey = `test_ck_training_${randomBytes(9).toString('hex')}`;
  const secretKey = `test_sk_training_${randomBytes(18).toString('hex')}`;
  const simulator = await startTossSimulator({ clientKey, secretKey, now });
  return { clientKey, secretKey, apiBase: simulator.apiBase, sdkSrc: simulator.sdkSrc, simulator };
}

export async function startPosCore(options: PosCoreOptions): Promise<PosCore> {
  const { config } = options;
  const now = options.now ?? (() => new Date());
  const io = options.io ?? diskIo;
  const unlock = await lockDataDir(config.dataDir);
  let toss: TossEndpoints | undefined;
  try {
    toss = await tossEndpoints(config, now);
    const log = options.log ?? createLogger([toss.secretKey], teeSink(consoleSink, fileSink(config.dataDir, now)));
    const catalog = await CatalogStore.open(config.dataDir, io);
    const orderStore = new OrderStore(config.dataDir, io);
    const client = new TossClient({ apiBase: toss.apiBase, secretKey: toss.secretKey, fetch: options.fetch, timeoutMs: options.tossTimeoutMs });
    const payments = new PaymentService({ orders: orderStore, toss: client, now, log });
    const orders = new OrderService({ catalog, orders: orderStore, now, training: config.mode === 'training' });
    const handlers = createHandlers({ catalog, orders, payments, appInfo: { mode: config.mode, clientKey: toss.clientKey, sdkSrc: toss.sdkSrc } });

    const reconciled = payments.reconcile(await payments.unsettledOrders());
    const { simulator } = toss;
    log.info('Toss POS core started', { mode: config.mode, dataDir: config.dataDir });
    return {
      mode: config.mode,
      dispatch: createDispatcher(handlers, log),
      sdkSrc: toss.sdkSrc,
      csp: contentSecurityPolicy(toss.sdkSrc),
      reconciled,
      simulator,
      log,
      close: async () => {
        await simulator?.close();
        await unlock();
      },
    };
  } catch (error) {
    await toss?.simulator?.close();
    await unlock();
    throw error;
  }
}
