import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeToss, FakeSdkError } from './fake-toss-sdk';
import { FakeMain, posError, testAppInfo } from './fake-main';
import {
  cartKey,
  selectCartLocked,
  selectIsBusy,
  useCheckout,
  type Problem,
  type Sale,
} from '../../../renderer/src/features/checkout/checkout-store';
import { describeProblem } from '../../../renderer/src/features/checkout/describe-problem';
import { startPayment } from '../../../renderer/src/features/register/start-payment';
import { startNewSale } from '../../../renderer/src/features/receipt/start-new-sale';
import { useCart, type CartLine } from '../../../renderer/src/features/register/cart-store';
import { initialSessionState, useSession } from '../../../renderer/src/session/session-store';
import { strings } from '../../../renderer/src/i18n/strings';

// The one module replaced is the third-party Toss SDK (it needs a browser and Toss's script).
// Main is reached through a fake `window.pos`, the process boundary.
vi.mock('@tosspayments/tosspayments-sdk', () => import('./fake-toss-sdk'));

const sdk = { clientKey: testAppInfo.clientKey, sdkSrc: testAppInfo.sdkSrc };
const twoAmericanos: CartLine[] = [{ productId: 'americano', quantity: 2, options: [], memo: null }];

let main: FakeMain;

const checkout = () => useCheckout.getState();
const sale = (lines: readonly CartLine[]): Sale => ({ lines, couponCode: null, manualDiscount: null });
const pay = (lines: readonly CartLine[]) => checkout().pay(sale(lines), sdk);
const windowOrderIds = () => fakeToss.requests.map((request) => request.orderId);
const confirmKeys = () => main.inputs('payment:confirm').map((input) => (input as { paymentKey: string }).paymentKey);

/** What the cashier reads in the problem banner. */
function shown(problem: Problem | null, locale: 'ko' | 'en' = 'en'): string {
  if (problem === null) throw new Error('no problem is shown');
  return describeProblem(problem, locale, strings[locale]);
}

function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve = () => {};
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

beforeEach(() => {
  main = new FakeMain().install();
  fakeToss.reset();
  useCheckout.getState().reset();
  useCart.getState().clear();
  useSession.setState(initialSessionState);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a sale that goes through', () => {
  it('creates the order, opens the window for main’s amount, confirms, and shows the receipt', async () => {
    await pay(twoAmericanos);
    expect(main.inputs('sale:create')).toEqual([
      { lines: [{ productId: 'americano', quantity: 2, options: [], memo: null }] },
    ]);
    expect(fakeToss.requests).toEqual([
      {
        method: 'CARD',
        amount: { value: 9000, currency: 'KRW' },
        orderId: 'order-000001',
        orderName: '아메리카노',
        taxFreeAmount: 0,
        windowTarget: 'iframe',
      },
    ]);
    expect(main.inputs('payment:confirm')).toEqual([{ orderId: 'order-000001', paymentKey: 'pk_1', amount: 9000 }]);
    const state = checkout();
    expect(state.phase).toBe('paid');
    expect(state.paidOrder?.orderId).toBe('order-000001');
    expect(state.paidOrder?.status).toBe('PAID');
    expect(state.problem).toBeNull();
    expect(state.pending).toBeNull();
    expect(state.approval).toBeNull();
  });

  it('sends main only product ids and quantities, never a price', async () => {
    const withPrice = [
      { productId: 'americano', quantity: 1, price: 1, unitPrice: 1, total: 1 },
    ] as unknown as CartLine[];
    await pay(withPrice);
    expect(main.inputs('sale:create')).toEqual([
      { lines: [{ productId: 'americano', quantity: 1, options: [], memo: null }] },
    ]);
    expect(fakeToss.requests[0]?.amount.value).toBe(4500); // main's price, not the 1 won smuggled in
  });

  it('goes through the phases idle → creating-order → awaiting-window → confirming → paid', async () => {
    const phases: string[] = [];
    const stop = useCheckout.subscribe((state, previous) => {
      if (state.phase !== previous.phase) phases.push(state.phase);
    });
    await pay(twoAmericanos);
    stop();
    expect(phases).toEqual(['creating-order', 'awaiting-window', 'confirming', 'paid']);
  });

  it('does nothing for an empty cart', async () => {
    await pay([]);
    expect(main.calls).toEqual([]);
    expect(checkout().phase).toBe('idle');
  });

  it('New sale after the receipt empties the cart and the checkout', async () => {
    useCart.getState().add('americano');
    await pay(useCart.getState().lines);
    expect(checkout().phase).toBe('paid');
    startNewSale();
    expect(useCart.getState().lines).toEqual([]);
    expect(checkout()).toMatchObject({ phase: 'idle', paidOrder: null, pending: null, approval: null, problem: null });
  });
});

