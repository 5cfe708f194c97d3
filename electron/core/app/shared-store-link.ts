import type { Order } from '../../../shared/domain/order';
import type { SharedStoreStatus } from '../../../shared/domain/shared-store';
import type { FileIo } from '../platform/disk/file-io';
import type { Logger } from '../platform/log/logger';
import { maskPostgresUrl } from '../platform/postgres/postgres-url';
import { JournalReplicator, type ReplicationTiming } from '../orders/shared-store/journal-replicator';
import { SharedCouponStore } from '../orders/shared-store/shared-coupon-store';
import { ShopOrders, type ShopReader } from '../orders/shared-store/shop-orders';
import type { SharedCoupons } from '../money/coupons/shared-coupons';
import type { SettingsFile } from '../shop/settings/settings-file';
import type { SharedStoreControl } from '../shop/store/store-handlers';
import { registerIdentity } from '../shop/store/register-identity';
import { join } from 'node:path';
import { DrawerReplicator, type DrawerReplicationTiming } from '../orders/shared-store/drawer-replicator';
import { ShopDayStore } from '../orders/shared-store/shop-day-store';
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
  private switching: Promise<void> = Promise.resolve();
  private identity: ReturnType<typeof registerIdentity> | null = null;

  constructor(private readonly deps: SharedStoreLinkDeps) {
    this.fromEnvironment = deps.fromEnvironment;
    // There from the first moment (it connects on its first call): start-up's coupon settling already goes through it.
    this.couponStore = this.couponsOn(this.fromEnvironment ?? deps.settings.sharedStore().url);
    this.shopOrders = this.readerOn(this.fromEnvironment ?? deps.settings.sharedStore().url);
  }

  /** Starts replicating to the store in use, if any (reading the journals; the database is reached in the background). */
  start(): Promise<void> {
    return this.replicate(this.fromEnvironment ?? this.deps.settings.sharedStore().url);
  }

  use(url: string | null): Promise<void> {
    // Coupons go to the new store (or to none) from this call on.
    const before = this.couponStore;
    this.couponStore = this.couponsOn(url);
    const reading = this.shopOrders;
    this.shopOrders = this.readerOn(url);
    this.switching = this.switching.then(async () => {
      await before?.stop().catch(() => undefined);
      await reading?.stop().catch(() => undefined);
    });
    return this.replicate(url);
  }

  /** This register's identity, made once even when the coupons and the outbox ask together. */
  private register(): ReturnType<typeof registerIdentity> {
    this.identity ??= registerIdentity(this.deps.settings);
    return this.identity;
  }

  private couponsOn(url: string | null): SharedCouponStore | null {
    if (url === null) return null;
    return new SharedCouponStore({
      url,
      register: async () => this.deps.settings.register().identity ?? (await this.register()),
      log: this.deps.log,
    });
  }

  private readerOn(url: string | null): ShopOrders | null {
    return url === null ? null : new ShopOrders(url, this.deps.log);
  }

  private replicate(url: string | null): Promise<void> {
    this.switching = this.switching.then(async () => {
      await this.replicator?.stop();
      this.replicator = null;
      await this.drawerOutbox?.stop();
      this.drawerOutbox = null;
      await this.shopDay?.stop();
      this.shopDay = null;
      if (url === null) return;
      const register = await this.register();
      const shopDay = new ShopDayStore(url, this.deps.log);
      this.shopDay = shopDay;
      this.drawerOutbox = new DrawerReplicator({
        drawerDir: join(this.deps.dataDir, DRAWER_DIR),
        register: () => this.deps.settings.register().identity ?? register,
        client: (work) => shopDay.client(work),
        log: this.deps.log,
        timing: this.deps.drawerTiming,
      });
      this.drawerOutbox.nudge();
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
      register: async () => this.deps.settings.register().identity ?? (await this.register()),
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

  status(): SharedStoreStatus {
    return this.replicator?.status() ?? { state: 'off' };
  }

  /** Waits for what can be sent now (tests). */
  async flush(): Promise<void> {
    await this.switching;
    await this.replicator?.flush();
    await this.drawerOutbox?.flush();
  }

  async stop(): Promise<void> {
    await this.switching;
    await this.replicator?.stop();
    this.replicator = null;
    await this.drawerOutbox?.stop();
    this.drawerOutbox = null;
    await this.shopDay?.stop();
    this.shopDay = null;
    await this.couponStore?.stop();
    this.couponStore = null;
    await this.shopOrders?.stop();
    this.shopOrders = null;
  }
}
