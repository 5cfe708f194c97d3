import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { TossClient } from '../../../electron/core/toss/toss-client';
import { TossApiError, TossUnreachableError } from '../../../electron/core/toss/toss-errors';
import { onCleanup } from '../helpers/cleanup';

/**
 * TossClient against a bare loopback server standing in for Toss: what goes on the wire, and how
 * each kind of answer (odd, broken or hostile) comes back to the caller.
 */
interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

async function fakeToss(answer: (seen: Seen, res: ServerResponse) => void): Promise<{ apiBase: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(request);
      answer(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onCleanup(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return { apiBase: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

const PAYMENT = {
  paymentKey: 'tpay_1',
  orderId: '20260302-ABCDEFGHJKMN',
  status: 'DONE',
  totalAmount: 9_000,
  balanceAmount: 9_000,
  method: '카드',
  futureField: 'kept',
};
const RECEIPT = { receiptKey: 'rcpt_1', issueStatus: 'COMPLETED', orderId: '20260302-ABCDEFGHJKMN', amount: 9_000 };
const SECRET = 'test_sk_http_0123456789abcdef';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

describe('what TossClient sends to Toss', () => {
  it('each call: its method and path (keys encoded, so none can reach another path), Basic auth of the secret key, JSON, and the Idempotency-Key when it writes', async () => {
    const toss = await fakeToss((seen, res) =>
      json(res, 200, seen.url.startsWith('/v1/cash-receipts') ? RECEIPT : PAYMENT),
    );
    const client = new TossClient({ endpoint: () => ({ apiBase: toss.apiBase, secretKey: SECRET }) });

    expect(
      await client.confirm({ paymentKey: 'tpay_1', orderId: PAYMENT.orderId, amount: 9_000 }, 'confirm-key'),
    ).toEqual(PAYMENT);
    expect(await client.getPayment('a/b?c=d')).toEqual(PAYMENT);
    await client.getPaymentByOrderId('20260302-ABC/..');
    await client.cancel('tpay/1', { cancelReason: '고객 변심', cancelAmount: 3_000 }, 'refund-key');
    expect(
      await client.issueCashReceipt(
        {
          amount: 9_000,
          orderId: PAYMENT.orderId,
          orderName: '아메리카노',
          customerIdentityNumber: '01012345678',
          type: '소득공제',
        },
        'receipt-key',
      ),
    ).toEqual(RECEIPT);
    await client.cancelCashReceipt('rcpt/1', { amount: 500 }, 'receipt-cancel-key');

    const auth = `Basic ${Buffer.from(`${SECRET}:`).toString('base64')}`;
    const writes = { authorization: auth, accept: 'application/json', 'content-type': 'application/json' };
    const reads = { authorization: auth, accept: 'application/json' };
    expect(
      toss.seen.map(({ method, url, body }) => ({ method, url, body: body === '' ? null : JSON.parse(body) })),
    ).toEqual([
      {
        method: 'POST',
        url: '/v1/payments/confirm',
        body: { paymentKey: 'tpay_1', orderId: PAYMENT.orderId, amount: 9_000 },
      },
      { method: 'GET', url: '/v1/payments/a%2Fb%3Fc%3Dd', body: null },
      { method: 'GET', url: '/v1/payments/orders/20260302-ABC%2F..', body: null },
      { method: 'POST', url: '/v1/payments/tpay%2F1/cancel', body: { cancelReason: '고객 변심', cancelAmount: 3_000 } },
      {
        method: 'POST',
        url: '/v1/cash-receipts',
        body: {
          amount: 9_000,
          orderId: PAYMENT.orderId,
          orderName: '아메리카노',
          customerIdentityNumber: '01012345678',
          type: '소득공제',
        },
      },
      { method: 'POST', url: '/v1/cash-receipts/rcpt%2F1/cancel', body: { amount: 500 } },
    ]);
    const [confirm, lookup, byOrder, cancel, issue, receiptCancel] = toss.seen;
    expect(confirm?.headers).toMatchObject({ ...writes, 'idempotency-key': 'confirm-key' });
    for (const read of [lookup, byOrder]) {
      expect(read?.headers).toMatchObject(reads);
      expect(read?.headers).not.toHaveProperty('content-type');
      expect(read?.headers).not.toHaveProperty('idempotency-key');
    }
    expect(cancel?.headers).toMatchObject({ ...writes, 'idempotency-key': 'refund-key' });
    expect(issue?.headers).toMatchObject({ ...writes, 'idempotency-key': 'receipt-key' });
    expect(receiptCancel?.headers).toMatchObject({ ...writes, 'idempotency-key': 'receipt-cancel-key' });
  });

  it('a 현금영수증 answer is taken as Toss gives it while still being issued or refused; one without its key or with a status Toss does not send is a bad response', async () => {
    const answers: unknown[] = [
      { ...RECEIPT, issueStatus: 'IN_PROGRESS' },
      { ...RECEIPT, issueStatus: 'FAILED', issueNumber: null, receiptUrl: null },
      { ...RECEIPT, receiptKey: undefined },
      { ...RECEIPT, issueStatus: 'ISSUED' },
    ];
    const toss = await fakeToss((_seen, res) => json(res, 200, answers.shift()));
    const client = new TossClient({ endpoint: () => ({ apiBase: toss.apiBase, secretKey: SECRET }) });
    const issue = () =>
      client.issueCashReceipt(
        {
          amount: 9_000,
          orderId: PAYMENT.orderId,
          orderName: '아메리카노',
          customerIdentityNumber: '01012345678',
          type: '소득공제',
        },
        'receipt-key',
      );
    expect(await issue()).toMatchObject({ issueStatus: 'IN_PROGRESS' });
    expect(await issue()).toMatchObject({ issueStatus: 'FAILED' });
    expect(await rejection(issue())).toMatchObject({ name: 'TossUnreachableError', reason: 'bad-response' });
    expect(await rejection(issue())).toMatchObject({ name: 'TossUnreachableError', reason: 'bad-response' });
  });

  it('a transactions page is taken as Toss lists them; an entry without its transaction key is a bad response, not a day that reconciles', async () => {
    const entry = {
      transactionKey: 'txrd_a01',
      paymentKey: PAYMENT.paymentKey,
      orderId: PAYMENT.orderId,
      method: '카드',
      status: 'DONE',
      amount: 9_000,
      transactionAt: '2026-03-02T10:00:00+09:00',
      receiptUrl: null,
      mId: 'tosspayments',
    };
    const answers: unknown[] = [[entry], [{ ...entry, transactionKey: undefined }]];
    const toss = await fakeToss((_seen, res) => json(res, 200, answers.shift()));
    const client = new TossClient({ endpoint: () => ({ apiBase: toss.apiBase, secretKey: SECRET }) });
    const day = { startDate: '2026-03-02T00:00:00+09:00', endDate: '2026-03-03T00:00:00+09:00' };
    expect(await client.listTransactions(day)).toEqual([entry]);
    expect(await rejection(client.listTransactions(day))).toMatchObject({
      name: 'TossUnreachableError',
      reason: 'bad-response',
    });
  });

  it('a payment whose card, receipt, failure or cancels are not what Toss sends is a bad response, not a sale', async () => {
    const answers: unknown[] = [
      { ...PAYMENT, card: { number: 43301234 } },
      { ...PAYMENT, receipt: { url: 42 } },
      { ...PAYMENT, failure: { code: 42, message: '카드 거절' } },
      {
        ...PAYMENT,
        cancels: [{ cancelAmount: '500', transactionKey: 'tx_1', canceledAt: '2026-03-02T10:00:00+09:00' }],
      },
    ];
    const toss = await fakeToss((_seen, res) => json(res, 200, answers.shift()));
    const client = new TossClient({ endpoint: () => ({ apiBase: toss.apiBase, secretKey: SECRET }) });
    for (let i = 0; i < 4; i += 1) {
      expect(await rejection(client.getPayment('tpay_1'))).toMatchObject({
        name: 'TossUnreachableError',
        reason: 'bad-response',
      });
    }
  });

  it('asks for the endpoint at every call: a key or address saved while the app runs is used from the next call on', async () => {
    const first = await fakeToss((_seen, res) => json(res, 200, PAYMENT));
    const second = await fakeToss((_seen, res) => json(res, 200, PAYMENT));
    let endpoint = { apiBase: first.apiBase, secretKey: 'test_sk_old' };
    const client = new TossClient({ endpoint: () => endpoint });

    await client.getPayment('tpay_1');
    endpoint = { apiBase: `${second.apiBase}//`, secretKey: 'test_sk_new' };
    await client.getPayment('tpay_1');

    expect(first.seen.map((s) => s.headers.authorization)).toEqual([
      `Basic ${Buffer.from('test_sk_old:').toString('base64')}`,
    ]);
    // Trailing slashes on the saved address do not double up in the path.
    expect(second.seen.map((s) => [s.url, s.headers.authorization])).toEqual([
      ['/v1/payments/tpay_1', `Basic ${Buffer.from('test_sk_new:').toString('base64')}`],
    ]);
  });

  it('made with no timeout or fetch of its own, it waits for a slow Toss with the platform’s fetch; a fetch it is given is the one used', async () => {
    const toss = await fakeToss((_seen, res) => setTimeout(() => json(res, 200, PAYMENT), 300));
    expect(
      await new TossClient({ endpoint: () => ({ apiBase: toss.apiBase, secretKey: SECRET }) }).getPayment('tpay_1'),
    ).toEqual(PAYMENT);

    const through: string[] = [];
    const recording: typeof fetch = (input, init) => {
      through.push(String(input));
      return fetch(input, init);
    };
    await new TossClient({
      endpoint: () => ({ apiBase: toss.apiBase, secretKey: SECRET }),
      fetch: recording,
    }).getPayment('tpay_2');
    expect(through).toEqual([`${toss.apiBase}/v1/payments/tpay_2`]);
  });
});

describe('how Toss’s answer comes back', () => {
  it('never follows a redirect (the secret key goes to Toss only): the call fails as unreachable and the target is never asked', async () => {
    const toss = await fakeToss((seen, res) => {
      if (seen.url.startsWith('/elsewhere')) return json(res, 200, PAYMENT);
      res.writeHead(302, { Location: '/elsewhere/v1/payments/tpay_1' });
      res.end();
    });
    const error = await rejection(
      new TossClient({ endpoint: () => ({ apiBase: toss.apiBase, secretKey: SECRET }) }).getPayment('tpay_1'),
    );
    expect(error).toBeInstanceOf(TossUnreachableError);
    expect(error).toMatchObject({ reason: 'network' });
    expect(toss.seen.map((s) => s.url)).toEqual(['/v1/payments/tpay_1']);
  });

  it('an answer that is not Toss’s (an HTML error page, an error without Toss’s shape, a 200 that is no payment) is a bad response: the outcome stays unknown', async () => {
    const answers: Array<(res: ServerResponse) => void> = [
      (res) => {
        res.writeHead(502, { 'Content-Type': 'text/html' });
        res.end('<html><body>502 Bad Gateway</body></html>');
      },
      (res) => json(res, 500, { error: 'upstream' }),
      (res) => json(res, 200, { paymentKey: 'tpay_1', status: 'DONE' }),
    ];
    const toss = await fakeToss((_seen, res) => answers[toss.seen.length - 1]?.(res));
    const client = new TossClient({ endpoint: () => ({ apiBase: toss.apiBase, secretKey: SECRET }) });

    const html = await rejection(client.getPayment('tpay_1'));
    expect(html).toBeInstanceOf(TossUnreachableError);
    expect(html).toMatchObject({ reason: 'bad-response' });
    // The log says what could not be read.
    expect((html as Error).cause).toBeInstanceOf(SyntaxError);
    expect(await rejection(client.getPayment('tpay_1'))).toMatchObject({
      name: 'TossUnreachableError',
      reason: 'bad-response',
    });
    const notPayment = await rejection(client.getPayment('tpay_1'));
    expect(notPayment).toMatchObject({ name: 'TossUnreachableError', reason: 'bad-response' });
    expect(String((notPayment as Error).cause)).toContain('totalAmount');
  });

  it('Toss’s refusal keeps its status, code and words, with the secret key taken out of them first', async () => {
    const basic = Buffer.from(`${SECRET}:`).toString('base64');
    const toss = await fakeToss((_seen, res) =>
      json(res, 401, { code: `BAD_${SECRET}`, message: `키 ${SECRET} 또는 Basic ${basic} 가 틀렸습니다` }),
    );
    const error = await rejection(
      new TossClient({ endpoint: () => ({ apiBase: toss.apiBase, secretKey: SECRET }) }).confirm(
        { paymentKey: 'p', orderId: 'o', amount: 1 },
        'k',
      ),
    );
    expect(error).toBeInstanceOf(TossApiError);
    expect(error).toMatchObject({
      status: 401,
      code: 'BAD_[redacted]',
      message: '키 [redacted] 또는 Basic [redacted] 가 틀렸습니다',
    });
  });

  it('a body that stops coming is a timeout (unknown outcome), a connection cut mid-body a network failure', async () => {
    const toss = await fakeToss((seen, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '400' });
      res.write('{"paymentKey":');
      if (seen.url.endsWith('cut')) setTimeout(() => res.destroy(), 50);
    });
    const client = new TossClient({ endpoint: () => ({ apiBase: toss.apiBase, secretKey: SECRET }), timeoutMs: 300 });
    // The platform's own error rides along as the cause, for the log.
    expect(await rejection(client.getPayment('stalled'))).toMatchObject({
      name: 'TossUnreachableError',
      reason: 'timeout',
      message: 'Toss did not answer (timeout)',
      cause: expect.objectContaining({ name: 'TimeoutError' }),
    });
    expect(await rejection(client.getPayment('cut'))).toMatchObject({
      name: 'TossUnreachableError',
      reason: 'network',
      cause: expect.any(TypeError),
    });
  });
});
