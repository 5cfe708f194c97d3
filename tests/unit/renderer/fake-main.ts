import { vi } from 'vitest';
import { catalogSchema, type Catalog } from '../../../shared/domain/catalog';
import { PosError, type PosErrorCode, type PosErrorData } from '../../../shared/domain/errors';
import { CARD_MINIMUM_WON, type Order, type PaymentPart, type PaymentRecord } from '../../../shared/domain/order';
import { parsePartOrderId, partOrderId } from '../../../shared/domain/part-number';
import { leftToPay, partsPaid, partUnderWay } from '../../../shared/domain/payment-parts';
import type { Preferences } from '../../../shared/domain/settings';
import { seoulDay } from '../../../shared/domain/time';
import { emptyDraft, type RegisterDraft } from '../../../shared/domain/register';
import { contract, isChannel, type Channel } from '../../../shared/ipc/contract';
import type { Handlers } from '../../../shared/ipc/handlers';
import { priceCart } from '../../../electron/core/shop/catalog/pricing';
import type { IpcResult } from '../../../shared/ipc/result';
import { unknownChannelResult } from '../../../shared/ipc/unknown-channel';
import { anOrder } from '../../support/an-order';

/**
 * Main as the renderer sees it across the process boundary: `window.pos.invoke`, answering
 * contract channels with contract-shaped results. It implements the very `Handlers` type main
 * does (a channel added to the contract fails to compile here until the fake answers it), prices
 * with main's own `priceCart`, and checks inputs and outputs with the contract's schemas.
 */

export const testCatalog: Catalog = catalogSchema.parse({
  categories: [
    { id: 'coffee', name: { ko: '커피', en: 'Coffee' } },
    { id: 'bakery', name: { ko: '베이커리', en: 'Bakery' } },
  ],
  products: [
    { id: 'americano', categoryId: 'coffee', name: { ko: '아메리카노', en: 'Americano' }, price: 4500 },
    { id: 'cafe-latte', categoryId: 'coffee', name: { ko: '카페라테', en: 'Caffè Latte' }, price: 5000 },
    {
      id: 'bagel',
      categoryId: 'bakery',
      name: { ko: '플레인 베이글', en: 'Plain Bagel' },
      price: 3500,
      barcode: '8801234000116',
    },
  ],
});

export const testAppInfo = {
  mode: 'training',
  clientKey: 'test_ck_fake',
  sdkSrc: 'https://js.tosspayments.com/v2/standard',
  notices: [],
  shopName: null,
} as const;

/** A scripted answer for the next call to a channel, instead of the fake's own behaviour. */
export type ScriptedAnswer =
  | { fail: PosErrorData }
  | { raw: unknown }
  | { bridgeDown: true }
  /** The call reaches main and main does its work, but the answer is lost on the way back. */
  | { lostAfterDoing: true }
  /** Main answers normally, but only once `until` settles (to press keys mid-call). */
  | { until: Promise<unknown> };

export function posError(code: PosErrorCode, extra: Partial<PosErrorData> = {}): PosErrorData {
  return { code, message: `${code} (fake main)`, retryable: false, ...extra };
}

const STAMP = '2024-05-01T12:00:00+09:00';

/** A cashier signed in at the till, so the register opens rather than the sign-in screen. */
const AT_THE_TILL = {
  id: 'staff-cashier',
  name: '이알바',
  role: 'cashier',
  trainingOnly: false,
  since: STAMP,
} as const;

export class FakeMain {
  readonly calls: Array<{ channel: string; input: unknown }> = [];
  readonly orders = new Map<string, Order>();
  preferences: Preferences = { locale: 'ko', sounds: true };
  draft: RegisterDraft = structuredClone(emptyDraft);
  private readonly scripts = new Map<string, ScriptedAnswer[]>();
  private nextOrder = 1;
  /** Toss refuses the next card part's confirm with this: main ends the part FAILED, then answers the refusal. */
  declineNextPart: PosErrorData | null = null;

  constructor(readonly catalog: Catalog = testCatalog) {}

  /** Puts this fake on `window.pos`, as the preload would. */
  install(): this {
    vi.stubGlobal('window', { pos: { invoke: this.invoke } });
    return this;
  }

