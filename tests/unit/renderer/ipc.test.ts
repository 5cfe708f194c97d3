import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { posErrorCodes } from '../../../shared/domain/errors';
import { call, IpcError, toPosError } from '../../../renderer/src/lib/ipc';
import {
  initialSessionState,
  selectCatalog,
  selectInfo,
  useSession,
} from '../../../renderer/src/session/session-store';
import { useLocaleStore } from '../../../renderer/src/i18n/locale-store';
import { FakeMain, posError, testAppInfo, testCatalog } from './fake-main';

let main: FakeMain;

beforeEach(() => {
  main = new FakeMain().install();
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function rejection(promise: Promise<unknown>): Promise<IpcError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof IpcError)) throw new Error(`expected an IpcError, got ${String(error)}`);
  return error;
}

describe('calling main', () => {
  it('resolves with main’s answer for the channel', async () => {
    await expect(call('app:info', {})).resolves.toEqual(testAppInfo);
    expect(main.calls).toEqual([{ channel: 'app:info', input: {} }]);
  });

  it.each(posErrorCodes)('passes main’s %s on as data, Toss’s code included', async (code) => {
    main.script('sale:get', { fail: posError(code, { tossCode: 'REJECT_CARD_COMPANY', retryable: true }) });
    const error = await rejection(call('sale:get', { orderId: 'order-000001' }));
    expect(error.data).toEqual({
      code,
      message: `${code} (fake main)`,
      tossCode: 'REJECT_CARD_COMPANY',
      retryable: true,
    });
  });

  it('a bridge that throws is a retryable INTERNAL error (the outcome is unknown, ask again)', async () => {
    main.script('payment:confirm', { bridgeDown: true });
    const error = await rejection(call('payment:confirm', { orderId: 'order-000001', paymentKey: 'pk', amount: 1 }));
    expect(error.data.code).toBe('INTERNAL');
    expect(error.data.retryable).toBe(true);
    expect(error.data.message).toContain('payment:confirm');
  });

  it.each([
    ['nothing', undefined],
    ['a bare value', 'yes'],
    ['ok without data shape', { ok: true, data: { mode: 'training' } }],
    ['an amount as text', { ok: true, data: { orderId: 'order-000001', orderName: 'x', amount: '8000' } }],
    ['a negative amount', { ok: true, data: { orderId: 'order-000001', orderName: 'x', amount: -1 } }],
    ['an extra field', { ok: true, data: { orderId: 'order-000001', orderName: 'x', amount: 8000, price: 1 } }],
    ['an unknown error code', { ok: false, error: { code: 'NOPE', message: 'x', retryable: false } }],
    [
      'an error with extra fields',
      { ok: false, error: { code: 'INTERNAL', message: 'x', retryable: false, stack: 'at …' } },
    ],
  ])('an answer outside the contract (%s) is a non-retryable INTERNAL error, never data', async (_what, raw) => {
    main.script('sale:create', { raw });
    const error = await rejection(call('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] }));
    expect(error.data).toMatchObject({ code: 'INTERNAL', retryable: false });
    expect(error.data.message).toContain('sale:create');
  });

  it('without window.pos (no preload) every call fails with INTERNAL instead of crashing', async () => {
    vi.stubGlobal('window', {});
    const error = await rejection(call('catalog:list', {}));
    expect(error.data.code).toBe('INTERNAL');
    expect(error.data.message).toContain('window.pos');
  });
});

describe('any failure as error data', () => {
  it('keeps an IpcError’s data as is', () => {
    const data = posError('PAYMENT_DECLINED', { tossCode: 'REJECT_CARD_COMPANY' });
    expect(toPosError(new IpcError(data))).toBe(data);
  });

  it('turns anything else into INTERNAL with its message', () => {
    expect(toPosError(new TypeError('x is undefined'))).toEqual({
      code: 'INTERNAL',
      message: 'x is undefined',
      retryable: false,
    });
    expect(toPosError('boom')).toEqual({ code: 'INTERNAL', message: 'boom', retryable: false });
  });
});

describe('starting the app (session)', () => {
  beforeEach(() => {
    useSession.setState(initialSessionState);
  });

  it('loads the app info and the catalog from main, then is ready', async () => {
    await useSession.getState().load();
    expect(useSession.getState().boot.status).toBe('ready');
    expect(selectInfo(useSession.getState())).toEqual(testAppInfo);
    expect(selectCatalog(useSession.getState())).toEqual(testCatalog);
  });

  it('takes the screen language main has on record, and saves the cashier’s change with main', async () => {
    main.preferences = { locale: 'en', sounds: true };
    await useSession.getState().load();
    expect(useLocaleStore.getState().locale).toBe('en');
    useLocaleStore.getState().toggleLocale();
    expect(useLocaleStore.getState().locale).toBe('ko');
    await vi.waitFor(() => expect(main.inputs('preferences:update')).toEqual([{ locale: 'ko' }]));
    expect(main.preferences).toEqual({ locale: 'ko', sounds: true });
  });

  it('loads once even when asked twice at once (React StrictMode), and never again after success', async () => {
    await Promise.all([useSession.getState().load(), useSession.getState().load()]);
    await useSession.getState().load();
    expect(main.count('app:info')).toBe(1);
    expect(main.count('catalog:list')).toBe(1);
  });

  it('shows main’s error when loading fails, and Try again loads afresh', async () => {
    main.script('catalog:list', { fail: posError('INTERNAL', { retryable: true }) });
    await useSession.getState().load();
    const boot = useSession.getState().boot;
    expect(boot.status).toBe('failed');
    expect(boot.status === 'failed' ? boot.error.code : null).toBe('INTERNAL');
    expect(selectInfo(useSession.getState())).toBeNull();
    expect(selectCatalog(useSession.getState())).toBeNull();

    await useSession.getState().load();
    expect(useSession.getState().boot.status).toBe('ready');
  });

  it('a catalog outside the contract (a price as text) is refused, not shown', async () => {
    main.script('catalog:list', {
      raw: {
        ok: true,
        data: { categories: [], products: [{ id: 'x', categoryId: 'c', name: { ko: '가', en: 'a' }, price: '100' }] },
      },
    });
    await useSession.getState().load();
    expect(useSession.getState().boot.status).toBe('failed');
  });
});
