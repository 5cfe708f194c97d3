import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Order } from '../../../shared/domain/order';
import { fakeToss, FakeSdkError } from './fake-toss-sdk';
import { FakeMain, posError, testAppInfo } from './fake-main';
import {
  selectCartLocked,
  selectIsBusy,
  useCheckout,
  type Sale,
} from '../../../renderer/src/features/checkout/checkout-store';
import type { CartLine } from '../../../renderer/src/features/register/cart-store';

// The one module replaced is the third-party Toss SDK; main is reached through a fake `window.pos`.
vi.mock('@tosspayments/tosspayments-sdk', () => import('./fake-toss-sdk'));

const sdk = { clientKey: testAppInfo.clientKey, sdkSrc: testAppInfo.sdkSrc };
/** 아메리카노 and 카페라테: 9,500원. */
const lines: CartLine[] = [
  { productId: 'americano', quantity: 1, options: [], memo: null },
  { productId: 'cafe-latte', quantity: 1, options: [], memo: null },
];
const sale: Sale = { lines, couponCode: null, manualDiscount: null };

let main: FakeMain;
const checkout = () => useCheckout.getState();
const splitOrder = (): Order => {
  const split = checkout().split;
  if (split === null) throw new Error('no order is being split');
  return split.order;
};
const statuses = () => splitOrder().parts.map((part) => `${part.method} ${part.amount} ${part.status}`);

