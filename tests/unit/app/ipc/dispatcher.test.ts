import { describe, expect, it } from 'vitest';
import { PosError } from '../../../../shared/domain/errors';
import type { Order } from '../../../../shared/domain/order';
import { channels, contract, type Channel } from '../../../../shared/ipc/contract';
import type { Handlers } from '../../../../shared/ipc/handlers';
import { ipcFailureSchema } from '../../../../shared/ipc/result';
import { createDispatcher } from '../../../../electron/core/app/ipc/dispatcher';
import { createLogger } from '../../../../electron/core/platform/log/logger';
import { demoCatalog } from '../../../../electron/core/shop/catalog/demo-catalog';
import type { Cashier, Manager } from '../../../../shared/domain/staff';
import { anOrder, oneAmericano } from '../../../support/an-order';

const ORDER: Order = anOrder(
  {
    orderId: '20260302-ABCDEFGHJKMN',
    createdAt: '2026-03-02T12:00:00+09:00',
    updatedAt: '2026-03-02T12:00:00+09:00',
    ...oneAmericano(),
  },
  '2026-03-02',
);

/** Someone at the till: the channels that move money need them. */
const AT_THE_TILL: Cashier = { id: 'staff-cashier', name: '이알바' };

/** A handler table of our own (a test double for createHandlers): records which handlers ran. */
function setup(
  overrides: Partial<Handlers> = {},
  manager: Manager | null = null,
  cashier: Cashier | null = AT_THE_TILL,
) {
  const ran: string[] = [];
  const logLines: string[] = [];
  let touches = 0;
  const unscripted = Object.fromEntries(
    channels.map((channel) => [
      channel,
      async () => {
        ran.push(channel);
        throw new Error(`${channel} is not scripted in this test`);
      },
    ]),
  ) as unknown as Handlers;
  const handlers: Handlers = {
    ...unscripted,
    'app:info': async () => (
      ran.push('app:info'),
      {
        mode: 'training',
        clientKey: 'test_ck_unit',
        sdkSrc: 'http://127.0.0.1:9/v2/standard',
        notices: [],
        shopName: null,
      }
    ),
    'catalog:list': async () => (ran.push('catalog:list'), demoCatalog),
    'catalog:manage': async () => (ran.push('catalog:manage'), demoCatalog),
    'sale:create': async () => (
      ran.push('sale:create'),
      { orderId: ORDER.orderId, orderName: ORDER.orderName, amount: ORDER.amount }
    ),
    'sale:get': async () => (ran.push('sale:get'), ORDER),
    'payment:confirm': async () => (ran.push('payment:confirm'), ORDER),
    ...overrides,
  };
  const session = { current: () => manager, touch: () => void (touches += 1) };
  const dispatch = createDispatcher(() => handlers, {
    log: createLogger([], (_level, line) => logLines.push(line)),
    session,
    till: { current: () => cashier },
  });
  return { dispatch, ran, logLines, touches: () => touches };
}

/**
 * The channels a cashier may call without a manager: anything else must be a manager channel.
 * A new channel lands in the test below automatically; if it is meant for cashiers it must be
 * added here on purpose.
 */
const CASHIER_CHANNELS: Channel[] = [
  'app:info',
  // The register's badge while the shared store is offline.
  'store:status',
  // The business day main is in: every screen's default date.
  'day:today',
  'preferences:get',
  'preferences:update',
  'catalog:list',
  // The register reads the catalog again when another register changed it.
  'catalog:version',
  'sale:create',
  'sale:get',
  'sale:last-paid',
  'payment:confirm',
  'register:draft',
  'register:save-draft',
  'staff:status',
  'staff:setup-owner',
  'staff:use-training-manager',
  'staff:unlock',
  'staff:lock',
  // Who is at the till: signing in (PIN, or a name where the owner allows it) and out.
  'staff:sign-in',
  'staff:sign-out',
  'staff:sign-in-names',
  // Coupons and discounts at the register: a discount above the limit asks for a manager's PIN itself.
  'sale:quote',
  'sale:abandon',
  'payment:complete-free',
  'discount:approve',
  // Cash at the counter, its 현금영수증, and the notice of payments being settled in the background.
  'cash:sale',
  'cash:receipt',
  'payment:settlements',
  'payment:dismiss-settlement',
  // One order paid in parts: card parts opened (and given up), a cash part.
  'payment:open-part',
  'payment:drop-part',
  'cash:pay-part',
  // The receipt at the register: the shop's details and paper to lay it out, and printing it.
  'receipt:setup',
  'receipt:print',
  'receipt:save-pdf',
  // A cashier reprints one of the business day's receipts without a manager.
  'receipts:recent',
  // Held carts (보류): the register's own cart put aside and taken back.
  'held:hold',
  'held:list',
  'held:resume',
  'held:discard',
  // The cash drawer (시재): a shift opened with its float, cash paid in and out, the count at its close.
  'drawer:view',
  'drawer:open',
  'drawer:move',
  'drawer:close',
  // The order ticket for the bar: printed on paid, at the register.
  'ticket:setup',
  'ticket:order',
  'ticket:print',
];