  /** Inputs of the calls made to a channel, in order. */
  inputs(channel: Channel): unknown[] {
    return this.calls.filter((call) => call.channel === channel).map((call) => call.input);
  }

  count(channel: Channel): number {
    return this.inputs(channel).length;
  }

  /** The next call(s) to `channel` get these answers. */
  script(channel: Channel, ...answers: ScriptedAnswer[]): void {
    this.scripts.set(channel, [...(this.scripts.get(channel) ?? []), ...answers]);
  }

  /** What main journals before asking Toss to confirm (so a crash or timeout leaves it CONFIRMING). */
  journalConfirming(orderId: string, paymentKey: string): void {
    const order = this.mustGet(orderId);
    this.orders.set(orderId, {
      ...order,
      status: 'CONFIRMING',
      attempts: [...order.attempts, { paymentKey, startedAt: STAMP, outcome: 'CONFIRMING' }],
    });
  }

  markPaid(orderId: string, paymentKey: string): Order {
    const order = this.mustGet(orderId);
    const paid: Order = {
      ...order,
      status: 'PAID',
      updatedAt: STAMP,
      attempts: [
        ...order.attempts.filter((attempt) => attempt.paymentKey !== paymentKey),
        { paymentKey, startedAt: STAMP, outcome: 'APPROVED', endedAt: STAMP },
      ],
      payment: cardPayment(paymentKey, order.amount),
      callNumber: this.nextCallNumber(),
    };
    this.orders.set(orderId, paid);
    return paid;
  }

  /** A part of the order changed as main changes it; the order is PAID (with its 대기번호) once its paid parts add up. */
  private setPart(orderId: string, part: PaymentPart): Order {
    const order = this.mustGet(orderId);
    const parts = order.parts.some((p) => p.part === part.part)
      ? order.parts.map((p) => (p.part === part.part ? part : p))
      : [...order.parts, part];
    const whole = partsPaid({ parts }) === order.amount;
    const next: Order = {
      ...order,
      parts,
      ...(whole ? { status: 'PAID', callNumber: this.nextCallNumber() } : {}),
    };
    this.orders.set(orderId, next);
    return next;
  }

  private nextCallNumber(): number {
    return [...this.orders.values()].filter((o) => o.status === 'PAID').length + 1;
  }

  /** Main's checks of a new part, in its words. */
  private newPart(order: Order, method: PaymentPart['method'], amount: number): PaymentPart {
    if (order.status !== 'PENDING') throw new FakeMainError(posError('ORDER_ALREADY_PAID'));
    if (partUnderWay(order) !== undefined) throw new FakeMainError(posError('PART_UNDER_WAY'));
    if (amount > leftToPay(order)) throw new FakeMainError(posError('PART_OVER_REST'));
    if (method === 'card' && amount < CARD_MINIMUM_WON) throw new FakeMainError(posError('PART_BELOW_CARD_MINIMUM'));
    const part = order.parts.length + 1;
    return {
      part,
      method,
      amount,
      tossOrderId: method === 'card' ? partOrderId(order.orderId, part) : null,
      status: method === 'card' ? 'OPEN' : 'PAID',
      payment: null,
      cash: null,
      openedAt: STAMP,
      endedAt: null,
    };
  }

  private mustGet(orderId: string): Order {
    const order = this.orders.get(orderId);
    if (order === undefined) throw new Error(`fake main has no order ${orderId}`);
    return order;
  }

  readonly invoke = async (channel: string, input: unknown): Promise<unknown> => {
    this.calls.push({ channel, input: structuredClone(input) });
    await Promise.resolve(); // main answers later, never synchronously
    const scripted = this.scripts.get(channel)?.shift();
    if (scripted !== undefined) {
      if ('fail' in scripted) return { ok: false, error: scripted.fail } satisfies IpcResult<never>;
      if ('raw' in scripted) return scripted.raw;
      if ('bridgeDown' in scripted) throw new Error('bridge down');
      if ('until' in scripted) {
        await scripted.until;
        return this.handle(channel, input);
      }
      await this.handle(channel, input);
      throw new Error('answer lost');
    }
    return this.handle(channel, input);
  };

