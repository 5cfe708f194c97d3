import { join } from 'node:path';
import type { Notice } from '../../../shared/domain/notices';
import type { Channel } from '../../../shared/ipc/contract';
import { openBooks, type Books } from './open-books';
import { TRAINING_DIR } from '../platform/disk/training-dir';
import { CatalogFile } from '../shop/catalog/catalog-file';
import { demoCatalog } from '../shop/catalog/demo-catalog';
import { emptyCatalog } from '../shop/catalog/empty-catalog';
import { FirstStartCatalog } from '../shop/setup/first-start-catalog';
import { CallsUnderWay } from './ipc/calls-under-way';
import { UpdateGate } from './update-gate';
import { SharedStoreLink } from './shared-store-link';
import type { ReplicationTiming } from '../orders/shared-store/journal-replicator';
import { createDispatcher, type Dispatch } from './ipc/dispatcher';
import { CspViolationLog } from '../platform/log/csp-violation-log';
import type { Logger } from '../platform/log/logger';
import type { PaymentMode, TossEndpoints } from '../toss/toss-endpoints';
import { tossOf } from '../toss/toss-of';
import { SETTLER_TIMING, type SettlerTiming } from '../platform/jobs/background-settler';
import type { ReceiptPrinter } from '../shop/receipt/receipt-printer';
import type { Monitors } from '../shop/displays/monitors';
import { DisplayVersions } from '../shop/display/customer-display';
import type { KeyCipher } from '../shop/secrets/key-cipher';
import type { SecretKeyFile } from '../shop/secrets/secret-key-file';
import { contentSecurityPolicy } from '../platform/security/csp';
import { closeScryptThread } from '../platform/security/scrypt-thread';
import { SettingsService, type TossModes } from '../shop/settings/settings-service';
import type { SettingsFile } from '../shop/settings/settings-file';
import { StaffService } from '../shop/staff/staff-service';
import type { FileIo } from '../platform/disk/file-io';
import { JournalOrderBook } from '../orders/journal-order-book';
import type { RebuildPace } from '../orders/index/order-index';
import type { OrderBook } from '../orders/order-book';

export interface PosCoreDeps {
  dataDir: string;
  /** Which Toss, with which keys, now: the key provider every Toss call asks. */
  endpoints: TossEndpoints;
  modes: TossModes;
  keysFromEnvironment: boolean;
  settings: SettingsFile;
  keyStore: SecretKeyFile;
  /** How the shell keeps secrets at rest (safeStorage in Electron): the staff signing key is kept with it. */
  cipher: KeyCipher;
  /** What the owner must be told at start (a key that could not be read, say). */
  notices: readonly Notice[];
  now: () => Date;
  io: FileIo;
  log: Logger;
  fetch?: typeof fetch;
  tossTimeoutMs?: number;
  /** How often open work (confirms, refunds, coupon holds) is asked about again. */
  settleTiming?: SettlerTiming;
  /** Between two days of a background rebuild of history's index (tests slow it to watch one under way). */
  rebuildPace?: RebuildPace;
  /** The shell's printer, if it has one. */
  printer?: ReceiptPrinter;
  /** The shell's monitors, if it has any: told which display faces the customer. */
  monitors?: Monitors;
  /** POS_STORE_URL: the shop's shared store, winning over the saved setting. */
  storeUrl?: string;
  /** How soon the outbox tries an unreachable shared store again (tests shorten it). */
  replicationTiming?: ReplicationTiming;
}

/**
 * How long quitting waits for calls under way (a sale being stored, say) before closing the
 * books: longer is a Toss call, which is cut off and settled at the next start.
 */
const QUIT_WAIT_MS = 2_000;

/**
 * The register's calls that move money while they are answered: a mode switch waits for them. The
 * background settler's work does not hold a switch back: it is settled with its own mode's Toss.
 */