describe('a role on every channel', () => {
  const managerChannels = channels.filter((channel) => contract[channel].role === 'manager');

  it('declares cashier only for the channels a cashier needs; every other channel is a manager’s', () => {
    expect(channels.filter((channel) => contract[channel].role === 'cashier').sort()).toEqual(
      [...CASHIER_CHANNELS].sort(),
    );
    // The customer's screen reaches these alone, and they only read.
    expect(channels.filter((channel) => contract[channel].role === 'display')).toEqual(['display:watch']);
    // The bar's screen reaches these alone: the orders being made, and calling one ready.
    expect(channels.filter((channel) => contract[channel].role === 'bar')).toEqual(['bar:watch', 'bar:ready']);
    // Every page reaches these: a report to main's log, nothing read or changed.
    expect(channels.filter((channel) => contract[channel].role === 'page')).toEqual(['log:csp-violation']);
    expect(managerChannels.length).toBeGreaterThan(0);
    for (const channel of channels)
      expect(['cashier', 'manager', 'display', 'bar', 'page'], channel).toContain(contract[channel].role);
  });

  it.each(managerChannels)('refuses %s without a manager session, before its input is even read', async (channel) => {
    const { dispatch, ran, touches } = setup();
    for (const input of [{}, null, 'garbage', { pin: '0000' }]) {
      expect(await dispatch(channel, input)).toEqual({
        ok: false,
        error: { code: 'MANAGER_REQUIRED', message: `${channel} needs a manager session`, retryable: false },
      });
    }
    expect(ran).toEqual([]);
    expect(touches()).toBe(0);
  });

  it('runs a manager channel in a manager session, tells the handler who approved, and counts it as activity', async () => {
    let approver: string | null = null;
    const { dispatch, touches } = setup(
      {
        'catalog:manage': async (_input, call) => {
          approver = call.manager.name;
          return demoCatalog;
        },
      },
      { id: 'staff-1', name: '김사장', trainingOnly: false },
    );
    expect(await dispatch('catalog:manage', {})).toMatchObject({ ok: true });
    expect(approver).toBe('김사장');
    expect(touches()).toBe(1);
  });
});

describe('the till sign-in', () => {
  const moneyChannels = channels.filter((channel) => 'tillSignIn' in contract[channel]);

  it('marks the channels that move money or close the books', () => {
    expect([...moneyChannels].sort()).toEqual(
      [
        'sale:create',
        'payment:open-part',
        'payment:complete-free',
        'cash:sale',
        'cash:pay-part',
        'cash:receipt',
        'refund:create',
        'day:close',
        'drawer:open',
        'drawer:move',
        'drawer:close',
      ].sort(),
    );
  });

  it('never refuses the confirm of a payment the customer has made already', () => {
    expect(moneyChannels).not.toContain('payment:confirm');
  });

  it('refuses them with nobody signed in at the till, before the handler runs', async () => {
    const { dispatch, ran } = setup({}, { id: 'staff-1', name: '김사장', trainingOnly: false }, null);
    const order = { lines: [{ productId: 'americano', quantity: 1 }] };
    expect(await dispatch('sale:create', order)).toMatchObject({ ok: false, error: { code: 'SIGN_IN_NEEDED' } });
    expect(ran).toEqual([]);
  });

  it('tells the handler who is signed in', async () => {
    let stamped: Cashier | null = null;
    const { dispatch } = setup({
      'sale:create': async (_input, call) => {
        stamped = call.cashier;
        return { orderId: ORDER.orderId, orderName: ORDER.orderName, amount: ORDER.amount };
      },
    });
    expect(await dispatch('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] })).toMatchObject({
      ok: true,
    });
    expect(stamped).toEqual(AT_THE_TILL);
  });
});

