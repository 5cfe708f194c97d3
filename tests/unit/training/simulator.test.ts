import { createContext, runInContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vatSplit } from '../../../shared/domain/money';
import { startTossSimulator, type SimRequestRecord, type TossSimulator } from '../../../electron/training/simulator';
import { WINDOW_PATH } from '../../../electron/training/sdk-script';
import { TEST_CARDS } from '../../../electron/training/test-cards';

const SECRET = 'test_sk_simulator_unit';
const CLIENT = 'test_ck_simulator_unit';
const APPROVE = '4330000000000001';
const START = new Date('2025-03-01T01:02:03.456Z'); // 10:02:03 in Seoul
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

let clock: Date;
let sim: TossSimulator;
let orderSeq = 0;

beforeEach(async () => {
  clock = new Date(START);
  sim = await startTossSimulator({ secretKey: SECRET, clientKey: CLIENT, now: () => clock });
});

afterEach(async () => {
  await sim.close();
});

function advance(ms: number): void {
  clock = new Date(clock.getTime() + ms);
}

function basic(value: string): string {
  return `Basic ${Buffer.from(value).toString('base64')}`;
}

function newOrderId(): string {
  orderSeq += 1;
  return `ORDER-${Date.now()}-${orderSeq}`;
}

interface Reply {
  status: number;
  text: string;
  // Tests read arbitrary Toss fields; the shape is asserted field by field.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

async function call(
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  target: TossSimulator = sim,
): Promise<Reply> {
  const response = await fetch(`${target.apiBase}${path}`, {
    method,
    headers: {
      Authorization: basic(`${SECRET}:`),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) };
}

async function authorizeRaw(
  input: { orderId: string; amount: number; cardNumber: string; clientKey?: string },
  target = sim,
) {
  const response = await fetch(`${target.origin}/sim/authorize`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ clientKey: CLIENT, orderName: '아메리카노 외 1건', ...input }),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: response.status, body: (await response.json()) as any };
}

async function authorize(orderId: string, amount: number, cardNumber = APPROVE, target = sim): Promise<string> {
  const { status, body } = await authorizeRaw({ orderId, amount, cardNumber }, target);
  expect(status).toBe(200);
  return body.paymentKey as string;
}

function confirm(
  paymentKey: string,
  orderId: string,
  amount: number,
  headers: Record<string, string> = {},
  target = sim,
) {
  return call('POST', '/v1/payments/confirm', { paymentKey, orderId, amount }, headers, target);
}

async function paidOrder(amount = 12_300): Promise<{ orderId: string; paymentKey: string }> {
  const orderId = newOrderId();
  const paymentKey = await authorize(orderId, amount);
  expect((await confirm(paymentKey, orderId, amount)).status).toBe(200);
  return { orderId, paymentKey };
}

describe('Basic auth', () => {
  it('answers 401 UNAUTHORIZED_KEY without a header or with another secret', async () => {
    const none = await fetch(`${sim.apiBase}/v1/payments/whatever`);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ code: 'UNAUTHORIZED_KEY' });

    const wrong = await call('GET', '/v1/payments/whatever', undefined, { Authorization: basic('test_sk_other:') });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('UNAUTHORIZED_KEY');
  });

  it('answers 403 INCORRECT_BASIC_AUTH_FORMAT when the colon is missing', async () => {
    const reply = await call('GET', '/v1/payments/whatever', undefined, { Authorization: basic(SECRET) });
    expect(reply.status).toBe(403);
    expect(reply.body).toEqual({ code: 'INCORRECT_BASIC_AUTH_FORMAT', message: expect.any(String) });
  });

  it('lets the right secret through to the route', async () => {
    const reply = await call('GET', '/v1/payments/whatever');
    expect(reply.status).toBe(404);
    expect(reply.body.code).toBe('NOT_FOUND_PAYMENT');
  });
});

