import type { FileIo } from '../../platform/disk/file-io';
import { retryDelayMs } from '../../platform/jobs/backoff';
import { SerialPasses } from '../../platform/jobs/serial-passes';
import type { Logger } from '../../platform/log/logger';
import type { CatalogFile } from '../catalog/catalog-file';
import type { SettingsFile } from '../settings/settings-file';
import type { StaffService } from '../staff/staff-service';
import { ShopChangeOutbox } from './shop-change-outbox';
import {
  shopChangeSchema,
  type LocalShopChange,
  type SharedSetting,
  type ShopChange,
  type ShopChangeLog,
  type ShopSeed,
} from './shop-change';

/** How often the log is read when no notification came, and how soon a store that did not answer is tried again. */
export interface ShopSyncTiming {
  pollMs: number;
  firstRetryMs: number;
  maxRetryMs: number;
  /** Changes sent or read per round trip. */
  batch: number;
}

export const SHOP_SYNC_TIMING: ShopSyncTiming = { pollMs: 2_000, firstRetryMs: 1_000, maxRetryMs: 15_000, batch: 200 };

/** What the shop shares between registers: the catalog, the staff and the shop-wide settings. */
export interface SharedShop {
  catalog: CatalogFile;
  staff: StaffService;
  settings: SettingsFile;
}

/** Sign-in by name is kept with the till (staff/), not in settings.json, but it is the shop's policy all the same. */
const NAME_SIGN_IN = 'nameSignIn';

function nameSignInSetting(on: boolean): SharedSetting {
  return { key: NAME_SIGN_IN, fields: { nameSignIn: on } };
}

/** A shop setting never saved (its stamp of who changed it is empty). */
function unset(setting: SharedSetting): boolean {
  return Object.entries(setting.fields).every(([field, value]) => !field.endsWith('Changed') || value === null);
}

/** Hands every local edit of the shop to `record` (a register's own edits, never the ones it applies from the log). */
export function recordLocalEdits(shop: SharedShop, record: (change: LocalShopChange) => void): void {
  shop.catalog.onSharedEdit((change) => record({ kind: 'catalog', change }));
  shop.staff.onSharedChange(
    (change) => record({ kind: 'staff', change }),
    (nameSignIn) => record({ kind: 'setting', change: nameSignInSetting(nameSignIn) }),
  );
  shop.settings.onShopSetting((change) => record({ kind: 'setting', change }));
}

function seedOf(shop: SharedShop): ShopSeed {
  return {
    catalog: shop.catalog.all(),
    staff: shop.staff.sharedStaff(),
    settings: [...shop.settings.shopSettings(), nameSignInSetting(shop.staff.till.nameSignIn())],
  };
}

/**
 * Keeps this register's catalog, staff and shop-wide settings with the shop's. Local edits are
 * written to this register's files first (they stay its truth, and it works on while the store is
 * away), recorded in the outbox, and sent in order; then the shop's log is followed from the
 * cursor and every change is applied through the same code a local edit goes through. Applied in
 * the log's order, the last change to a record wins on every register; a record this register
 * changed and has not sent yet is left as it is (its change comes later in the log, and wins).
 */
export class ShopChangeSync {
  private failures = 0;
  private offline = false;
  private readonly passes = new SerialPasses(() => this.round());

  private constructor(
    private readonly outbox: ShopChangeOutbox,
    private readonly deps: {
      log: ShopChangeLog;
      shop: SharedShop;
      registerId: () => Promise<string>;
      logger: Logger;
      timing: ShopSyncTiming;
    },
  ) {}

  static async open(deps: {
    dataDir: string;
    io: FileIo;
    /** Which store and register (a cursor for another is started afresh). */
    target: string;
    log: ShopChangeLog;
    shop: SharedShop;
    registerId: () => Promise<string>;
    logger: Logger;
    timing?: ShopSyncTiming;
  }): Promise<ShopChangeSync> {
    const outbox = await ShopChangeOutbox.open(deps.dataDir, deps.io, deps.target);
    return new ShopChangeSync(outbox, { ...deps, timing: deps.timing ?? SHOP_SYNC_TIMING });
  }

  /** A local edit of the shop's: kept in the outbox (in memory at once, then on disk) and sent when it can be. */
  record(change: LocalShopChange): void {
    if (this.passes.stopped) return;
    this.outbox.record(change).catch((error: unknown) =>
      this.deps.logger.error('shop changes: an edit could not be kept for the shared store', {
        kind: change.kind,
        error: error instanceof Error ? error.message : String(error),
      }),
    );
    this.passes.kick();
  }

  start(): void {
    this.passes.kick();
  }

  /** Changes of this register's not yet in the store. */
  waiting(): number {
    return this.outbox.count();
  }

  /** Runs a round now (send, then follow), resolving once no round is under way (tests). */
  async flush(): Promise<void> {
    await this.passes.flush();
  }