describe('pressing Pay more than once', () => {
  it('a double press creates exactly one order and opens one window', async () => {
    await Promise.all([pay(twoAmericanos), pay(twoAmericanos)]);
    expect(main.count('sale:create')).toBe(1);
    expect(fakeToss.requests).toHaveLength(1);
    expect(main.count('payment:confirm')).toBe(1);
    expect(checkout().phase).toBe('paid');
  });

  it('Pay (or F9) while the window is open does nothing', async () => {
    fakeToss.script({ kind: 'hold' });
    const first = pay(twoAmericanos);
    await vi.waitFor(() => expect(checkout().phase).toBe('awaiting-window'));
    expect(selectIsBusy(checkout())).toBe(true);
    expect(selectCartLocked(checkout())).toBe(true);
    await pay(twoAmericanos);
    await pay([{ productId: 'bagel', quantity: 1, options: [], memo: null }]);
    expect(main.count('sale:create')).toBe(1);
    expect(fakeToss.requests).toHaveLength(1);
    fakeToss.approveHeld('pk_held');
    await first;
    expect(confirmKeys()).toEqual(['pk_held']);
    expect(checkout().phase).toBe('paid');
  });

  it('Pay while the confirm is in flight does nothing', async () => {
    const gate = deferred();
    main.script('payment:confirm', { until: gate.promise });
    const first = pay(twoAmericanos);
    await vi.waitFor(() => expect(checkout().phase).toBe('confirming'));
    await pay(twoAmericanos);
    await checkout().checkAgain();
    gate.resolve();
    await first;
    expect(main.count('payment:confirm')).toBe(1);
    expect(fakeToss.requests).toHaveLength(1);
    expect(checkout().phase).toBe('paid');
  });
});

