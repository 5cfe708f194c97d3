import type { CallBoard } from '../../../../shared/domain/call-board';
import type { LocalizedText } from '../../../../shared/domain/catalog';
import type { CartLine } from '../../../../shared/domain/cart-line';
import { emptyDraft, type CustomerView, type RegisterDraft } from '../../../../shared/domain/register';
import { lineTotal, sumWon } from '../../../../shared/domain/money';
import type { Order, SaleQuote } from '../../../../shared/domain/order';
import type { CatalogFile } from '../catalog/catalog-file';
import type { PriceList } from '../catalog/pricing';
import type { OrderBook } from '../../orders/order-book';
import type { SettingsFile } from '../settings/settings-file';

/** How long a watch waits for a change before it answers with the same view. */
export const WATCH_WAIT_MS = 20_000;

/** The number board as the display needs it (the bar's OrderCalls). */
export interface BoardSource {
  current(): CallBoard;
  refresh(): Promise<void>;
  onChange(listener: () => void): void;
}

export interface CustomerDisplayDeps {
  catalog: CatalogFile;
  orders: OrderBook;
  calls: BoardSource;
  /** The register's language and chime preference, which the customer's screen follows. */
  settings: Pick<SettingsFile, 'preferences'>;
  training: () => boolean;
  /** Main's price for a discounted cart; null when the discount does not apply (the cashier sees why). */
  quote: (draft: RegisterDraft) => Promise<SaleQuote | null>;
  /**
   * Where versions come from, shared by both modes' displays: the customer's screen watches
   * whichever the register is in, so a version never goes back when the register switches.
   */
  versions: DisplayVersions;
}

type ViewLine = CustomerView['lines'][number];

/** What a sold line is named by: the catalog's names, by id (retired ones included). */
export type SoldNames = Pick<CatalogFile, 'productNames' | 'optionNames'>;

/** A paid order's line: its options as sold, named in both languages while the catalog still knows them. */
export function soldLine(line: Order['lines'][number], catalog: SoldNames): ViewLine {
  const named = (id: string, name: string): LocalizedText => catalog.optionNames(id) ?? { ko: name, en: name };
  return {
    name: catalog.productNames(line.productId) ?? { ko: line.name, en: line.name },
    options: line.options.map((o) => ({ name: named(o.optionId, o.name), count: o.count })),
    memo: line.memo,
    quantity: line.quantity,
    lineTotal: line.lineTotal,
  };
}

/**
 * A cart line priced as the register shows it, from the sellable catalog: the product, and the
 * options its groups offer, in their order (an option no longer offered is left out, as on the
 * register's screen; main refuses such a cart when it is paid). Null for a product gone.
 */
function cartLine(line: CartLine, catalog: PriceList): ViewLine | null {
  const product = catalog.product(line.productId);
  if (product === undefined) return null;
  const counts = new Map(line.options.map((pick) => [pick.optionId, pick.count]));
  const options = product.optionGroupIds
    .flatMap((id) => catalog.optionGroup(id)?.options ?? [])
    .flatMap((option) => {
      const count = counts.get(option.id);
      return count === undefined ? [] : [{ option, count }];
    });
  const unitPrice = sumWon([product.price, ...options.map(({ option, count }) => lineTotal(option.price, count))]);
  return {
    name: product.name,
    options: options.map(({ option, count }) => ({ name: option.name, count })),
    memo: line.memo,
    quantity: line.quantity,
    lineTotal: lineTotal(unitPrice, line.quantity),
  };
}

/** A counter both modes' displays take their versions from. */
export class DisplayVersions {
  private last = 0;

  next(): number {
    this.last += 1;
    return this.last;
  }
}

/**
 * What the customer's screen shows, built in main from the register's draft and main's own
 * catalog and orders: the page can tell main what it rang up, never what the customer sees.
 * Watchers wait for the next version (long-poll), so the screen follows the sale at once.
 */
export class CustomerDisplay {
  private version = 0;
  private view: Omit<CustomerView, 'board' | 'locale' | 'sounds'>;
  private waiters: Array<() => void> = [];

  constructor(private readonly deps: CustomerDisplayDeps) {
    this.view = {
      stage: 'idle',
      lines: [],
      memo: null,
      discount: 0,
      total: 0,
      callNumber: null,
      training: deps.training(),
    };
    deps.calls.onChange(() => this.publish());
  }

  async show(draft: RegisterDraft): Promise<void> {
    this.view = await this.build(draft);
    // A sale just paid is on the board already: the board follows the book's writes.
    this.publish();
  }

  /**
   * The board stands beside the sale: a day the book cannot read leaves it as it was, and the
   * register's own calls report the file.
   */
  private refreshBoard(): Promise<void> {
    return this.deps.calls.refresh().catch(() => undefined);
  }

  private publish(): void {
    this.version = this.deps.versions.next();
    const waiting = this.waiters;
    this.waiters = [];
    for (const wake of waiting) wake();
  }

  /** The view once it is newer than `since`, or the current one after `waitMs`. */
  async watch(since: number, waitMs = WATCH_WAIT_MS): Promise<{ version: number; view: CustomerView }> {
    // A screen just opened: the board as the books say now.
    if (since === 0) await this.refreshBoard();
    if (this.version <= since) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== wake);
          // Nothing rang up meanwhile: the board may still have changed (a refund, a ready number's time up).
          void this.refreshBoard().then(resolve);
        }, waitMs);
        const wake = () => {
          clearTimeout(timer);
          resolve();
        };
        this.waiters.push(wake);
      });
    }
    const { locale, sounds } = this.deps.settings.preferences();
    return {
      version: this.version,
      view: { ...structuredClone(this.view), board: this.deps.calls.current(), locale, sounds },
    };
  }

  /** Lets every watcher answer now (the app is closing). */
  release(): void {
    void this.show(emptyDraft);
  }

  private async build(draft: RegisterDraft): Promise<Omit<CustomerView, 'board' | 'locale' | 'sounds'>> {
    const training = this.deps.training();
    if (draft.stage === 'paid' && draft.paidOrderId !== null) {
      const order = await this.deps.orders.get(draft.paidOrderId);
      if (order?.status === 'PAID') {
        return {
          stage: 'paid',
          lines: order.lines.map((line) => soldLine(line, this.deps.catalog)),
          memo: order.memo,
          discount: sumWon(order.discounts.map((d) => d.amount)),
          total: order.amount,
          callNumber: order.callNumber,
          training,
        };
      }
    }
    const lines = draft.lines.flatMap((line) => cartLine(line, this.deps.catalog) ?? []);
    const stage = lines.length === 0 ? 'idle' : draft.stage === 'paying' ? 'paying' : 'ringing';
    const subtotal = sumWon(lines.map((l) => l.lineTotal));
    const discounted =
      lines.length > 0 && (draft.couponCode !== null || draft.manualDiscount !== null)
        ? await this.deps.quote(draft)
        : null;
    const total = discounted?.amount ?? subtotal;
    const memo = lines.length === 0 ? null : draft.memo;
    return { stage, lines, memo, discount: subtotal - total, total, callNumber: null, training };
  }
}