const MOVING_MONEY: ReadonlySet<Channel> = new Set<Channel>([
  'payment:confirm',
  'payment:complete-free',
  'cash:sale',
  'cash:pay-part',
  'cash:receipt',
  'refund:create',
]);

/** Everything main is, minus Electron: what both the Electron shell and the browser host run. */
export interface PosCore {
  mode(): 'training' | 'live';
  dispatch: Dispatch;
  /** The Toss SDK script URL (Toss's or the simulator's): the shells build CSP and navigation rules from it. */
  sdkSrc(): string;
  /** The page's Content-Security-Policy for the current payment setup. */
  csp(): string;
  /**
   * The first round of settling open work (confirms a crash or a silent Toss left unknown, then
   * coupon holds and refunds). In the background: a slow Toss never holds up the register, and
   * what a round leaves open is asked about again with backoff while the app runs.
   */
  settled: Promise<void>;
  /** Runs a settling round now (after the one under way, if any). */
  settleNow(): Promise<void>;
  log: Logger;
  /** Each mode's order book, for fixtures and reports that read history through the real code. */
  orders(mode: PaymentMode): OrderBook;
  /** Whether a downloaded update may install now, and each day close (the shell installs after one). */
  updates: UpdateGate;
  /** The live books' link to the shared store (off unless one is set up). */
  sharedStore: Pick<SharedStoreLink, 'status' | 'flush'>;
  /** Lets writes under way reach the disk and refuses new ones. */
  close(): Promise<void>;
}

/**
 * Wires the services over an already locked data folder: the shop (catalog, staff, settings) once,
 * and two sets of books — live in the data folder, training in its `training/` — each with its own
 * orders, coupons, open work, register and settler. The register's calls go to the books of the
 * mode it is in; each books' open work is settled with its own Toss all the time. Which Toss, which
 * keys, which shell: decided by the composition (`electron/compose`), never here.
 */