describe('when the payment window fails', () => {
  it('the customer closing the window shows Toss’s reason and unlocks the cart', async () => {
    fakeToss.script({ kind: 'reject', error: new FakeSdkError('USER_CANCEL', 'closed') });
    await pay(twoAmericanos);
    const state = checkout();
    expect(state.phase).toBe('idle');
    expect(state.problem).toEqual({ source: 'window', code: 'USER_CANCEL', detail: 'closed' });
    expect(shown(state.problem)).toContain('customer closed the payment window');
    expect(shown(state.problem, 'ko')).toContain('고객이 결제창을 닫았습니다');
    expect(selectCartLocked(state)).toBe(false);
    expect(main.count('payment:confirm')).toBe(0);
  });

  it('Pay again with the cart unchanged reuses the pending order (no second order)', async () => {
    fakeToss.script({ kind: 'reject', error: new FakeSdkError('USER_CANCEL', 'closed') });
    useCart.getState().add('americano');
    useCart.getState().add('americano');
    await pay(useCart.getState().lines);
    expect(checkout().pending?.orderId).toBe('order-000001');

    await pay(useCart.getState().lines);
    expect(main.count('sale:create')).toBe(1);
    expect(main.inputs('sale:get')).toEqual([{ orderId: 'order-000001' }]);
    expect(windowOrderIds()).toEqual(['order-000001', 'order-000001']);
    expect(fakeToss.requests[1]?.amount.value).toBe(9000);
    expect(checkout().phase).toBe('paid');
    expect(checkout().paidOrder?.orderId).toBe('order-000001');
    expect(checkout().problem).toBeNull();
  });

  it('Pay after the cart changed creates a new order for the new cart', async () => {
    fakeToss.script({ kind: 'reject', error: new FakeSdkError('USER_CANCEL', 'closed') });
    useCart.getState().add('americano');
    await pay(useCart.getState().lines);
    useCart.getState().changeQuantity('americano', 1);
    useCart.getState().add('bagel');

    await pay(useCart.getState().lines);
    expect(main.inputs('sale:create')).toEqual([
      { lines: [{ productId: 'americano', quantity: 1, options: [], memo: null }] },
      {
        lines: [
          { productId: 'americano', quantity: 2, options: [], memo: null },
          { productId: 'bagel', quantity: 1, options: [], memo: null },
        ],
      },
    ]);
    expect(windowOrderIds()).toEqual(['order-000001', 'order-000002']);
    expect(fakeToss.requests[1]?.amount.value).toBe(12_500);
    expect(checkout().paidOrder?.orderId).toBe('order-000002');
    expect(checkout().paidOrder?.amount).toBe(12_500);
    // The first order was given up before the second was made: a coupon it held would be free.
    expect(main.inputs('sale:abandon')).toEqual([{ orderId: 'order-000001' }]);
  });

  it('a cart changed after the window closed gives its open order up at once, not only at the next Pay', async () => {
    fakeToss.script({ kind: 'reject', error: new FakeSdkError('USER_CANCEL', 'closed') });
    useCart.getState().add('americano');
    await pay(useCart.getState().lines);
    expect(checkout().pending?.orderId).toBe('order-000001');

    await checkout().saleChanged(sale(useCart.getState().lines));
    expect(main.inputs('sale:abandon')).toEqual([]);
    await checkout().saleChanged({ ...sale(useCart.getState().lines), couponCode: 'ABCDEFGHJKLM' });
    expect(main.inputs('sale:abandon')).toEqual([{ orderId: 'order-000001' }]);
    expect(checkout().pending).toBeNull();
  });

  it('the cart counts as unchanged only when every product, quantity, coupon and discount match', () => {
    const key = (lines: CartLine[], extra: Partial<Sale> = {}) => cartKey({ ...sale(lines), ...extra });
    expect(key([{ productId: 'americano', quantity: 2, options: [], memo: null }])).toBe(
      key([{ productId: 'americano', quantity: 2, options: [], memo: null }]),
    );
    expect(key([{ productId: 'americano', quantity: 2, options: [], memo: null }])).not.toBe(
      key([{ productId: 'americano', quantity: 3, options: [], memo: null }]),
    );
    expect(key([{ productId: 'americano', quantity: 1, options: [], memo: null }])).not.toBe(
      key([
        { productId: 'americano', quantity: 1, options: [], memo: null },
        { productId: 'bagel', quantity: 1, options: [], memo: null },
      ]),
    );
    expect(key(twoAmericanos)).not.toBe(key(twoAmericanos, { couponCode: 'ABCDEFGHJKLM' }));
    const discount = { kind: 'percent' as const, value: 10, lineKey: null, reason: '단골' };
    expect(key(twoAmericanos, { manualDiscount: discount })).toBe(
      key(twoAmericanos, { manualDiscount: { ...discount } }),
    );
    expect(key(twoAmericanos, { manualDiscount: discount })).not.toBe(
      key(twoAmericanos, { manualDiscount: { ...discount, value: 20 } }),
    );
  });

  it('the SDK failing to load is a window problem that says the window could not open', async () => {
    fakeToss.loadError = new Error('Failed to load script');
    await pay(twoAmericanos);
    expect(checkout().problem).toMatchObject({ source: 'window', code: null });
    expect(shown(checkout().problem)).toBe(strings.en.windowFailed(null));
    expect(checkout().phase).toBe('idle');
  });

  it('an unknown SDK code gets a plain sentence; the code itself is never shown to the cashier', async () => {
    fakeToss.script({ kind: 'reject', error: new FakeSdkError('BRAND_NEW_CODE', 'x') });
    await pay(twoAmericanos);
    expect(shown(checkout().problem)).toBe('The payment window failed. Please try again.');
    expect(shown(checkout().problem, 'ko')).not.toContain('BRAND_NEW_CODE');
    expect(checkout().problem).toMatchObject({ source: 'window', code: 'BRAND_NEW_CODE' });
  });

  it('a pending order main no longer knows is replaced by a new one', async () => {
    fakeToss.script({ kind: 'reject', error: new FakeSdkError('USER_CANCEL', 'closed') });
    await pay(twoAmericanos);
    main.orders.clear();
    await pay(twoAmericanos);
    expect(main.count('sale:create')).toBe(2);
    expect(windowOrderIds()).toEqual(['order-000001', 'order-000002']);
    expect(checkout().phase).toBe('paid');
  });

  it('a pending order that main already has as PAID shows its receipt instead of charging again', async () => {
    fakeToss.script({ kind: 'reject', error: new FakeSdkError('USER_CANCEL', 'closed') });
    await pay(twoAmericanos);
    main.markPaid('order-000001', 'pk_elsewhere');
    await pay(twoAmericanos);
    expect(fakeToss.requests).toHaveLength(1);
    expect(main.count('payment:confirm')).toBe(0);
    expect(checkout().phase).toBe('paid');
    expect(checkout().paidOrder?.payment?.paymentKey).toBe('pk_elsewhere');
  });
});

