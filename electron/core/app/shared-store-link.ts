import type { Order } from '../../../shared/domain/order';
import type { SharedStoreStatus } from '../../../shared/domain/shared-store';
import type { FileIo } from '../platform/disk/file-io';
import type { Logger } from '../platform/log/logger';
import { maskPostgresUrl } from '../platform/postgres/postgres-url';
import { JournalReplicator, type ReplicationTiming } from '../orders/shared-store/journal-replicator';
import { SharedCouponStore } from '../orders/shared-store/shared-coupon-store';
import { ShopOrders } from '../orders/shared-store/shop-orders';
import type { ShopReader } from '../orders/shop-order-reader';
import { PostgresShopChangeLog } from '../orders/shared-store/shop-change-log';
import {
  recordLocalEdits,
  SHOP_SYNC_TIMING,
  ShopChangeSync,
  type SharedShop,
  type ShopSyncTiming,
} from '../shop/shared-changes/shop-change-sync';
import { SharedOrderStore } from '../orders/shared-store/shared-order-store';
import type { SharedOrders } from '../money/refund/shared-orders';
import type { SharedCoupons } from '../money/coupons/shared-coupons';
import type { SettingsFile } from '../shop/settings/settings-file';
import type { SharedStoreControl } from '../shop/store/store-handlers';
import { registerIdentity } from '../shop/store/register-identity';
import { join } from 'node:path';
import { DrawerReplicator, type DrawerReplicationTiming } from '../orders/shared-store/drawer-replicator';
import { ShopDayStore } from '../orders/shared-store/shop-day-store';
import type { StoreDeps } from '../orders/shared-store/store-connection';
import { DRAWER_DIR } from '../money/drawer/drawer-journal';
import type { ShopLink } from '../records/day/shop-day-books';

export interface SharedStoreLinkDeps {
  dataDir: string;
  settings: SettingsFile;
  /** POS_STORE_URL: wins over the saved setting. */
  fromEnvironment: string | null;
  io: FileIo;
  log: Logger;
  now: () => Date;
  timing?: ReplicationTiming;
  drawerTiming?: DrawerReplicationTiming;
  /** The catalog, staff and settings the registers of the store share (the live and training books share them too). */
  shop?: SharedShop;
}

/** The shop's changes are followed at the outbox's pace when a test quickens it, else every two seconds. */
function shopTiming(timing: ReplicationTiming | undefined): ShopSyncTiming {
  if (timing === undefined) return SHOP_SYNC_TIMING;
  return {
    pollMs: Math.min(SHOP_SYNC_TIMING.pollMs, timing.heartbeatMs),
    firstRetryMs: timing.firstRetryMs,
    maxRetryMs: Math.min(SHOP_SYNC_TIMING.maxRetryMs, timing.maxRetryMs),
    batch: SHOP_SYNC_TIMING.batch,
  };
}

/**
 * The live books' link to the shop's shared store, when one is set up: the outbox replicating
 * their journals, started with them and switched when a manager saves another store. Training's
 * books never reach it: only live orders are handed to `journaled`.
 */
export class SharedStoreLink implements SharedStoreControl {
  readonly fromEnvironment: string | null;
  private replicator: JournalReplicator | null = null;
  private couponStore: SharedCouponStore | null = null;
  /** The shop's day on the store in use (the day close reads it), and the drawer's outbox to it. */
  private shopDay: ShopDayStore | null = null;
  private drawerOutbox: DrawerReplicator | null = null;
  private shopOrders: ShopOrders | null = null;
  private shopSync: ShopChangeSync | null = null;
  private orderStore: SharedOrderStore | null = null;
  private switching: Promise<void> = Promise.resolve();
  private identity: ReturnType<typeof registerIdentity> | null = null;

  constructor(private readonly deps: SharedStoreLinkDeps) {
    this.fromEnvironment = deps.fromEnvironment;
    // There from the first moment (it connects on its first call): start-up's coupon settling already goes through it.
    this.couponStore = this.storeOn(this.fromEnvironment ?? deps.settings.sharedStore().url, SharedCouponStore);
    this.shopOrders = this.readerOn(this.fromEnvironment ?? deps.settings.sharedStore().url);
    this.orderStore = this.storeOn(this.fromEnvironment ?? deps.settings.sharedStore().url, SharedOrderStore);
    if (deps.shop !== undefined) recordLocalEdits(deps.shop, (change) => this.shopSync?.record(change));
  }

  /** Starts replicating to the store in use, if any (reading the journals; the database is reached in the background). */
  start(): Promise<void> {
    return this.replicate(this.fromEnvironment ?? this.deps.settings.sharedStore().url);
  }

  use(url: string | null): Promise<void> {
    // Coupons go to the new store (or to none) from this call on.
    const before = this.couponStore;
    this.couponStore = this.storeOn(url, SharedCouponStore);
    const reading = this.shopOrders;
    this.shopOrders = this.readerOn(url);
    const ordersBefore = this.orderStore;
    this.orderStore = this.storeOn(url, SharedOrderStore);
    this.switching = this.switching.then(async () => {
      await before?.stop().catch(() => undefined);
      await reading?.stop().catch(() => undefined);
      await ordersBefore?.stop().catch(() => undefined);
    });
    return this.replicate(url);
  }