export async function createPosCore(deps: PosCoreDeps): Promise<PosCore> {
  const { endpoints, now, log, io } = deps;
  const training = () => endpoints.mode() === 'training';
  const liveOrders = new JournalOrderBook(deps.dataDir, io, undefined, log, deps.rebuildPace);
  const trainingDir = join(deps.dataDir, TRAINING_DIR);
  const trainingOrders = new JournalOrderBook(trainingDir, io, undefined, log, deps.rebuildPace);
  // The register's 대기번호 start where its manager set them, in training as in live: what the counter hears is the same.
  for (const book of [liveOrders, trainingOrders]) book.numberCallsFrom(() => deps.settings.callNumbersFrom());
  // A missing catalog is made only on a first start: a folder that has sold, in either mode, has its own catalog.
  // Training begins with the demo café (the training quick start sells from it), live with an empty one.
  // (Staff asks of live sales only: a trainee's folder has training sales and no live manager, rightly.)
  const hasSold = async () =>
    (await liveOrders.businessDays()).length > 0 || (await trainingOrders.businessDays()).length > 0;
  const catalog = await CatalogFile.open(deps.dataDir, io, now, async () =>
    (await hasSold()) ? null : training() ? demoCatalog : emptyCatalog,
  );
  const staff = await StaffService.open({
    dataDir: deps.dataDir,
    io,
    now,
    log,
    training,
    cipher: deps.cipher,
    hasSales: async () => (await liveOrders.businessDays()).length > 0,
  });
  const toss = tossOf(endpoints, { fetch: deps.fetch, timeoutMs: deps.tossTimeoutMs });
  const calls = new CallsUnderWay();
  // Kept open: start-up adds what it finds (a damaged day) before the first call.
  const notices = [...deps.notices];
  let books: Record<PaymentMode, Books> | null = null;
  const opened = () => {
    if (books === null) throw new Error('the books are not open yet');
    return books;
  };
  const settings = new SettingsService({
    settings: deps.settings,
    keyStore: deps.keyStore,
    endpoints,
    modes: deps.modes,
    paying: () => calls.answering(MOVING_MONEY),
    openWork: (mode) => opened()[mode].openWork.count(),
    // The left books' watchers answer first, then the new books' view is the newest version.
    switched: async (from, to) => {
      await opened()[from].redisplay();
      await opened()[to].redisplay();
    },
    hasLiveManager: () => staff.hasLiveManager(),
    keysFromEnvironment: deps.keysFromEnvironment,
    now,
    log,
    fetch: deps.fetch,
    tossTimeoutMs: deps.tossTimeoutMs,
  });
  const sharedStore = new SharedStoreLink({
    dataDir: deps.dataDir,
    settings: deps.settings,
    fromEnvironment: deps.storeUrl ?? null,
    io,
    log,
    now,
    timing: deps.replicationTiming,
    shop: { catalog, staff, settings: deps.settings },
  });
  const shop = {
    store: sharedStore,
    endpoints,
    notices,
    catalog,
    staff,
    firstStart: new FirstStartCatalog({ catalog, training, hasSold }),
    settings,
    settingsFile: deps.settings,
    printer: deps.printer ?? null,
    monitors: deps.monitors ?? null,
    now,
    cspLog: new CspViolationLog(log),
  };
  const common = {
    catalog,
    settings: deps.settings,
    toss,
    shop,
    now,
    io,
    log,
    settleTiming: deps.settleTiming ?? SETTLER_TIMING,
    displayVersions: new DisplayVersions(),
    rebuildPace: deps.rebuildPace,
  };
  const live = await openBooks({
    ...common,
    mode: 'live',
    dir: deps.dataDir,
    orders: liveOrders,
    journaled: (order) => sharedStore.journaled(order),
    sharedCoupons: () => sharedStore.coupons(),
    shopOrders: () => sharedStore.shop(),
    sharedOrders: () => sharedStore.orders(),
    shopDay: sharedStore.shopLink(),
    drawerKept: () => sharedStore.drawerKept(),
  });
  const trainingBooks = await openBooks({ ...common, mode: 'training', dir: trainingDir, orders: trainingOrders });
  books = { live, training: trainingBooks };
  // Only the live books are replicated; the database itself is reached in the background.
  await sharedStore.start();
  const both = Object.values(books);
  const updates = new UpdateGate({
    enabled: () => deps.settings.autoUpdate().enabled,
    paying: () => calls.answering(MOVING_MONEY),
    openWork: () => both.reduce((sum, b) => sum + b.openWork.count(), 0),
    draft: () => opened()[endpoints.mode()].draft(),
  });
  // Start-up's scans went round any day that cannot be read: the owner is told which, and how to mend it.
  for (const book of [liveOrders, trainingOrders]) {
    for (const error of book.unreadable.values())
      notices.push({
        code: 'STORE_FILE_DAMAGED',
        detail: error.message.replace(/^data file is unreadable: /, '').slice(0, 600),
      });
  }
  // The shell places the customer window by the saved choice from the start.
  deps.monitors?.use(deps.settings.customerScreen().choice);
  log.info('Toss POS core started', { mode: endpoints.mode(), dataDir: deps.dataDir });
  return {
    mode: () => endpoints.mode(),
    dispatch: updates.follow(
      calls.track(
        createDispatcher(() => opened()[endpoints.mode()].handlers, {
          log,
          session: staff.session,
          till: staff.till,
        }),
      ),
    ),
    sdkSrc: () => endpoints.current().sdkSrc,
    csp: () => contentSecurityPolicy(endpoints.current().sdkSrc),
    settled: Promise.all(both.map((b) => b.settled)).then(() => undefined),
    settleNow: () => Promise.all(both.map((b) => b.settleNow())).then(() => undefined),
    log,
    orders: (mode) => opened()[mode].orders,
    updates,
    sharedStore,
    close: async () => {
      for (const b of both) b.stop();
      await calls.settled(QUIT_WAIT_MS);
      await sharedStore.stop();
      for (const b of both) await b.close();
      await catalog.close();
      closeScryptThread();
    },
  };
}
