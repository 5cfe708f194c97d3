import { randomUUID } from 'node:crypto';
import type { LocalizedText } from '../../../../shared/domain/catalog';
import type { ManualDiscount } from '../../../../shared/domain/coupons';
import { PosError } from '../../../../shared/domain/errors';
import {
  heldContentSchema,
  MAX_HELD_CARTS,
  type HeldCart,
  type HeldContent,
  type HeldResume,
  type HeldSummary,
} from '../../../../shared/domain/held';
import { sumWon } from '../../../../shared/domain/money';
import type { OrderStatus } from '../../../../shared/domain/order';
import { emptyDraft, type RegisterDraft } from '../../../../shared/domain/register';
import { seoulIso } from '../../../../shared/domain/time';
import { KeyedMutex } from '../../platform/disk/keyed-mutex';
import type { CatalogFile } from '../catalog/catalog-file';
import type { RegisterDraftFile } from '../register/register-draft-file';
import type { HeldCartsFile } from './held-carts-file';
import { priceAgain, type QuoteRequest } from './held-resume';
import { priceEachLine } from './held-pricing';

export interface HeldCartsDeps {
  file: HeldCartsFile;
  /** The register's draft: what is held is main's own copy of the cart, never one the page sends. */
  drafts: RegisterDraftFile;
  catalog: CatalogFile;
  /** The customer's screen follows the draft. */
  show: (draft: RegisterDraft) => Promise<void>;
  /** Gives up the register's open order so its coupon is free again (the sale's own abandon, passed down). */
  abandon: (orderId: string) => Promise<{ status: OrderStatus } | null>;
  /** Main's quote for a cart; throws why a coupon or a discount does not apply (the sale's own quote, passed down). */
  quote: (request: QuoteRequest) => Promise<unknown>;
  now: () => Date;
}

/** A manager's approval is single-use and short-lived: a held cart keeps the discount, never its approval. */
function withoutApproval({ approvalId: _approval, ...kept }: ManualDiscount): ManualDiscount {
  return kept;
}

/** The cart of a draft as a held cart keeps it. */
function contentOf(draft: Pick<RegisterDraft, keyof HeldContent>): HeldContent {
  return heldContentSchema.parse({
    lines: draft.lines,
    memo: draft.memo,
    couponCode: draft.couponCode,
    manualDiscount: draft.manualDiscount === null ? null : withoutApproval(draft.manualDiscount),
  });
}

function sameContent(a: HeldContent, b: HeldContent): boolean {
  return JSON.stringify(heldContentSchema.parse(a)) === JSON.stringify(heldContentSchema.parse(b));
}

function refuseWhilePaying(draft: RegisterDraft): void {
  if (draft.stage === 'paying' || draft.approval !== null)
    throw new PosError('PAYMENT_IN_FLIGHT', 'a payment is under way at the register');
}

const LOCK = 'held';

/**
 * Carts put aside at the register (보류) and taken back. Holding moves the register's draft into
 * `held.json` and empties the register; resuming moves it back, priced again. A held cart holds
 * no order, no coupon reservation and no payment. Each move writes the held file first, marked
 * as under way, then the draft, then marks it done: a failure undoes what was done, and a stop
 * in between is settled at the next start by where the cart is found.
 */
export class HeldCarts {
  private readonly mutex = new KeyedMutex();

  private constructor(private readonly deps: HeldCartsDeps) {}

  static async open(deps: HeldCartsDeps): Promise<HeldCarts> {
    const held = new HeldCarts(deps);
    await held.settleMoves();
    return held;
  }

  /** The carts waiting, newest first. */
  list(): HeldSummary[] {
    return this.waiting()
      .reverse()
      .map((cart) => this.summaryOf(cart));
  }

  hold(label: string | undefined): Promise<HeldSummary> {
    return this.mutex.run(LOCK, async () => {
      const draft = this.deps.drafts.current();
      refuseWhilePaying(draft);
      if (draft.stage === 'paid') throw new PosError('ORDER_ALREADY_PAID', 'the register shows a paid sale');
      if (draft.lines.length === 0) throw new PosError('EMPTY_CART', 'nothing to hold');
      if (this.deps.file.carts().length >= MAX_HELD_CARTS)
        throw new PosError('HELD_CARTS_FULL', `${MAX_HELD_CARTS} carts are held`, { details: { max: MAX_HELD_CARTS } });
      if (draft.pending !== null) await this.giveUp(draft.pending.orderId);

      const cart = contentOf(draft);
      const prices = priceEachLine(this.deps.catalog, cart.lines);
      const entry: HeldCart = {
        id: randomUUID(),
        label: label === undefined || label === '' ? null : label,
        heldAt: seoulIso(this.deps.now()),
        cart,
        unitPrices: prices.map((price) => ({
          lineKey: price.key,
          unitPrice: 'unitPrice' in price ? price.unitPrice : null,
        })),
        total: sumWon(prices.map((price) => ('lineTotal' in price ? price.lineTotal : 0))),
        state: 'holding',
        resumedAs: null,
      };
      await this.deps.file.change((carts) => [...carts, entry]);
      let cleared = false;
      try {
        await this.deps.drafts.save(structuredClone(emptyDraft));
        cleared = true;
        await this.mark(entry.id, { state: 'held' });
      } catch (error) {
        // The cart goes back to the register; if the disk refuses that too, the next start finds it.
        const back = !cleared || (await this.deps.drafts.save(draft).then(succeeded, failed));
        if (back) await this.deps.file.change((carts) => carts.filter((c) => c.id !== entry.id)).catch(failed);
        throw error;
      }
      await this.deps.show(this.deps.drafts.current());
      return this.summaryOf(entry);
    });
  }