describe('when main cannot create the order', () => {
  it('shows main’s reason and opens no window', async () => {
    main.script('sale:create', { fail: posError('UNKNOWN_PRODUCT') });
    await pay(twoAmericanos);
    expect(checkout().phase).toBe('idle');
    expect(checkout().problem).toMatchObject({ source: 'main', error: { code: 'UNKNOWN_PRODUCT' } });
    expect(shown(checkout().problem)).toContain('not for sale');
    expect(fakeToss.requests).toEqual([]);
  });

  it('an order answer outside the contract opens no window', async () => {
    main.script('sale:create', {
      raw: { ok: true, data: { orderId: 'order-000001', orderName: 'x', amount: '9000' } },
    });
    await pay(twoAmericanos);
    expect(checkout().problem).toMatchObject({ source: 'main', error: { code: 'INTERNAL' } });
    expect(fakeToss.requests).toEqual([]);
    expect(checkout().pending).toBeNull();
  });

  it('main unreachable opens no window; the next Pay tries again', async () => {
    main.script('sale:create', { bridgeDown: true });
    await pay(twoAmericanos);
    expect(checkout().problem).toMatchObject({ source: 'main', error: { code: 'INTERNAL' } });
    expect(fakeToss.requests).toEqual([]);
    await pay(twoAmericanos);
    expect(checkout().phase).toBe('paid');
    expect(checkout().problem).toBeNull();
  });
});