  private async handle(channel: string, input: unknown): Promise<IpcResult<unknown>> {
    if (!isChannel(channel)) return unknownChannelResult;
    const spec = contract[channel];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success)
      return { ok: false, error: posError('INVALID_INPUT', { message: parsed.error.message.slice(0, 600) }) };
    try {
      const handler = this.handlers[channel] as (input: unknown, call: { manager: null }) => Promise<unknown>;
      return { ok: true, data: spec.output.parse(await handler(parsed.data, { manager: null })) };
    } catch (error) {
      if (error instanceof FakeMainError) return { ok: false, error: error.data };
      throw error;
    }
  }

  /** The cashier's channels, as main answers them; the manager's are not the register's business. */
  private readonly handlers: Handlers = {
    'app:info': async () => structuredClone(testAppInfo) as never,
    'preferences:get': async () => this.preferences,
    'preferences:update': async (input) => {
      this.preferences = {
        ...this.preferences,
        ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
      };
      return this.preferences;
    },
    'catalog:list': async () => this.catalog,
    'catalog:version': async () => ({ version: 0 }),
    'sale:create': async (input) => this.createOrder(input),
    'sale:quote': async (input) => this.quote(input),
    'sale:abandon': async ({ orderId }) => {
      const order = this.orders.get(orderId);
      if (order === undefined) return null;
      if (order.status === 'PENDING') order.status = 'ABANDONED';
      return order;
    },
    'payment:complete-free': managerOnly,
    'discount:approve': managerOnly,
    'sale:get': async ({ orderId }) => {
      const order = this.orders.get(orderId);
      if (order === undefined) throw new FakeMainError(posError('ORDER_NOT_FOUND'));
      return order;
    },
    'payment:confirm': async (input) => this.confirm(input),
    'cash:sale': async ({ orderId, received }) => {
      const order = this.mustGet(orderId);
      if (received < order.amount) throw new FakeMainError(posError('CASH_NOT_ENOUGH'));
      const paid: Order = {
        ...order,
        status: 'PAID',
        cash: { received, change: received - order.amount, paidAt: STAMP, cashReceipt: null },
      };
      this.orders.set(orderId, paid);
      return paid;
    },
    'cash:receipt': notTheRegisters,
    'cash:receipt-failures': notTheRegisters,
    'cash:pay-part': async ({ orderId, amount, received }) => {
      const part = this.newPart(this.mustGet(orderId), 'cash', amount);
      if (received < amount) throw new FakeMainError(posError('CASH_NOT_ENOUGH'));
      const cash = { received, change: received - amount, paidAt: STAMP, cashReceipt: null };
      return this.setPart(orderId, { ...part, cash, endedAt: STAMP });
    },
    'payment:open-part': async ({ orderId, amount }) => {
      const part = this.newPart(this.mustGet(orderId), 'card', amount);
      return { part, order: this.setPart(orderId, part) };
    },
    'payment:drop-part': async ({ orderId, part }) => {
      const found = this.mustGet(orderId).parts.find((p) => p.part === part);
      if (found === undefined) throw new FakeMainError(posError('PART_NOT_OPEN'));
      if (found.status !== 'OPEN') return this.mustGet(orderId);
      return this.setPart(orderId, { ...found, status: 'FAILED', endedAt: STAMP });
    },
    'payment:settlements': async () => [],
    'payment:dismiss-settlement': async () => [],
    'sale:last-paid': async () => [...this.orders.values()].filter((order) => order.status === 'PAID').at(-1) ?? null,
    'register:draft': async () => this.draft,
    'register:save-draft': async (input) => {
      this.draft = structuredClone(input);
      return this.draft;
    },
    'display:watch': notTheRegisters,
    'held:hold': onTheRealCore,
    'held:list': async () => [],
    'held:resume': onTheRealCore,
    'held:discard': onTheRealCore,
    'staff:status': async () => ({
      setupNeeded: false,
      trainingManagerOffered: false,
      ownerNeeded: false,
      session: null,
      lockedUntil: null,
      signedIn: AT_THE_TILL,
      nameSignIn: false,
    }),
    'staff:setup-owner': managerOnly,
    'staff:use-training-manager': managerOnly,
    'staff:unlock': managerOnly,
    'staff:lock': async () => ({
      setupNeeded: false,
      trainingManagerOffered: false,
      ownerNeeded: false,
      session: null,
      lockedUntil: null,
      signedIn: AT_THE_TILL,
      nameSignIn: false,
    }),
    'staff:list': managerOnly,
    'staff:add': managerOnly,
    'staff:set-active': managerOnly,
    'setup:catalog-open': managerOnly,
    'setup:catalog': managerOnly,
    'staff:sign-in': managerOnly,
    'staff:sign-out': managerOnly,
    'staff:sign-in-names': async () => [],
    'receipts:recent': async () => [],
    'log:csp-violation': async () => ({ logged: true }),
    'staff:set-name-sign-in': managerOnly,
    'catalog:manage': managerOnly,
    'catalog:save-product': managerOnly,
    'catalog:set-sold-out': managerOnly,
    'catalog:move-product': managerOnly,
    'catalog:retire-product': managerOnly,
    'catalog:save-category': managerOnly,
    'catalog:retire-category': managerOnly,
    'catalog:save-option-group': managerOnly,
    'catalog:retire-option-group': managerOnly,
    'catalog:set-option-sold-out': managerOnly,
    'catalog:retire-option': managerOnly,
    'settings:get': managerOnly,
    'settings:save-store': managerOnly,
    'settings:save-toss-keys': managerOnly,
    'settings:set-mode': managerOnly,
    'settings:save-discount-limits': managerOnly,
    'coupons:definitions': managerOnly,
    'coupons:define': managerOnly,
    'coupons:issue': managerOnly,
    'coupons:list': managerOnly,
    'coupons:void': managerOnly,
    'coupons:export': managerOnly,
    'settings:save-refund-policy': managerOnly,
    'history:list': managerOnly,
    'history:totals': managerOnly,
    'history:changes': managerOnly,
    'history:order': managerOnly,
    'history:export': managerOnly,
    'day:today': async () => ({ day: seoulDay(new Date()) }),
    'day:view': managerOnly,
    'day:match': managerOnly,
    'day:x-report': managerOnly,
    'day:close': managerOnly,
    'day:practice-close': managerOnly,
    'day:closes': managerOnly,
    'day:export': managerOnly,
    'month:report': managerOnly,
    'month:export': managerOnly,
    'refund:preview': managerOnly,
    'refund:create': managerOnly,
    'refund:open-elsewhere': managerOnly,
    'refund:settle-elsewhere': managerOnly,
    'settings:save-receipt': managerOnly,
    'settings:save-mandatory-cash-receipt': managerOnly,
    'receipt:setup': async () => ({ store: null, paperWidth: 80, printing: 'browser', silent: false }),
    'receipt:print': async () => ({ outcome: 'unavailable' }),
    'receipt:save-pdf': async () => ({ outcome: 'unavailable' }),
    'receipt:printers': managerOnly,
    'displays:list': managerOnly,
    'displays:save-customer-screen': managerOnly,
    // No shift open: the register says the drawer is closed; the drawer itself is tested on the real core.
    'drawer:view': async () => ({ open: null, today: [] }),
    'drawer:open': onTheRealCore,
    'drawer:move': onTheRealCore,
    'drawer:close': onTheRealCore,
    // The number board derives from main's order book: tested against the real core.
    'bar:watch': onTheRealCore,
    'bar:ready': onTheRealCore,
    // The register's own tests print no order tickets: the setting is off, as it ships.
    'ticket:setup': async () => ({ enabled: false, paperWidth: 80, printing: 'browser' }),
    'ticket:order': onTheRealCore,
    'ticket:print': async () => ({ outcome: 'unavailable' }),
    'ticket:settings': managerOnly,
    'ticket:save-settings': managerOnly,
    'updates:settings': managerOnly,
    'updates:save-settings': managerOnly,
    // No shared store in the register's own tests: the badge stays away; the store is tested on the real core.
    'store:status': async () => ({ state: 'off' }),
    'store:settings': managerOnly,
    'store:save-register-name': managerOnly,
    'store:save-url': managerOnly,
  };

  /** The register's preview: this double prices carts without discounts (coupons are main's, tested against the real core). */
  private quote({
    lines,
    couponCode,
    manualDiscount,
  }: {
    lines: Array<{ productId: string; quantity: number }>;
    couponCode?: string | undefined;
    manualDiscount?: unknown;
  }) {
    if (couponCode !== undefined || manualDiscount !== undefined) throw new FakeMainError(posError('COUPON_UNKNOWN'));
    const priced = this.price(lines);
    return {
      lines: priced.lines,
      subtotal: priced.amount,
      discounts: [],
      amount: priced.amount,
      supplyAmount: priced.supplyAmount,
      vatAmount: priced.vatAmount,
    };
  }

  private price(lines: Array<{ productId: string; quantity: number }>) {
    try {
      return priceCart(
        {
          product: (id) => this.catalog.products.find((p) => p.id === id),
          optionGroup: (id) => this.catalog.optionGroups.find((g) => g.id === id),
        },
        lines,
      );
    } catch (error) {
      if (error instanceof PosError) throw new FakeMainError(error.toData());
      throw error;
    }
  }

  private createOrder({ lines }: { lines: Array<{ productId: string; quantity: number }> }) {
    const priced = this.price(lines);
    const orderId = `order-${String(this.nextOrder++).padStart(6, '0')}`;
    const order = anOrder({ orderId, businessDay: '2024-05-01', createdAt: STAMP, updatedAt: STAMP, ...priced });
    this.orders.set(orderId, order);
    return { orderId, orderName: order.orderName, amount: order.amount };
  }

  private confirm({ orderId, paymentKey, amount }: { orderId: string; paymentKey: string; amount: number }): Order {
    const named = parsePartOrderId(orderId);
    if (named !== null) return this.confirmPart(named.orderId, named.part, paymentKey, amount);
    const order = this.orders.get(orderId);
    if (order === undefined) throw new FakeMainError(posError('ORDER_NOT_FOUND'));
    if (order.status === 'PAID') {
      // Replaying the confirm that paid it answers the paid order; another payment does not.
      if (order.payment?.paymentKey === paymentKey) return order;
      throw new FakeMainError(posError('ORDER_ALREADY_PAID'));
    }
    if (amount !== order.amount) throw new FakeMainError(posError('AMOUNT_MISMATCH'));
    return this.markPaid(orderId, paymentKey);
  }

  /** A card part's confirm: checked against the part main stored; the order answered whole. */
  private confirmPart(orderId: string, number: number, paymentKey: string, amount: number): Order {
    const part = this.mustGet(orderId).parts.find((p) => p.part === number);
    if (part === undefined) throw new FakeMainError(posError('ORDER_NOT_FOUND'));
    if (part.status === 'PAID' && part.payment?.paymentKey === paymentKey) return this.mustGet(orderId);
    if (part.status !== 'OPEN' && part.status !== 'CONFIRMING') throw new FakeMainError(posError('PART_NOT_OPEN'));
    if (amount !== part.amount) throw new FakeMainError(posError('AMOUNT_MISMATCH'));
    const declined = this.declineNextPart;
    if (declined !== null) {
      this.declineNextPart = null;
      this.setPart(orderId, { ...part, status: 'FAILED', endedAt: STAMP });
      throw new FakeMainError(declined);
    }
    return this.setPart(orderId, { ...part, status: 'PAID', payment: cardPayment(paymentKey, amount), endedAt: STAMP });
  }
}

/** What Toss approved for a card (the fake's one card). */
function cardPayment(paymentKey: string, amount: number): PaymentRecord {
  return {
    paymentKey,
    method: '카드',
    totalAmount: amount,
    approvedAt: STAMP,
    cardNumber: '43301234****123*',
    approveNo: '00000000',
    cardType: '신용',
    installmentPlanMonths: 0,
    receiptUrl: 'https://dashboard.tosspayments.com/receipt/fake',
    issuerCode: '41',
  };
}

/** The customer screen's channel: the register never calls it. */
async function notTheRegisters(): Promise<never> {
  throw new FakeMainError(posError('FORBIDDEN'));
}

/** Held carts move main's own draft aside and back: they are tested against the real core, not this double. */
async function onTheRealCore(): Promise<never> {
  throw new FakeMainError(posError('INTERNAL'));
}

/** Manager work is out of the register tests' scope; main would refuse it without a session anyway. */
async function managerOnly(): Promise<never> {
  throw new FakeMainError(posError('MANAGER_REQUIRED'));
}

class FakeMainError extends Error {
  constructor(readonly data: PosErrorData) {
    super(data.message);
  }
}