describe('POST /v1/payments/confirm', () => {
  it('approves and returns a full Payment object', async () => {
    const orderId = newOrderId();
    const paymentKey = await authorize(orderId, 12_300, '4330-0000-0000-0001');
    expect(paymentKey).toMatch(/^tsim_[A-Za-z0-9]{24}$/);
    advance(5_000);

    const reply = await confirm(paymentKey, orderId, 12_300);

    expect(reply.status).toBe(200);
    const { supply, vat } = vatSplit(12_300);
    expect(reply.body).toMatchObject({
      version: '2022-11-16',
      paymentKey,
      type: 'NORMAL',
      orderId,
      orderName: '아메리카노 외 1건',
      mId: 'tosspayments',
      currency: 'KRW',
      method: '카드',
      totalAmount: 12_300,
      balanceAmount: 12_300,
      suppliedAmount: supply,
      vat,
      taxFreeAmount: 0,
      taxExemptionAmount: 0,
      status: 'DONE',
      requestedAt: '2025-03-01T10:02:03+09:00',
      approvedAt: '2025-03-01T10:02:08+09:00',
      useEscrow: false,
      cultureExpense: false,
      isPartialCancelable: true,
      card: {
        amount: 12_300,
        issuerCode: '4V',
        acquirerCode: '21',
        number: '43300000****000*',
        installmentPlanMonths: 0,
        isInterestFree: false,
        interestPayer: null,
        useCardPoint: false,
        cardType: '신용',
        ownerType: '개인',
        acquireStatus: 'READY',
      },
      virtualAccount: null,
      transfer: null,
      mobilePhone: null,
      giftCertificate: null,
      cashReceipt: null,
      cashReceipts: null,
      discount: null,
      easyPay: null,
      cancels: null,
      country: 'KR',
      failure: null,
      receipt: { url: `${sim.origin}/receipt/${paymentKey}` },
    });
    expect(reply.body.card.approveNo).toMatch(/^\d{8}$/);
    expect(reply.body.lastTransactionKey).toEqual(expect.any(String));
    expect(reply.body.secret).toEqual(expect.any(String));
    expect(reply.body.checkout.url).toEqual(expect.any(String));

    const receipt = await fetch(reply.body.receipt.url);
    expect(receipt.status).toBe(200);
    expect(receipt.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await receipt.text();
    expect(html).toContain('교육용 영수증 / training receipt');
    expect(html).toContain('12,300원');
  });

  it('rejects malformed bodies with 400 INVALID_REQUEST', async () => {
    const paymentKey = await authorize(newOrderId(), 1000);
    for (const body of [
      { paymentKey, orderId: 'short', amount: 1000 },
      { paymentKey, orderId: 'ORDER=bad=chars', amount: 1000 },
      { paymentKey, orderId: 'ORDER-123456', amount: 10.5 },
      { paymentKey, orderId: 'ORDER-123456', amount: 0 },
      { paymentKey: 'k'.repeat(201), orderId: 'ORDER-123456', amount: 1000 },
      { orderId: 'ORDER-123456', amount: 1000 },
    ]) {
      const reply = await call('POST', '/v1/payments/confirm', body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.code).toBe('INVALID_REQUEST');
    }
  });

  it('answers 404 NOT_FOUND_PAYMENT for an unknown paymentKey', async () => {
    const reply = await confirm('tsim_unknown', 'ORDER-123456', 1000);
    expect(reply.status).toBe(404);
    expect(reply.body.code).toBe('NOT_FOUND_PAYMENT');
  });

  it('answers 404 NOT_FOUND_PAYMENT_SESSION for another orderId and leaves the payment confirmable', async () => {
    const orderId = newOrderId();
    const paymentKey = await authorize(orderId, 5000);

    const wrong = await confirm(paymentKey, 'ORDER-someone-else', 5000);
    expect(wrong.status).toBe(404);
    expect(wrong.body.code).toBe('NOT_FOUND_PAYMENT_SESSION');

    expect((await confirm(paymentKey, orderId, 5000)).body.status).toBe('DONE');
  });

  it('refuses a different amount with 400 INVALID_REQUEST and charges nothing', async () => {
    const orderId = newOrderId();
    const paymentKey = await authorize(orderId, 5000);

    const reply = await confirm(paymentKey, orderId, 4000);
    expect(reply.status).toBe(400);
    expect(reply.body.code).toBe('INVALID_REQUEST');
    expect(reply.body.message).toMatch(/금액|amount/);
    expect((await call('GET', `/v1/payments/${paymentKey}`)).body.status).toBe('IN_PROGRESS');

    expect((await confirm(paymentKey, orderId, 5000)).status).toBe(200);
  });

  it('answers 400 ALREADY_PROCESSED_PAYMENT to a second confirm', async () => {
    const { orderId, paymentKey } = await paidOrder(5000);
    const again = await confirm(paymentKey, orderId, 5000);
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('ALREADY_PROCESSED_PAYMENT');
  });

  it('also answers ALREADY_PROCESSED_PAYMENT after a cancel', async () => {
    const { orderId, paymentKey } = await paidOrder(5000);
    await call('POST', `/v1/payments/${paymentKey}/cancel`, { cancelReason: '고객 변심' });
    expect((await confirm(paymentKey, orderId, 5000)).body.code).toBe('ALREADY_PROCESSED_PAYMENT');
  });

  it('expires a session 10 minutes after authentication', async () => {
    const orderId = newOrderId();
    const paymentKey = await authorize(orderId, 5000);
    const inTime = newOrderId();
    const inTimeKey = await authorize(inTime, 5000);
    advance(10 * MINUTE);
    expect((await confirm(inTimeKey, inTime, 5000)).status).toBe(200);

    advance(1);
    const late = await confirm(paymentKey, orderId, 5000);
    expect(late.status).toBe(404);
    expect(late.body.code).toBe('NOT_FOUND_PAYMENT_SESSION');

    const fetched = await call('GET', `/v1/payments/${paymentKey}`);
    expect(fetched.body.status).toBe('EXPIRED');
    expect(fetched.body.approvedAt).toBeNull();
    expect(fetched.body.failure).toEqual({ code: 'EXPIRED_PAYMENT', message: '결제가 만료되었습니다' });
  });

  it('honours a custom sessionTtlMs', async () => {
    const short = await startTossSimulator({
      secretKey: SECRET,
      clientKey: CLIENT,
      now: () => clock,
      sessionTtlMs: 1000,
    });
    try {
      const orderId = newOrderId();
      const paymentKey = await authorize(orderId, 5000, APPROVE, short);
      advance(1001);
      expect((await confirm(paymentKey, orderId, 5000, {}, short)).body.code).toBe('NOT_FOUND_PAYMENT_SESSION');
    } finally {
      await short.close();
    }
  });

  it.each([
    ['4330000000000003', 400, 'INVALID_CARD_EXPIRATION'],
    ['4330000000000004', 403, 'REJECT_CARD_PAYMENT'],
    ['4330000000000005', 400, 'PROVIDER_ERROR'],
  ])('card %s fails at confirm with %i %s and the payment is ABORTED', async (card, status, code) => {
    const orderId = newOrderId();
    const paymentKey = await authorize(orderId, 5000, card);

    const first = await confirm(paymentKey, orderId, 5000);
    expect(first.status).toBe(status);
    expect(first.body.code).toBe(code);

    const fetched = await call('GET', `/v1/payments/${paymentKey}`);
    expect(fetched.body.status).toBe('ABORTED');
    expect(fetched.body.failure).toEqual(first.body);
    expect(fetched.body.approvedAt).toBeNull();

    const repeat = await confirm(paymentKey, orderId, 5000);
    expect(repeat.status).toBe(status);
    expect(repeat.body).toEqual(first.body);
  });

  it('waits confirmDelayMs before answering', async () => {
    const slow = await startTossSimulator({
      secretKey: SECRET,
      clientKey: CLIENT,
      now: () => clock,
      confirmDelayMs: 200,
    });
    try {
      const orderId = newOrderId();
      const paymentKey = await authorize(orderId, 5000, APPROVE, slow);
      const started = performance.now();
      expect((await confirm(paymentKey, orderId, 5000, {}, slow)).status).toBe(200);
      expect(performance.now() - started).toBeGreaterThanOrEqual(190);
    } finally {
      await slow.close();
    }
  });
});

describe('POST /sim/authorize (the payment window)', () => {
  it('declines the window-decline card with REJECT_CARD_COMPANY and records nothing', async () => {
    const orderId = newOrderId();
    const reply = await authorizeRaw({ orderId, amount: 5000, cardNumber: '4330 0000 0000 0002' });
    expect(reply.status).toBe(403);
    expect(reply.body.error.code).toBe('REJECT_CARD_COMPANY');
    expect((await call('GET', `/v1/payments/orders/${orderId}`)).body.code).toBe('NOT_FOUND_PAYMENT');
  });

  it('answers INVALID_CARD_NUMBER with the inline message for unknown numbers', async () => {
    for (const cardNumber of ['4330000000000009', '1234', '']) {
      const reply = await authorizeRaw({ orderId: newOrderId(), amount: 5000, cardNumber });
      expect(reply.body.error).toEqual({
        code: 'INVALID_CARD_NUMBER',
        message: '유효하지 않은 카드 번호입니다 / invalid card number',
      });
    }
  });

  it('answers INVALID_CLIENT_KEY for another client key', async () => {
    const reply = await authorizeRaw({
      orderId: newOrderId(),
      amount: 5000,
      cardNumber: APPROVE,
      clientKey: 'test_ck_other',
    });
    expect(reply.body.error.code).toBe('INVALID_CLIENT_KEY');
  });

  it('refuses an orderId that was already paid (DUPLICATED_ORDER_ID) but allows a retry after a failure', async () => {
    const orderId = newOrderId();
    const failed = await authorize(orderId, 5000, '4330000000000004');
    expect((await confirm(failed, orderId, 5000)).body.code).toBe('REJECT_CARD_PAYMENT');
    const retry = await authorize(orderId, 5000);
    expect((await confirm(retry, orderId, 5000)).status).toBe(200);

    const again = await authorizeRaw({ orderId, amount: 5000, cardNumber: APPROVE });
    expect(again.body.error.code).toBe('DUPLICATED_ORDER_ID');
  });

  it('requires a JSON content type so plain cross-site form posts cannot authorize', async () => {
    const response = await fetch(`${sim.origin}/sim/authorize`, {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: JSON.stringify({
        clientKey: CLIENT,
        orderId: newOrderId(),
        orderName: 'x',
        amount: 1000,
        cardNumber: APPROVE,
      }),
    });
    expect(response.status).toBe(415);
  });
});

describe('Idempotency-Key', () => {
  it('replays the first response byte for byte and confirms only once', async () => {
    const orderId = newOrderId();
    const paymentKey = await authorize(orderId, 5000);
    const headers = { 'Idempotency-Key': `confirm:${orderId}` };

    const first = await confirm(paymentKey, orderId, 5000, headers);
    advance(MINUTE);
    const second = await confirm(paymentKey, orderId, 5000, headers);

    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    // Without the key the same call is a second confirm, which Toss refuses.
    expect((await confirm(paymentKey, orderId, 5000)).body.code).toBe('ALREADY_PROCESSED_PAYMENT');
  });

  it('changes state only once for a repeated cancel', async () => {
    const { paymentKey } = await paidOrder(10_000);
    const headers = { 'Idempotency-Key': 'cancel-once' };
    const body = { cancelReason: '부분 환불', cancelAmount: 1000 };

    const first = await call('POST', `/v1/payments/${paymentKey}/cancel`, body, headers);
    const second = await call('POST', `/v1/payments/${paymentKey}/cancel`, body, headers);

    expect(second.text).toBe(first.text);
    const now = await call('GET', `/v1/payments/${paymentKey}`);
    expect(now.body.balanceAmount).toBe(9000);
    expect(now.body.cancels).toHaveLength(1);
  });

  it('replays error responses too', async () => {
    const orderId = newOrderId();
    const paymentKey = await authorize(orderId, 5000);
    const headers = { 'Idempotency-Key': 'first-try-was-wrong' };

    const wrong = await confirm(paymentKey, orderId, 4000, headers);
    const replay = await confirm(paymentKey, orderId, 5000, headers);

    expect(wrong.status).toBe(400);
    expect(replay.status).toBe(400);
    expect(replay.text).toBe(wrong.text);
    expect((await call('GET', `/v1/payments/${paymentKey}`)).body.status).toBe('IN_PROGRESS');
  });

  it('matches on key, secret, method and path but not on the body', async () => {
    const a = newOrderId();
    const b = newOrderId();
    const keyA = await authorize(a, 5000);
    const keyB = await authorize(b, 7000);
    const headers = { 'Idempotency-Key': 'reused-key' };

    const first = await confirm(keyA, a, 5000, headers);
    const otherOrder = await confirm(keyB, b, 7000, headers);
    expect(otherOrder.text).toBe(first.text);
    expect((await call('GET', `/v1/payments/${keyB}`)).body.status).toBe('IN_PROGRESS');

    // Same key on another path is a different request.
    const cancel = await call('POST', `/v1/payments/${keyA}/cancel`, { cancelReason: '취소' }, headers);
    expect(cancel.status).toBe(200);
    expect(cancel.body.status).toBe('CANCELED');
  });

  it('forgets keys after 15 days', async () => {
    const { paymentKey } = await paidOrder(10_000);
    const headers = { 'Idempotency-Key': 'old-key' };
    const body = { cancelReason: '부분 환불', cancelAmount: 1000 };

    await call('POST', `/v1/payments/${paymentKey}/cancel`, body, headers);
    advance(15 * DAY - 1);
    await call('POST', `/v1/payments/${paymentKey}/cancel`, body, headers);
    expect((await call('GET', `/v1/payments/${paymentKey}`)).body.balanceAmount).toBe(9000);

    advance(1);
    await call('POST', `/v1/payments/${paymentKey}/cancel`, body, headers);
    expect((await call('GET', `/v1/payments/${paymentKey}`)).body.balanceAmount).toBe(8000);
  });

  it('rejects keys longer than 300 characters with 400 INVALID_IDEMPOTENCY_KEY', async () => {
    const orderId = newOrderId();
    const paymentKey = await authorize(orderId, 5000);

    const tooLong = await confirm(paymentKey, orderId, 5000, { 'Idempotency-Key': 'k'.repeat(301) });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.code).toBe('INVALID_IDEMPOTENCY_KEY');

    expect((await confirm(paymentKey, orderId, 5000, { 'Idempotency-Key': 'k'.repeat(300) })).status).toBe(200);
  });

  it('answers 409 IDEMPOTENT_REQUEST_PROCESSING while the first request is in flight', async () => {
    const slow = await startTossSimulator({
      secretKey: SECRET,
      clientKey: CLIENT,
      now: () => clock,
      confirmDelayMs: 1000,
    });
    try {
      const orderId = newOrderId();
      const paymentKey = await authorize(orderId, 5000, APPROVE, slow);
      const headers = { 'Idempotency-Key': `confirm:${orderId}` };

      const firstPromise = confirm(paymentKey, orderId, 5000, headers, slow);
      await new Promise((resolve) => setTimeout(resolve, 100));
      const during = await confirm(paymentKey, orderId, 5000, headers, slow);
      expect(during.status).toBe(409);
      expect(during.body).toEqual({ code: 'IDEMPOTENT_REQUEST_PROCESSING', message: '이전 멱등 요청이 처리중입니다.' });

      const first = await firstPromise;
      expect(first.status).toBe(200);
      const after = await confirm(paymentKey, orderId, 5000, headers, slow);
      expect(after.text).toBe(first.text);
    } finally {
      await slow.close();
    }
  });

  it('is ignored on GET', async () => {
    const { paymentKey } = await paidOrder(10_000);
    const headers = { 'Idempotency-Key': 'get-key' };
    expect((await call('GET', `/v1/payments/${paymentKey}`, undefined, headers)).body.status).toBe('DONE');
    await call('POST', `/v1/payments/${paymentKey}/cancel`, { cancelReason: '환불' });
    expect((await call('GET', `/v1/payments/${paymentKey}`, undefined, headers)).body.status).toBe('CANCELED');
  });
});