describe('when the confirm’s outcome is unknown', () => {
  it('TOSS_UNREACHABLE keeps the paymentKey, locks the cart and offers Check again', async () => {
    main.script('payment:confirm', { fail: posError('TOSS_UNREACHABLE', { retryable: true }) });
    await pay(twoAmericanos);
    const state = checkout();
    expect(state.phase).toBe('idle');
    expect(state.approval).toEqual({ orderId: 'order-000001', paymentKey: 'pk_1', amount: 9000 });
    expect(state.problem).toMatchObject({ source: 'main', error: { code: 'TOSS_UNREACHABLE' } });
    expect(shown(state.problem)).toContain('Cannot reach Toss Payments');
    expect(selectCartLocked(state)).toBe(true);
    expect(selectIsBusy(state)).toBe(false);
  });

  it('Check again asks about the same payment, opens no window, and shows the receipt', async () => {
    main.script('payment:confirm', { fail: posError('TOSS_UNREACHABLE', { retryable: true }) });
    await pay(twoAmericanos);
    await checkout().checkAgain();
    expect(confirmKeys()).toEqual(['pk_1', 'pk_1']);
    expect(main.inputs('payment:confirm')[1]).toEqual({ orderId: 'order-000001', paymentKey: 'pk_1', amount: 9000 });
    expect(fakeToss.requests).toHaveLength(1);
    expect(main.count('sale:create')).toBe(1);
    expect(checkout().phase).toBe('paid');
    expect(checkout().approval).toBeNull();
  });

  it('Pay while the outcome is unknown asks about the same payment instead of opening a new window', async () => {
    main.script('payment:confirm', { fail: posError('TOSS_UNREACHABLE', { retryable: true }) });
    await pay(twoAmericanos);
    await pay(twoAmericanos);
    expect(confirmKeys()).toEqual(['pk_1', 'pk_1']);
    expect(fakeToss.requests).toHaveLength(1);
    expect(main.count('sale:create')).toBe(1);
    expect(checkout().phase).toBe('paid');
  });

  it('keeps the paymentKey through repeated failures until Toss answers', async () => {
    main.script(
      'payment:confirm',
      { fail: posError('TOSS_UNREACHABLE', { retryable: true }) },
      { fail: posError('TOSS_UNREACHABLE', { retryable: true }) },
      { bridgeDown: true },
    );
    await pay(twoAmericanos);
    await checkout().checkAgain();
    expect(checkout().approval?.paymentKey).toBe('pk_1');
    await checkout().checkAgain();
    expect(checkout().approval?.paymentKey).toBe('pk_1');
    expect(checkout().problem).toMatchObject({ source: 'main', error: { code: 'INTERNAL', retryable: true } });
    await checkout().checkAgain();
    expect(confirmKeys()).toEqual(['pk_1', 'pk_1', 'pk_1', 'pk_1']);
    expect(checkout().phase).toBe('paid');
    expect(fakeToss.requests).toHaveLength(1);
  });

  it('an answer lost on the bridge after main confirmed ends on the receipt, charged once', async () => {
    main.script('payment:confirm', { lostAfterDoing: true });
    await pay(twoAmericanos);
    expect(checkout().approval?.paymentKey).toBe('pk_1');
    await checkout().checkAgain();
    expect(checkout().phase).toBe('paid');
    expect(checkout().paidOrder?.payment?.paymentKey).toBe('pk_1');
    expect(fakeToss.requests).toHaveLength(1);
  });

  it('Check again does nothing when no payment is in doubt', async () => {
    await checkout().checkAgain();
    expect(main.calls).toEqual([]);
  });

  it('dismissing the problem does not forget the payment in doubt', async () => {
    main.script('payment:confirm', { fail: posError('TOSS_UNREACHABLE', { retryable: true }) });
    await pay(twoAmericanos);
    checkout().dismissProblem();
    expect(checkout().problem).toBeNull();
    expect(checkout().approval?.paymentKey).toBe('pk_1');
    expect(selectCartLocked(checkout())).toBe(true);
  });
});