  /** This register's identity, made once even when the coupons and the outbox ask together. */
  private register(): ReturnType<typeof registerIdentity> {
    this.identity ??= registerIdentity(this.deps.settings);
    return this.identity;
  }

  /** This register as it is saved now (a manager may rename it), made the first time it is asked for. */
  private async registerNow(): Promise<{ id: string; name: string }> {
    return this.deps.settings.register().identity ?? (await this.register());
  }

  /** One of the shop's stores on `url` (none without a store), knowing this register as it is saved. */
  private storeOn<T>(url: string | null, Store: new (deps: StoreDeps) => T): T | null {
    return url === null ? null : new Store({ url, register: () => this.registerNow(), log: this.deps.log });
  }

  private readerOn(url: string | null): ShopOrders | null {
    return url === null ? null : ShopOrders.open(url, this.deps.log);
  }

  private replicate(url: string | null): Promise<void> {
    this.switching = this.switching.then(async () => {
      await this.stopReplicating();
      if (url === null) return;
      const register = await this.register();
      const shopDay = new ShopDayStore(url, this.deps.log);
      this.shopDay = shopDay;
      this.drawerOutbox = new DrawerReplicator({
        drawerDir: join(this.deps.dataDir, DRAWER_DIR),
        io: this.deps.io,
        register: () => this.deps.settings.register().identity ?? register,
        client: (work) => shopDay.client(work),
        log: this.deps.log,
        timing: this.deps.drawerTiming,
      });
      this.drawerOutbox.nudge();
      await this.followShop(url, register);
      const replicator = new JournalReplicator({
        dataDir: this.deps.dataDir,
        url,
        register: () => this.deps.settings.register().identity ?? register,
        io: this.deps.io,
        log: this.deps.log,
        now: this.deps.now,
        timing: this.deps.timing,
      });
      await replicator.start();
      this.replicator = replicator;
      this.deps.log.info('shared store: replicating the live journals', { store: maskPostgresUrl(url), register });
    });
    return this.switching;
  }

  /** The outboxes and the day's store of the store in use stopped (before another is followed, or at the end). */
  private async stopReplicating(): Promise<void> {
    await this.replicator?.stop();
    this.replicator = null;
    await this.shopSync?.stop();
    this.shopSync = null;
    await this.drawerOutbox?.stop();
    this.drawerOutbox = null;
    await this.shopDay?.stop();
    this.shopDay = null;
  }

  /** The catalog, staff and shop settings kept with the other registers' through the store's change log. */
  private async followShop(url: string, register: { id: string; name: string }): Promise<void> {
    const shop = this.deps.shop;
    if (shop === undefined) return;
    const identity = async () => this.deps.settings.register().identity ?? register;
    this.shopSync = await ShopChangeSync.open({
      dataDir: this.deps.dataDir,
      io: this.deps.io,
      target: `${maskPostgresUrl(url)}#${register.id}`,
      log: new PostgresShopChangeLog({ url, register: identity, log: this.deps.log }),
      shop,
      registerId: async () => (await identity()).id,
      logger: this.deps.log,
      timing: shopTiming(this.deps.timing),
    });
    this.shopSync.start();
  }

  /** A live order was journaled: its line goes to the store when it can. */
  journaled(order: Order): void {
    if (!order.training) this.replicator?.nudge(order.businessDay);
  }

  /** A live drawer shift was kept: it goes to the store when it can. */
  drawerKept(): void {
    this.drawerOutbox?.nudge();
  }

  /** What the live books' day close reads the shop's day through. */
  shopLink(): ShopLink {
    return {
      store: () => this.shopDay,
      online: () => this.status().state === 'online',
      register: () => this.registerNow(),
      flush: () => this.flush(),
    };
  }

  /** The shop's coupons on the store in use (null without one): the live books hold and use coupons there. */
  coupons(): SharedCoupons | null {
    return this.couponStore;
  }

  /**
   * The whole shop's orders, for history and the day's figures of the live books (null without a
   * store): read from the store, with this register's identity so its own orders come from its book.
   */
  shop(): ShopReader | null {
    const identity = this.deps.settings.register().identity;
    if (this.shopOrders === null || identity === null) return null;
    return { orders: this.shopOrders, register: identity };
  }

  /** The shop's orders on the store in use (null without one): refunds of any register's sale go through it. */
  orders(): SharedOrders | null {
    return this.orderStore;
  }

  /** The outbox's state, with the shop's edits waiting counted beside the journal lines. */
  status(): SharedStoreStatus {
    const status = this.replicator?.status() ?? { state: 'off' };
    if (status.state === 'off') return status;
    return { ...status, waiting: status.waiting + (this.shopSync?.waiting() ?? 0) };
  }

  /** Waits for what can be sent now (tests). */
  async flush(): Promise<void> {
    await this.switching;
    await this.replicator?.flush();
    await this.shopSync?.flush();
    await this.drawerOutbox?.flush();
  }

  async stop(): Promise<void> {
    await this.switching;
    await this.stopReplicating();
    await this.couponStore?.stop();
    this.couponStore = null;
    await this.shopOrders?.stop();
    this.shopOrders = null;
    await this.orderStore?.stop();
    this.orderStore = null;
  }
}