describe('TossPayments-Test-Code', () => {
  it('forces the named error with its HTTP status and changes nothing', async () => {
    const orderId = newOrderId();
    const paymentKey = await authorize(orderId, 5000);

    const forced = await confirm(paymentKey, orderId, 5000, { 'TossPayments-Test-Code': 'REJECT_CARD_PAYMENT' });
    expect(forced.status).toBe(403);
    expect(forced.body).toEqual({ code: 'REJECT_CARD_PAYMENT', message: expect.stringContaining('잔액부족') });

    const serverError = await call('GET', `/v1/payments/${paymentKey}`, undefined, {
      'TossPayments-Test-Code': 'FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING',
    });
    expect(serverError.status).toBe(500);

    expect((await call('GET', `/v1/payments/${paymentKey}`)).body.status).toBe('IN_PROGRESS');
  });

  it('is not remembered under an Idempotency-Key, so the real retry goes through', async () => {
    const orderId = newOrderId();
    const paymentKey = await authorize(orderId, 5000);
    const key = { 'Idempotency-Key': `confirm:${orderId}` };

    const forced = await confirm(paymentKey, orderId, 5000, { ...key, 'TossPayments-Test-Code': 'PROVIDER_ERROR' });
    expect(forced.status).toBe(400);
    expect((await confirm(paymentKey, orderId, 5000, key)).status).toBe(200);
  });

  it('answers unknown codes with 400 and still needs auth first', async () => {
    const unknown = await call('GET', '/v1/payments/x', undefined, { 'TossPayments-Test-Code': 'NO_SUCH_CODE' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('NO_SUCH_CODE');

    const unauthenticated = await call('GET', '/v1/payments/x', undefined, {
      Authorization: basic('test_sk_other:'),
      'TossPayments-Test-Code': 'PROVIDER_ERROR',
    });
    expect(unauthenticated.status).toBe(401);
  });
});

describe('GET /v1/payments', () => {
  it('finds a payment by paymentKey and by orderId', async () => {
    const { orderId, paymentKey } = await paidOrder(5000);

    const byKey = await call('GET', `/v1/payments/${paymentKey}`);
    const byOrder = await call('GET', `/v1/payments/orders/${orderId}`);
    expect(byKey.status).toBe(200);
    expect(byKey.body).toMatchObject({ paymentKey, orderId, status: 'DONE' });
    expect(byOrder.body).toEqual(byKey.body);

    const missing = await call('GET', '/v1/payments/orders/ORDER-never-seen');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND_PAYMENT');
  });

  it('by orderId returns the newest payment, preferring a settled one', async () => {
    const orderId = newOrderId();
    const older = await authorize(orderId, 5000);
    const newer = await authorize(orderId, 5000);
    expect((await call('GET', `/v1/payments/orders/${orderId}`)).body.paymentKey).toBe(newer);

    await confirm(older, orderId, 5000);
    expect((await call('GET', `/v1/payments/orders/${orderId}`)).body.paymentKey).toBe(older);
  });

  it('answers 404 NOT_FOUND for routes Toss does not have', async () => {
    const reply = await call('POST', '/v1/payments/key/refund', { cancelReason: 'x' });
    expect(reply.status).toBe(404);
    expect(reply.body.code).toBe('NOT_FOUND');
  });
});

describe('POST /v1/payments/{paymentKey}/cancel', () => {
  it('cancels the whole balance when no amount is given', async () => {
    const { paymentKey } = await paidOrder(12_300);
    advance(MINUTE);

    const reply = await call('POST', `/v1/payments/${paymentKey}/cancel`, { cancelReason: '고객 변심' });

    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      status: 'CANCELED',
      totalAmount: 12_300,
      balanceAmount: 0,
      suppliedAmount: 0,
      vat: 0,
    });
    expect(reply.body.cancels).toEqual([
      {
        cancelAmount: 12_300,
        cancelReason: '고객 변심',
        taxFreeAmount: 0,
        taxExemptionAmount: 0,
        refundableAmount: 0,
        cardDiscountAmount: 0,
        transferDiscountAmount: 0,
        easyPayDiscountAmount: 0,
        canceledAt: '2025-03-01T10:03:03+09:00',
        transactionKey: expect.any(String),
        receiptKey: null,
        cancelStatus: 'DONE',
        cancelRequestId: null,
      },
    ]);
    expect(reply.body.lastTransactionKey).toBe(reply.body.cancels[0].transactionKey);
  });

  it('cancels in parts, recomputing VAT, and refuses more than the balance', async () => {
    const { paymentKey } = await paidOrder(12_300);
    const path = `/v1/payments/${paymentKey}/cancel`;

    const partial = await call('POST', path, { cancelReason: '라떼 환불', cancelAmount: 3300 });
    expect(partial.status).toBe(200);
    const rest = vatSplit(9000);
    expect(partial.body).toMatchObject({
      status: 'PARTIAL_CANCELED',
      balanceAmount: 9000,
      suppliedAmount: rest.supply,
      vat: rest.vat,
    });
    expect(partial.body.cancels[0]).toMatchObject({ cancelAmount: 3300, refundableAmount: 9000 });

    const tooMuch = await call('POST', path, { cancelReason: '초과 환불', cancelAmount: 9001 });
    expect(tooMuch.status).toBe(403);
    expect(tooMuch.body.code).toBe('NOT_CANCELABLE_AMOUNT');

    const last = await call('POST', path, { cancelReason: '나머지 환불', cancelAmount: 9000 });
    expect(last.body).toMatchObject({ status: 'CANCELED', balanceAmount: 0 });
    expect(last.body.cancels).toHaveLength(2);
    expect(last.body.lastTransactionKey).toBe(last.body.cancels[1].transactionKey);
    expect(last.body.cancels[0].transactionKey).not.toBe(last.body.cancels[1].transactionKey);
  });

  it('answers 400 ALREADY_CANCELED_PAYMENT once fully cancelled', async () => {
    const { paymentKey } = await paidOrder(5000);
    await call('POST', `/v1/payments/${paymentKey}/cancel`, { cancelReason: '취소' });
    const again = await call('POST', `/v1/payments/${paymentKey}/cancel`, { cancelReason: '취소' });
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('ALREADY_CANCELED_PAYMENT');
  });

  it('refuses payments that were never approved with 403 NOT_CANCELABLE_PAYMENT', async () => {
    const paymentKey = await authorize(newOrderId(), 5000);
    const reply = await call('POST', `/v1/payments/${paymentKey}/cancel`, { cancelReason: '취소' });
    expect(reply.status).toBe(403);
    expect(reply.body.code).toBe('NOT_CANCELABLE_PAYMENT');
  });

  it('validates the body and the refundableAmount guard', async () => {
    const { paymentKey } = await paidOrder(5000);
    const path = `/v1/payments/${paymentKey}/cancel`;
    for (const body of [
      {},
      { cancelReason: '' },
      { cancelReason: 'x'.repeat(201) },
      { cancelReason: '취소', cancelAmount: -1 },
    ]) {
      const reply = await call('POST', path, body);
      expect(reply.status, JSON.stringify(body)).toBe(400);
      expect(reply.body.code).toBe('INVALID_REQUEST');
    }
    const guarded = await call('POST', path, { cancelReason: '취소', refundableAmount: 4000 });
    expect(guarded.status).toBe(400);
    expect(guarded.body.code).toBe('NOT_MATCHES_REFUNDABLE_AMOUNT');
    expect((await call('POST', '/v1/payments/tsim_missing/cancel', { cancelReason: '취소' })).status).toBe(404);
  });
});