describe('the IPC dispatcher', () => {
  it('runs the handler and returns its answer as data', async () => {
    const { dispatch, ran } = setup();
    expect(await dispatch('sale:get', { orderId: ORDER.orderId })).toEqual({ ok: true, data: ORDER });
    expect(ran).toEqual(['sale:get']);
  });

  it.each([
    ['order:delete'],
    ['APP:INFO'],
    ['__proto__'],
    ['constructor'],
    ['toString'],
    ['hasOwnProperty'],
    [''],
    [42],
    [null],
    [undefined],
    [{}],
    [['app:info']],
  ])('refuses the channel %j as FORBIDDEN without running anything', async (channel) => {
    const { dispatch, ran } = setup();
    expect(await dispatch(channel, {})).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'unknown channel', retryable: false },
    });
    expect(ran).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['app:info', { secretKey: 'please' }],
    ['app:info', null],
    ['catalog:list', 'everything'],
    ['sale:create', {}],
    ['sale:create', { lines: [{ productId: 'americano', quantity: 0 }] }],
    ['sale:create', { lines: [{ productId: 'americano', quantity: 1.5 }] }],
    ['sale:create', { lines: [{ productId: 'americano', quantity: 1000 }] }],
    ['sale:create', { lines: [{ productId: '', quantity: 1 }] }],
    ['sale:create', { lines: [{ productId: 'americano', quantity: '1' }] }],
    ['sale:create', { lines: Array.from({ length: 201 }, () => ({ productId: 'americano', quantity: 1 })) }],
    ['sale:get', { orderId: '../../etc/passwd' }],
    ['sale:get', { orderId: 'short' }],
    ['payment:confirm', { orderId: ORDER.orderId, paymentKey: 'tsim_x', amount: -1 }],
    ['payment:confirm', { orderId: ORDER.orderId, paymentKey: 'tsim_x', amount: 4_500.5 }],
    ['payment:confirm', { orderId: ORDER.orderId, paymentKey: 'tsim_x', amount: '4500' }],
    ['payment:confirm', { orderId: ORDER.orderId, paymentKey: '', amount: 4_500 }],
    ['payment:confirm', { orderId: ORDER.orderId, paymentKey: 'tsim_x' }],
    ['payment:confirm', { orderId: ORDER.orderId, paymentKey: 'tsim_x', amount: 4_500, status: 'PAID' }],
  ])('answers %s with %j as INVALID_INPUT and never runs the handler', async (channel, input) => {
    const { dispatch, ran } = setup();
    const result = await dispatch(channel, input);
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', retryable: false } });
    expect(ran).toEqual([]);
  });

  // Found by the IPC fuzz: the renderer reads an error past 600 characters as "main answered outside the contract".
  it.each<[string, unknown]>([
    ['sale:create', { lines: Array.from({ length: 200 }, () => ({ productId: '', quantity: -1 })) }],
    ['app:info', Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`field${i}`, i]))],
    ['app:info', { ['k'.repeat(1_000)]: 1 }],
  ])('answers %s with a payload full of faults as INVALID_INPUT the contract can carry', async (channel, input) => {
    const { dispatch } = setup();
    const result = await dispatch(channel, input);
    expect(ipcFailureSchema.parse(result).error).toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/^(lines\.0\.productId|input): .*…$/),
    });
  });

  it('stops a handler answer that carries a field the contract does not name (a secret, say)', async () => {
    const secret = 'test_sk_SHOULD_NEVER_LEAVE_MAIN';
    const { dispatch, logLines } = setup({
      'app:info': async () =>
        ({
          mode: 'live',
          clientKey: 'test_ck_unit',
          sdkSrc: 'https://js.tosspayments.com/v2/standard',
          notices: [],
          shopName: null,
          secretKey: secret,
        }) as never,
    });
    const result = await dispatch('app:info', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'unexpected answer from main', retryable: false },
    });
    expect(JSON.stringify(result)).not.toContain(secret);
    expect(logLines.join('\n')).not.toContain(secret);
  });

  it('checks a frozen answer given again only once (a mart’s catalog), and any other answer every time', async () => {
    const shared = Object.freeze({ ...demoCatalog });
    let answer: unknown = shared;
    const { dispatch } = setup({ 'catalog:list': async () => answer as typeof demoCatalog });
    const first = await dispatch('catalog:list', {});
    expect(first).toEqual({ ok: true, data: demoCatalog });
    const again = await dispatch('catalog:list', {});
    expect(again.ok && first.ok && again.data === first.data).toBe(true);

    // Another object, frozen too and sharing the same products, is checked: a field the contract does not name stops it.
    answer = Object.freeze({ ...shared, secretKey: 'test_sk_x' });
    expect(await dispatch('catalog:list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

    // One that is not frozen may change: it is checked at every call.
    const open: Record<string, unknown> = { ...demoCatalog };
    answer = open;
    expect((await dispatch('catalog:list', {})).ok).toBe(true);
    open.secretKey = 'test_sk_x';
    expect(await dispatch('catalog:list', {})).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });

    answer = shared;
    expect(await dispatch('catalog:list', {})).toEqual({ ok: true, data: demoCatalog });
  });

  it('stops a nested extra field too (Toss’s payment `secret` copied into an order)', async () => {
    const tossSecret = 'ps_webhook_secret_value';
    const leaky = {
      ...ORDER,
      status: 'PAID',
      payment: {
        paymentKey: 'tsim_x',
        method: '카드',
        totalAmount: 4_500,
        approvedAt: '2026-03-02T12:01:00+09:00',
        cardNumber: '43300000****000*',
        approveNo: '12345678',
        cardType: '신용',
        installmentPlanMonths: 0,
        receiptUrl: null,
        secret: tossSecret,
      },
    };
    const { dispatch } = setup({ 'sale:get': async () => leaky as never });
    const result = await dispatch('sale:get', { orderId: ORDER.orderId });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(result)).not.toContain(tossSecret);
  });

  it('turns an unexpected exception into a plain INTERNAL error, keeping paths and details in main', async () => {
    const detail = "EACCES: permission denied, open '/home/owner/.config/Toss POS/orders/2026-03-02.json'";
    const { dispatch, logLines } = setup({
      'sale:get': async () => {
        throw new Error(detail);
      },
    });
    const result = await dispatch('sale:get', { orderId: ORDER.orderId });
    expect(result).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal error', retryable: false } });
    expect(JSON.stringify(result)).not.toContain('/home/owner');
    // The maintainer still finds the cause in main's log.
    expect(logLines.some((line) => line.includes('permission denied'))).toBe(true);
  });

  it('treats a thrown non-Error the same way', async () => {
    const { dispatch } = setup({
      'catalog:list': async () => {
        throw 'disk on fire at /var/lib/pos';
      },
    });
    expect(await dispatch('catalog:list', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'internal error', retryable: false },
    });
  });

  it('passes a PosError through with its code, Toss code and retry hint', async () => {
    const { dispatch } = setup({
      'payment:confirm': async () => {
        throw new PosError('PAYMENT_DECLINED', '한도초과 혹은 잔액부족으로 결제에 실패했습니다.', {
          tossCode: 'REJECT_CARD_PAYMENT',
          retryable: true,
        });
      },
    });
    expect(await dispatch('payment:confirm', { orderId: ORDER.orderId, paymentKey: 'tsim_x', amount: 4_500 })).toEqual({
      ok: false,
      error: {
        code: 'PAYMENT_DECLINED',
        message: '한도초과 혹은 잔액부족으로 결제에 실패했습니다.',
        tossCode: 'REJECT_CARD_PAYMENT',
        retryable: true,
      },
    });
  });
});
