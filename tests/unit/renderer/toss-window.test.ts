import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeToss, FakeSdkError } from './fake-toss-sdk';
import { PaymentWindowError, requestCardPayment } from '../../../renderer/src/features/checkout/toss-window';

// Only the third-party SDK is replaced: the window itself needs a browser and Toss's script.
vi.mock('@tosspayments/tosspayments-sdk', () => import('./fake-toss-sdk'));

const sdk = { clientKey: 'test_ck_fake', sdkSrc: 'https://js.tosspayments.com/v2/standard' };
const order = { orderId: 'order-000001', orderName: '아메리카노 외 1건', amount: 8000 };

async function windowError(promise: Promise<unknown>): Promise<PaymentWindowError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof PaymentWindowError)) throw new Error(`expected a PaymentWindowError, got ${String(error)}`);
  return error;
}

beforeEach(() => {
  fakeToss.reset();
});

describe('opening the Toss card window', () => {
  it('loads the SDK with the shop’s client key from the configured script', async () => {
    await requestCardPayment(sdk, order);
    expect(fakeToss.loads).toEqual([{ clientKey: 'test_ck_fake', options: { src: sdk.sdkSrc } }]);
    expect(fakeToss.customers).toEqual(['@@ANONYMOUS']);
  });

  it('asks for a card payment of exactly main’s order: amount in KRW, order id and name, in an iframe', async () => {
    await requestCardPayment(sdk, order);
    expect(fakeToss.requests).toHaveLength(1);
    expect(fakeToss.requests[0]).toEqual({
      method: 'CARD',
      amount: { value: 8000, currency: 'KRW' },
      orderId: 'order-000001',
      orderName: '아메리카노 외 1건',
      taxFreeAmount: 0,
      windowTarget: 'iframe',
    });
  });

  it('tells the window the order’s 면세 part as taxFreeAmount', async () => {
    await requestCardPayment(sdk, { ...order, taxFreeAmount: 3000 });
    expect(fakeToss.requests[0]?.taxFreeAmount).toBe(3000);
  });

  it('returns the approval shaped for payment:confirm', async () => {
    fakeToss.script({ kind: 'approve', paymentKey: 'tgen_20240501abc' });
    await expect(requestCardPayment(sdk, order)).resolves.toEqual({
      orderId: 'order-000001',
      paymentKey: 'tgen_20240501abc',
      amount: 8000,
    });
  });
});

describe('when the window does not approve', () => {
  it('the customer closing the window is reported with Toss’s code', async () => {
    fakeToss.script({ kind: 'reject', error: new FakeSdkError('USER_CANCEL', '사용자가 결제를 취소하였습니다') });
    const error = await windowError(requestCardPayment(sdk, order));
    expect(error.code).toBe('USER_CANCEL');
    expect(error.message).toBe('사용자가 결제를 취소하였습니다');
  });

  it('a card declined in the window is reported with Toss’s code', async () => {
    fakeToss.script({ kind: 'reject', error: new FakeSdkError('REJECT_CARD_COMPANY', 'declined') });
    expect((await windowError(requestCardPayment(sdk, order))).code).toBe('REJECT_CARD_COMPANY');
  });

  it('a plain object thrown with a code keeps the code', async () => {
    fakeToss.script({ kind: 'reject', error: { code: 'PAY_PROCESS_ABORTED', message: 'aborted' } });
    expect((await windowError(requestCardPayment(sdk, order))).code).toBe('PAY_PROCESS_ABORTED');
  });

  it('the SDK failing to load (offline, blocked script) is a window error without a code, and no window opens', async () => {
    fakeToss.loadError = new Error('Failed to load script');
    const error = await windowError(requestCardPayment(sdk, order));
    expect(error.code).toBeNull();
    expect(error.message).toContain('Failed to load script');
    expect(fakeToss.requests).toEqual([]);
  });

  it('a non-string code is not passed on as a code', async () => {
    fakeToss.script({ kind: 'reject', error: { code: 42 } });
    expect((await windowError(requestCardPayment(sdk, order))).code).toBeNull();
  });
});

describe('the window’s answer is checked, not trusted', () => {
  it.each([
    ['nothing (redirect mode)', undefined],
    ['no paymentKey', { orderId: 'order-000001', amount: { value: 8000, currency: 'KRW' } }],
    ['an empty paymentKey', { paymentKey: '', orderId: 'order-000001', amount: { value: 8000, currency: 'KRW' } }],
    ['another currency', { paymentKey: 'pk', orderId: 'order-000001', amount: { value: 8000, currency: 'USD' } }],
    ['a fractional amount', { paymentKey: 'pk', orderId: 'order-000001', amount: { value: 80.5, currency: 'KRW' } }],
    ['an amount as text', { paymentKey: 'pk', orderId: 'order-000001', amount: { value: '8000', currency: 'KRW' } }],
    ['a bare number amount', { paymentKey: 'pk', orderId: 'order-000001', amount: 8000 }],
  ])('an answer with %s is a window error, not an approval', async (_what, value) => {
    fakeToss.script({ kind: 'answer', value });
    const error = await windowError(requestCardPayment(sdk, order));
    expect(error.code).toBeNull();
  });

  it('passes on the amount and order id the window answered, for main to check against the order', async () => {
    fakeToss.script({
      kind: 'answer',
      value: { paymentKey: 'pk_x', orderId: 'order-000001', amount: { value: 7000, currency: 'KRW' } },
    });
    await expect(requestCardPayment(sdk, order)).resolves.toEqual({
      orderId: 'order-000001',
      paymentKey: 'pk_x',
      amount: 7000,
    });
  });
});