describe('when the confirm is refused', () => {
  it('a declined card shows Toss’s reason; Pay again reuses the order in a fresh window', async () => {
    main.script('payment:confirm', { fail: posError('PAYMENT_DECLINED', { tossCode: 'REJECT_CARD_PAYMENT' }) });
    await pay(twoAmericanos);
    const state = checkout();
    expect(state.approval).toBeNull();
    expect(state.pending?.orderId).toBe('order-000001');
    expect(selectCartLocked(state)).toBe(false);
    expect(shown(state.problem)).toContain('over the limit');

    await pay(twoAmericanos);
    expect(main.count('sale:create')).toBe(1);
    expect(windowOrderIds()).toEqual(['order-000001', 'order-000001']);
    expect(confirmKeys()).toEqual(['pk_1', 'pk_2']);
    expect(checkout().phase).toBe('paid');
  });

  it('AMOUNT_MISMATCH spends the order: the next Pay starts a fresh one', async () => {
    fakeToss.script({
      kind: 'answer',
      value: { paymentKey: 'pk_tampered', orderId: 'order-000001', amount: { value: 100, currency: 'KRW' } },
    });
    await pay(twoAmericanos);
    expect(checkout().problem).toMatchObject({ source: 'main', error: { code: 'AMOUNT_MISMATCH' } });
    expect(checkout().pending).toBeNull();
    expect(checkout().approval).toBeNull();

    await pay(twoAmericanos);
    expect(main.count('sale:create')).toBe(2);
    expect(main.count('sale:get')).toBe(0);
    expect(windowOrderIds()).toEqual(['order-000001', 'order-000002']);
    expect(checkout().paidOrder?.orderId).toBe('order-000002');
  });

  it.each(['PAYMENT_COMPENSATED', 'ORDER_NOT_FOUND'] as const)('%s spends the order too', async (code) => {
    main.script('payment:confirm', { fail: posError(code) });
    await pay(twoAmericanos);
    expect(checkout().pending).toBeNull();
    await pay(twoAmericanos);
    expect(main.count('sale:create')).toBe(2);
  });

  it('ORDER_ALREADY_PAID for an order main has as PAID shows that receipt', async () => {
    fakeToss.script({ kind: 'hold' });
    const flow = pay(twoAmericanos);
    await vi.waitFor(() => expect(checkout().phase).toBe('awaiting-window'));
    main.markPaid('order-000001', 'pk_first');
    fakeToss.approveHeld('pk_second');
    await flow;
    expect(main.count('sale:get')).toBe(1);
    expect(checkout().phase).toBe('paid');
    expect(checkout().paidOrder?.payment?.paymentKey).toBe('pk_first');
    expect(checkout().problem).toBeNull();
  });

  it('a confirm answer main sent outside the contract: the next Pay settles the journaled confirm, no new window', async () => {
    main.script('payment:confirm', { raw: { ok: true, data: { nonsense: true } } });
    await pay(twoAmericanos);
    expect(checkout().problem).toMatchObject({ source: 'main', error: { code: 'INTERNAL', retryable: false } });
    main.journalConfirming('order-000001', 'pk_1');

    await pay(twoAmericanos);
    expect(fakeToss.requests).toHaveLength(1);
    expect(confirmKeys()).toEqual(['pk_1', 'pk_1']);
    expect(checkout().phase).toBe('paid');
  });
});

describe('F9 / the Pay button (startPayment)', () => {
  it('does nothing before the app has loaded', () => {
    useCart.getState().add('americano');
    startPayment();
    expect(main.calls).toEqual([]);
    expect(checkout().phase).toBe('idle');
  });

  it('pays for the cart with the SDK settings main gave at start', async () => {
    await useSession.getState().load();
    useCart.getState().add('americano');
    useCart.getState().add('bagel');
    startPayment();
    await vi.waitFor(() => expect(checkout().phase).toBe('paid'));
    expect(main.inputs('sale:create')).toEqual([
      {
        lines: [
          { productId: 'americano', quantity: 1, options: [], memo: null },
          { productId: 'bagel', quantity: 1, options: [], memo: null },
        ],
      },
    ]);
    expect(fakeToss.loads).toEqual([{ clientKey: testAppInfo.clientKey, options: { src: testAppInfo.sdkSrc } }]);
    expect(fakeToss.requests[0]?.amount.value).toBe(8000);
  });
});