describe('request log', () => {
  it('records every /v1 request in order, with ids, keys and statuses, also over HTTP', async () => {
    const orderId = newOrderId();
    const paymentKey = await authorize(orderId, 5000);
    await call('GET', '/v1/payments/x', undefined, { Authorization: basic('nope:') });
    await confirm(paymentKey, orderId, 5000, { 'Idempotency-Key': 'k1' });
    await confirm(paymentKey, orderId, 5000, { 'Idempotency-Key': 'k1' });
    await call('GET', `/v1/payments/orders/${orderId}`);

    const expected: SimRequestRecord[] = [
      { method: 'GET', path: '/v1/payments/x', paymentKey: 'x', status: 401, at: '2025-03-01T10:02:03+09:00' },
      {
        method: 'POST',
        path: '/v1/payments/confirm',
        orderId,
        paymentKey,
        idempotencyKey: 'k1',
        status: 200,
        at: '2025-03-01T10:02:03+09:00',
      },
      {
        method: 'POST',
        path: '/v1/payments/confirm',
        orderId,
        paymentKey,
        idempotencyKey: 'k1',
        status: 200,
        at: '2025-03-01T10:02:03+09:00',
      },
      { method: 'GET', path: `/v1/payments/orders/${orderId}`, orderId, status: 200, at: '2025-03-01T10:02:03+09:00' },
    ];
    expect(sim.requests()).toEqual(expected);
    const overHttp = await fetch(`${sim.origin}/__sim/requests`);
    expect(await overHttp.json()).toEqual(expected);
  });
});

