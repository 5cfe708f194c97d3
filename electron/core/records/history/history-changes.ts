/** How many of the latest writes are kept: a screen that asks every few seconds is far within them. */
const KEPT = 256;

/** What changed since a screen last asked: the orders written since, or null when it must read its list again. */
export interface ChangesSince {
  version: number;
  orderIds: string[] | null;
}

/**
 * The orders this register's books wrote, by a number that only goes up, so an open history list
 * can put the rows it shows back in step (another register's refund taken in, a 현금영수증 settled in
 * the background) without reading its whole list again. Counts from zero when main starts: a screen
 * holding a number from before, or one older than what is kept, is told to read afresh.
 */
export class HistoryChanges {
  private version = 0;
  private readonly latest: string[] = [];

  written(orderId: string): void {
    this.version += 1;
    this.latest.push(orderId);
    if (this.latest.length > KEPT) this.latest.shift();
  }

  /** Since `version` (-1: nothing seen yet, only the number is wanted). */
  since(version: number): ChangesSince {
    if (version < 0) return { version: this.version, orderIds: [] };
    const missed = this.version - version;
    if (missed < 0 || missed > this.latest.length) return { version: this.version, orderIds: null };
    return { version: this.version, orderIds: [...new Set(this.latest.slice(this.latest.length - missed))] };
  }
}