  /** Puts a held cart back on the empty register, priced from the catalog as it is now, and says what changed. */
  resume(id: string): Promise<HeldResume> {
    return this.mutex.run(LOCK, async () => {
      const entry = this.waitingCart(id);
      const draft = this.deps.drafts.current();
      refuseWhilePaying(draft);
      if (draft.lines.length > 0)
        throw new PosError('REGISTER_NOT_EMPTY', 'the register has a cart: hold or clear it before resuming');

      const { cart, changes } = await priceAgain(entry, {
        prices: this.deps.catalog,
        quote: this.deps.quote,
        nameOf: (productId) => this.nameOf(productId),
      });
      await this.mark(id, { state: 'resuming', resumedAs: cart });
      let placed = false;
      try {
        await this.deps.drafts.save({ ...structuredClone(emptyDraft), ...cart });
        placed = true;
        await this.deps.file.change((carts) => carts.filter((c) => c.id !== id));
      } catch (error) {
        const back = !placed || (await this.deps.drafts.save(draft).then(succeeded, failed));
        if (back) await this.mark(id, { state: 'held', resumedAs: null }).catch(failed);
        throw error;
      }
      const resumed = this.deps.drafts.current();
      await this.deps.show(resumed);
      return { draft: resumed, changes };
    });
  }

  /** Throws a held cart away (the register has asked the cashier); answers the carts still waiting. */
  discard(id: string): Promise<HeldSummary[]> {
    return this.mutex.run(LOCK, async () => {
      this.waitingCart(id);
      await this.deps.file.change((carts) => carts.filter((c) => c.id !== id));
      return this.list();
    });
  }

  /** The register's open order is given up, unless its payment is already under way (or done). */
  private async giveUp(orderId: string): Promise<void> {
    const order = await this.deps.abandon(orderId);
    if (order !== null && order.status !== 'ABANDONED')
      throw new PosError('PAYMENT_IN_FLIGHT', `order ${orderId} is ${order.status}`);
  }

  /**
   * A move a stop cut short is settled by where the cart is: still (or already) on the register,
   * the held copy goes; otherwise it stays held.
   */
  private async settleMoves(): Promise<void> {
    if (this.deps.file.carts().every((cart) => cart.state === 'held')) return;
    const onRegister = contentOf(this.deps.drafts.current());
    await this.deps.file.change((carts) =>
      carts.flatMap((cart): HeldCart[] => {
        if (cart.state === 'held') return [cart];
        const moving = cart.state === 'holding' ? cart.cart : cart.resumedAs;
        return moving !== null && sameContent(moving, onRegister) ? [] : [{ ...cart, state: 'held', resumedAs: null }];
      }),
    );
  }

  private mark(id: string, change: Pick<HeldCart, 'state'> & Partial<Pick<HeldCart, 'resumedAs'>>): Promise<void> {
    return this.deps.file.change((carts) => carts.map((cart) => (cart.id === id ? { ...cart, ...change } : cart)));
  }

  private waiting(): HeldCart[] {
    return this.deps.file.carts().filter((cart) => cart.state === 'held');
  }

  private waitingCart(id: string): HeldCart {
    const cart = this.waiting().find((c) => c.id === id);
    if (cart === undefined) throw new PosError('HELD_CART_NOT_FOUND', `no held cart ${id}`);
    return cart;
  }

  private nameOf(productId: string): LocalizedText {
    return this.deps.catalog.productNames(productId) ?? { ko: productId, en: productId };
  }

  private summaryOf(cart: HeldCart): HeldSummary {
    const [first] = cart.cart.lines;
    return {
      id: cart.id,
      label: cart.label,
      heldAt: cart.heldAt,
      firstName: first === undefined ? null : this.nameOf(first.productId),
      lineCount: cart.cart.lines.length,
      itemCount: cart.cart.lines.reduce((sum, line) => sum + line.quantity, 0),
      total: cart.total,
    };
  }
}

const succeeded = () => true;
const failed = () => false;