describe('browser side', () => {
  it('serves /v2/standard as JavaScript that defines window.TossPayments', async () => {
    const response = await fetch(sim.sdkSrc);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/javascript/);
    const source = await response.text();

    // Run it the way a page would, minus the DOM: validation happens before any DOM use.
    const context = createContext({ URLSearchParams, crypto });
    runInContext('var window = globalThis;', context);
    runInContext(source, context);
    const TossPayments = runInContext('window.TossPayments', context);
    expect(TossPayments.ANONYMOUS).toBe('@@ANONYMOUS');

    const payment = TossPayments(CLIENT).payment({ customerKey: TossPayments.ANONYMOUS });
    const valid = {
      method: 'CARD',
      amount: { value: 5000, currency: 'KRW' },
      orderId: 'ORDER-123456',
      orderName: '커피',
    };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ ...valid, method: 'TRANSFER' }, 'NOT_SUPPORTED_METHOD'],
      [{ ...valid, amount: { value: 10.5, currency: 'KRW' } }, 'INVALID_AMOUNT_VALUE'],
      [{ ...valid, amount: { value: 1000, currency: 'USD' } }, 'INVALID_AMOUNT_CURRENCY'],
      [{ ...valid, orderId: 'abc' }, 'INVALID_PARAMETERS'],
      [{ ...valid, orderName: '' }, 'INVALID_PARAMETERS'],
      [{ ...valid, successUrl: 'https://x/ok', failUrl: 'https://x/fail' }, 'NOT_SUPPORTED_REDIRECT'],
      [{ ...valid, windowTarget: 'self' }, 'INVALID_PARAMETERS'],
    ];
    for (const [request, code] of cases) {
      await expect(payment.requestPayment(request), code).rejects.toMatchObject({ code, message: expect.any(String) });
    }
    const badCustomer = TossPayments(CLIENT).payment({ customerKey: 'a' });
    await expect(badCustomer.requestPayment(valid)).rejects.toMatchObject({ code: 'INVALID_CUSTOMER_KEY' });
    await expect(payment.destroy()).rejects.toMatchObject({ code: 'NO_ACTIVE_PAYMENT_REQUEST' });
  });

  it('serves the payment window with a strict CSP and the order it was given', async () => {
    const query = new URLSearchParams({
      orderId: 'ORDER-123456',
      orderName: '<b>라떼</b>',
      amount: '12300',
      clientKey: CLIENT,
      parentOrigin: 'http://127.0.0.1:5173',
      requestId: 'abc123',
    });
    const post = (body: URLSearchParams, headers: Record<string, string> = {}) =>
      fetch(`${sim.origin}${WINDOW_PATH}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
        body,
      });
    const response = await post(query);
    expect(response.status).toBe(200);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'nonce-[^']+'/);
    const html = await response.text();
    expect(html).toContain('토스페이먼츠 (교육용)');
    expect(html).toContain('&#60;b&#62;라떼&#60;/b&#62;');
    expect(html).not.toContain('<b>라떼');
    expect(html).toContain('12,300원');
    for (const testId of ['card-number', 'pay', 'close']) expect(html).toContain(`data-testid="${testId}"`);
    for (const card of TEST_CARDS) expect(html).toContain(`data-testid="test-card-${card.number}"`);

    // The window opens only by the SDK's form POST, from the page that names itself as parent.
    expect((await fetch(`${sim.origin}${WINDOW_PATH}?${query}`)).status).toBe(404);
    expect((await post(query, { 'Content-Type': 'application/json' })).status).toBe(415);
    expect((await post(query, { Origin: 'http://evil.example' })).status).toBe(400);
    expect((await post(query, { Origin: 'http://127.0.0.1:5173' })).status).toBe(200);
    query.set('parentOrigin', 'javascript:alert(1)');
    expect((await post(query)).status).toBe(400);
  });

  it('listens on 127.0.0.1 and refuses other Host names', async () => {
    expect(new URL(sim.origin).hostname).toBe('127.0.0.1');
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${sim.origin}/v2/standard`, { headers: { Host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });
});