  async stop(): Promise<void> {
    await this.passes.stop();
    await this.deps.log.stop();
    await this.outbox.close();
  }

  private async round(): Promise<void> {
    try {
      const registerId = await this.deps.registerId();
      if (!this.outbox.joined) await this.join(registerId);
      await this.send(registerId);
      await this.deps.log.listen(() => this.passes.kick()).catch(() => undefined);
      await this.follow(registerId);
      if (this.offline) this.deps.logger.info('shop changes: the shared store answers again');
      this.offline = false;
      this.failures = 0;
      this.passes.later(this.deps.timing.pollMs);
    } catch (error) {
      this.failures += 1;
      if (!this.offline)
        this.deps.logger.warn('shop changes: the shared store does not answer; edits wait here', {
          error: error instanceof Error ? error.message : String(error),
        });
      this.offline = true;
      this.passes.later(retryDelayMs(this.failures, this.deps.timing));
    }
  }

  private async join(registerId: string): Promise<void> {
    const seeded = await this.deps.log.join(() => seedOf(this.deps.shop), registerId);
    await this.outbox.join();
    this.deps.logger.info(
      seeded
        ? "shop changes: this register's catalog, staff and shop settings are now the shop's"
        : 'shop changes: this register joins the shop and adopts its catalog, staff and shop settings',
      { registerId },
    );
  }

  private async send(registerId: string): Promise<void> {
    for (;;) {
      const lines = await this.outbox.unsent(this.deps.timing.batch);
      const last = lines.at(-1);
      if (last === undefined) return;
      await this.deps.log.send(
        lines.map(({ n, ...change }) => ({ localSeq: n, ...change })),
        registerId,
      );
      await this.outbox.sent(last.n);
    }
  }

  private async follow(registerId: string): Promise<void> {
    for (;;) {
      const rows = await this.deps.log.after(this.outbox.followed, this.deps.timing.batch);
      const last = rows.at(-1);
      if (last === undefined) return;
      for (const row of rows) {
        const read = shopChangeSchema.safeParse({ kind: row.kind, change: row.change });
        if (!read.success) {
          this.deps.logger.error('shop changes: a change of the shop does not read here; passed over', {
            seq: row.seq,
            kind: row.kind,
            registerId: row.registerId,
          });
          continue;
        }
        // The seed this register gave is what it has already.
        if (read.data.kind === 'seed' && row.registerId === registerId) continue;
        await this.apply(read.data);
      }
      await this.outbox.follow(last.seq);
    }
  }

  /**
   * The shop's seed, given by the first register to join: this register adopts its catalog (see
   * `CatalogFile.adoptShared`) and shop settings. Where the seed has no products, or a shop setting
   * never saved, that this register has (the first register was a new one), this register's own is
   * kept and sent as the shop's instead. Staff are the union: the shop's come in, and this
   * register's own go out to the shop, so nobody who could sign in here is locked out by joining.
   */
  private async adopt(seed: ShopSeed): Promise<void> {
    const { catalog, staff, settings } = this.deps.shop;
    const mine = catalog.all();
    if (seed.catalog.products.length === 0 && mine.products.length > 0)
      this.record({ kind: 'catalog', change: { ...mine } });
    else await catalog.adoptShared(seed.catalog);
    const theirs = new Set(seed.staff.map((record) => record.id));
    for (const record of seed.staff) await staff.applyShared(record);
    for (const record of staff.sharedStaff())
      if (!theirs.has(record.id)) this.record({ kind: 'staff', change: record });
    const own = new Map(settings.shopSettings().map((setting) => [setting.key, setting]));
    for (const setting of seed.settings) {
      const kept = own.get(setting.key);
      if (kept !== undefined && unset(setting) && !unset(kept)) this.record({ kind: 'setting', change: kept });
      else await this.applySetting(setting);
    }
  }

  private async applySetting(setting: SharedSetting): Promise<void> {
    if (setting.key !== NAME_SIGN_IN) return this.deps.shop.settings.applyShopSetting(setting);
    const on = setting.fields.nameSignIn;
    if (typeof on === 'boolean') await this.deps.shop.staff.applySharedNameSignIn(on);
  }

  /** One change of the shop's, through the code a local edit takes (not recorded again: it is the shop's already). */
  private async apply(change: ShopChange): Promise<void> {
    const { catalog, staff } = this.deps.shop;
    const pending = (key: string) => this.outbox.pending(key);
    switch (change.kind) {
      case 'seed':
        await this.adopt(change.change);
        return;
      case 'catalog':
        await catalog.applyShared(change.change, pending);
        return;
      case 'staff':
        if (!pending(`staff:${change.change.id}`)) await staff.applyShared(change.change);
        return;
      case 'setting':
        if (!pending(`setting:${change.change.key}`)) await this.applySetting(change.change);
        return;
    }
  }
}