beforeEach(() => {
  main = new FakeMain().install();
  fakeToss.reset();
  checkout().reset();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('splitting the cart’s payment', () => {
  it('creates the order once, priced by main, and opens the dialog on it with nothing paid; the cart is locked', async () => {
    await checkout().openSplit(sale);
    expect(main.count('sale:create')).toBe(1);
    expect(checkout().split).toMatchObject({
      open: true,
      order: { orderId: 'order-000001', amount: 9_500, parts: [] },
    });
    expect(checkout().pending?.orderId).toBe('order-000001');
    expect(checkout().phase).toBe('idle');
    expect(selectCartLocked(checkout())).toBe(true);
    // Opened again, it is the same order.
    await checkout().openSplit(sale);
    expect(main.count('sale:create')).toBe(1);
  });

  it('a card part opens Toss’s window under the part’s own orderId for the part’s amount, and confirms that', async () => {
    await checkout().openSplit(sale);
    await checkout().payPartByCard(4_750, sdk);
    expect(main.inputs('payment:open-part')).toEqual([{ orderId: 'order-000001', amount: 4_750 }]);
    expect(fakeToss.requests).toEqual([
      expect.objectContaining({ orderId: 'order-000001-p1', amount: { value: 4_750, currency: 'KRW' } }),
    ]);
    expect(main.inputs('payment:confirm')).toEqual([{ orderId: 'order-000001-p1', paymentKey: 'pk_1', amount: 4_750 }]);
    expect(statuses()).toEqual(['card 4750 PAID']);
    expect(checkout()).toMatchObject({ phase: 'idle', problem: null, approval: null, paidOrder: null });
    expect(checkout().split?.open).toBe(true);
  });

  it('goes idle → opening-part → awaiting-window → confirming → idle for a part, and on to paid with the last', async () => {
    const phases: string[] = [];
    const stop = useCheckout.subscribe((state, previous) => {
      if (state.phase !== previous.phase) phases.push(state.phase);
    });
    await checkout().openSplit(sale);
    phases.length = 0;
    await checkout().payPartByCard(4_750, sdk);
    await checkout().payPartByCard(4_750, sdk);
    stop();
    expect(phases).toEqual([
      'opening-part',
      'awaiting-window',
      'confirming',
      'idle',
      'opening-part',
      'awaiting-window',
      'confirming',
      'paid',
    ]);
  });

  it('a card declined in the window gives its part up: the paid part stays, the reason is shown, the rest is taken in cash', async () => {
    await checkout().openSplit(sale);
    await checkout().payPartByCard(4_750, sdk);
    fakeToss.script({ kind: 'reject', error: new FakeSdkError('REJECT_CARD_COMPANY', '카드사 거절') });
    await checkout().payPartByCard(4_750, sdk);
    expect(main.inputs('payment:drop-part')).toEqual([{ orderId: 'order-000001', part: 2 }]);
    expect(statuses()).toEqual(['card 4750 PAID', 'card 4750 FAILED']);
    expect(checkout().problem).toEqual({ source: 'window', code: 'REJECT_CARD_COMPANY', detail: '카드사 거절' });
    expect(main.count('payment:confirm')).toBe(1);

    await checkout().payPartInCash(4_750, { received: 10_000, cashReceipt: null });
    expect(main.inputs('cash:pay-part')).toEqual([{ orderId: 'order-000001', amount: 4_750, received: 10_000 }]);
    const paid = checkout().paidOrder;
    expect(checkout().phase).toBe('paid');
    expect(paid?.status).toBe('PAID');
    expect(paid?.callNumber).toBe(1);
    expect(paid?.parts.map((part) => part.status)).toEqual(['PAID', 'FAILED', 'PAID']);
    expect(checkout().split).toBeNull();
  });

  it('a card Toss refuses at confirm: main ended the part, the dialog shows it with the reason; another card pays the rest', async () => {
    await checkout().openSplit(sale);
    await checkout().payPartByCard(4_750, sdk);
    main.declineNextPart = posError('PAYMENT_DECLINED', { tossCode: 'REJECT_CARD_PAYMENT' });
    await checkout().payPartByCard(4_750, sdk);
    expect(statuses()).toEqual(['card 4750 PAID', 'card 4750 FAILED']);
    expect(checkout().problem).toMatchObject({ source: 'main', error: { code: 'PAYMENT_DECLINED' } });
    expect(checkout().approval).toBeNull();

    await checkout().payPartByCard(4_750, sdk);
    expect(fakeToss.requests.map((request) => request.orderId)).toEqual([
      'order-000001-p1',
      'order-000001-p2',
      'order-000001-p3',
    ]);
    expect(checkout().paidOrder?.status).toBe('PAID');
  });

  it('main’s refusal of an amount (over what is left) opens no window and leaves the parts as they were', async () => {
    await checkout().openSplit(sale);
    await checkout().payPartByCard(9_600, sdk);
    expect(checkout().problem).toMatchObject({ source: 'main', error: { code: 'PART_OVER_REST' } });
    expect(fakeToss.requests).toEqual([]);
    expect(splitOrder().parts).toEqual([]);
    expect(checkout().phase).toBe('idle');
  });

  it('a confirm whose outcome is unknown keeps the part’s approval: Check again asks about that payment, never pays again', async () => {
    await checkout().openSplit(sale);
    main.script('payment:confirm', { fail: posError('TOSS_UNREACHABLE', { retryable: true }) });
    await checkout().payPartByCard(4_000, sdk);
    expect(checkout().approval).toEqual({ orderId: 'order-000001-p1', paymentKey: 'pk_1', amount: 4_000 });
    expect(selectCartLocked(checkout())).toBe(true);
    // No other part while it is unknown.
    await checkout().payPartByCard(5_500, sdk);
    expect(main.count('payment:open-part')).toBe(1);

    await checkout().checkAgain();
    expect(main.inputs('payment:confirm')).toEqual([
      { orderId: 'order-000001-p1', paymentKey: 'pk_1', amount: 4_000 },
      { orderId: 'order-000001-p1', paymentKey: 'pk_1', amount: 4_000 },
    ]);
    expect(statuses()).toEqual(['card 4000 PAID']);
    expect(checkout().approval).toBeNull();
    expect(fakeToss.requests).toHaveLength(1);
  });
});

describe('closing the split dialog', () => {
  it('is refused while a part’s window is open', async () => {
    await checkout().openSplit(sale);
    fakeToss.script({ kind: 'hold' });
    const paying = checkout().payPartByCard(4_750, sdk);
    await vi.waitFor(() => expect(fakeToss.held).toHaveLength(1));
    await checkout().closeSplit();
    expect(checkout().split?.open).toBe(true);
    expect(selectIsBusy(checkout())).toBe(true);
    fakeToss.approveHeld();
    await paying;
    expect(statuses()).toEqual(['card 4750 PAID']);
  });

  it('with a part paid keeps the order and the cart locked; Pay (F9) brings the dialog back, no new order, no window', async () => {
    await checkout().openSplit(sale);
    await checkout().payPartByCard(4_750, sdk);
    await checkout().closeSplit();
    expect(checkout().split).toMatchObject({ open: false });
    expect(selectCartLocked(checkout())).toBe(true);
    expect(main.count('sale:abandon')).toBe(0);

    await checkout().pay(sale, sdk);
    expect(checkout().split?.open).toBe(true);
    expect(main.count('sale:create')).toBe(1);
    expect(fakeToss.requests).toHaveLength(1);
    // Cash on the register's F7 goes the same way: never as a whole.
    await checkout().closeSplit();
    await checkout().payCash(sale, { received: 10_000, cashReceipt: null });
    expect(main.count('cash:sale')).toBe(0);
    expect(checkout().split?.open).toBe(true);
  });

  it('before any tender keeps the order for a plain Pay', async () => {
    await checkout().openSplit(sale);
    await checkout().closeSplit();
    expect(checkout().split).toBeNull();
    expect(selectCartLocked(checkout())).toBe(false);
    await checkout().pay(sale, sdk);
    expect(main.count('sale:create')).toBe(1);
    expect(main.inputs('payment:confirm')).toEqual([{ orderId: 'order-000001', paymentKey: 'pk_1', amount: 9_500 }]);
    expect(checkout().phase).toBe('paid');
  });

  it('with only declined parts gives that order up: the next Pay starts a fresh one (main pays a split order only in parts)', async () => {
    await checkout().openSplit(sale);
    fakeToss.script({ kind: 'reject', error: new FakeSdkError('USER_CANCEL', '닫힘') });
    await checkout().payPartByCard(4_750, sdk);
    await checkout().closeSplit();
    expect(main.inputs('sale:abandon')).toEqual([{ orderId: 'order-000001' }]);
    expect(checkout().pending).toBeNull();
    await checkout().pay(sale, sdk);
    expect(main.count('sale:create')).toBe(2);
    expect(checkout().paidOrder?.orderId).toBe('order-000002');
  });
});

describe('a split order after a reload or from history', () => {
  /** What the draft kept: the pending order of the register, priced by main. */
  async function partlyPaidThenReloaded(): Promise<string> {
    await checkout().openSplit(sale);
    await checkout().payPartByCard(3_000, sdk);
    const pending = checkout().pending;
    if (pending === null) throw new Error('no pending order');
    checkout().reset();
    await checkout().restore({ pending, approval: null, paidOrder: null });
    await vi.waitFor(() => expect(checkout().split).not.toBeNull());
    return pending.orderId;
  }

  it('comes back in its dialog, its paid part listed, the cart locked', async () => {
    await partlyPaidThenReloaded();
    expect(checkout().split?.open).toBe(true);
    expect(statuses()).toEqual(['card 3000 PAID']);
    expect(selectCartLocked(checkout())).toBe(true);
  });

  it('gives up a card part the reload left open (its window died with the page): nothing was taken on it', async () => {
    await checkout().openSplit(sale);
    fakeToss.script({ kind: 'hold' });
    void checkout().payPartByCard(3_000, sdk);
    await vi.waitFor(() => expect(fakeToss.held).toHaveLength(1));
    const pending = checkout().pending;
    checkout().reset();
    await checkout().restore({ pending, approval: null, paidOrder: null });
    await vi.waitFor(() => expect(checkout().split).not.toBeNull());
    expect(main.inputs('payment:drop-part')).toEqual([{ orderId: 'order-000001', part: 1 }]);
    expect(statuses()).toEqual(['card 3000 FAILED']);
  });

  it('a part main journaled mid-confirm (the app died there) is asked about at once, under the part’s orderId and amount, never paid again', async () => {
    await checkout().openSplit(sale);
    fakeToss.script({ kind: 'hold' });
    void checkout().payPartByCard(3_000, sdk);
    await vi.waitFor(() => expect(fakeToss.held).toHaveLength(1));
    const order = main.orders.get('order-000001');
    if (order === undefined) throw new Error('no order');
    main.orders.set('order-000001', {
      ...order,
      status: 'CONFIRMING',
      parts: order.parts.map((part) => ({ ...part, status: 'CONFIRMING' })),
      attempts: [{ part: 1, paymentKey: 'pk_journaled', startedAt: order.createdAt, outcome: 'CONFIRMING' }],
    });
    const pending = checkout().pending;
    checkout().reset();
    await checkout().restore({ pending, approval: null, paidOrder: null });
    await vi.waitFor(() => expect(main.count('payment:confirm')).toBe(1));
    await vi.waitFor(() => expect(checkout().phase).toBe('idle'));
    expect(main.inputs('payment:confirm')).toEqual([
      { orderId: 'order-000001-p1', paymentKey: 'pk_journaled', amount: 3_000 },
    ]);
    expect(statuses()).toEqual(['card 3000 PAID']);
    expect(fakeToss.requests).toHaveLength(1);
  });

  it('a plain order restored stays a plain one', async () => {
    await checkout().pay(sale, sdk);
    const plain = { orderId: 'order-000001', orderName: '아메리카노 외 1건', amount: 9_500, cartKey: 'x' };
    checkout().reset();
    await checkout().restore({ pending: plain, approval: null, paidOrder: null });
    await Promise.resolve();
    expect(checkout().split).toBeNull();
  });

  it('once a manager refunded its paid parts (main gave the order up), the register lets the cart go', async () => {
    const orderId = await partlyPaidThenReloaded();
    const order = main.orders.get(orderId);
    if (order === undefined) throw new Error('no order');
    main.orders.set(orderId, { ...order, status: 'ABANDONED' });
    await checkout().closeSplit();
    await checkout().openSplit(sale);
    expect(checkout().split).toBeNull();
    expect(checkout().pending).toBeNull();
    expect(selectCartLocked(checkout())).toBe(false);
  });
});
