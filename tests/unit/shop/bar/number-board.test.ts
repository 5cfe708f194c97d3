import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../../../shared/domain/register';
import { icedLargeLatte } from '../../../support/cart-lines';
import { asManager } from '../../helpers/coupons';
import { withCore, type PosHarness } from '../../helpers/pos';

/** A cash sale, paid at the counter, and the register showing it paid (as the page does). */
async function cashSale(h: PosHarness, memo: string | null = null) {
  const order = await h.ok('sale:create', { lines: [icedLargeLatte()], memo: memo ?? undefined });
  const paid = await h.ok('cash:sale', { orderId: order.orderId, received: order.amount });
  await h.ok('register:save-draft', { ...emptyDraft, stage: 'paid', paidOrderId: paid.orderId });
  return paid;
}

const numbers = (entries: ReadonlyArray<{ callNumber: number }>) => entries.map((e) => e.callNumber);

describe('the number board', () => {
  it('puts each paid order under 준비 중, moves it to 준비 완료 when the bar calls it, and the customer screen shows the same', async () => {
    const h = await withCore();
    const first = await cashSale(h, '5번 테이블');
    const second = await cashSale(h);

    const bar = await h.ok('bar:watch', { since: 0 });
    expect(numbers(bar.board.preparing)).toEqual([1, 2]);
    expect(bar.tickets[0]).toMatchObject({ callNumber: 1, memo: '5번 테이블' });
    expect(bar.tickets[0]?.lines[0]?.options.map((o) => o.name.ko)).toEqual(['ICE', '라지', '샷 추가']);

    const board = await h.ok('bar:ready', { orderId: first.orderId });
    expect(numbers(board.preparing)).toEqual([2]);
    expect(numbers(board.ready)).toEqual([1]);
    // Calling it again changes nothing; the bar no longer lists it as a ticket.
    expect(await h.ok('bar:ready', { orderId: first.orderId })).toEqual(board);
    expect((await h.ok('bar:watch', { since: 0 })).tickets.map((t) => t.orderId)).toEqual([second.orderId]);

    const customer = await h.ok('display:watch', { since: 0 });
    expect(numbers(customer.view.board.preparing)).toEqual([2]);
    expect(numbers(customer.view.board.ready)).toEqual([1]);
  });

  it('a watching customer screen is answered at once when a number is called ready', async () => {
    const h = await withCore();
    const paid = await cashSale(h);
    const { version } = await h.ok('display:watch', { since: 0 });
    const next = h.ok('display:watch', { since: version });
    await h.ok('bar:ready', { orderId: paid.orderId });
    const answer = await next;
    expect(answer.version).toBeGreaterThan(version);
    expect(numbers(answer.view.board.ready)).toEqual([1]);
  });

  it('a watching customer screen sees a paid order join at once, even when the register never sent its paid state', async () => {
    // The register sends only its newest state: 다음 주문 pressed while a save is under way skips 'paid'.
    const h = await withCore();
    const { version } = await h.ok('display:watch', { since: 0 });
    const next = h.ok('display:watch', { since: version });
    const order = await h.ok('sale:create', { lines: [icedLargeLatte()] });
    await h.ok('cash:sale', { orderId: order.orderId, received: order.amount });
    expect(numbers((await next).view.board.preparing)).toEqual([1]);
  });

  it('on a day nobody calls numbers ready, the 501st sale still reaches the customer screen: the newest 500 are shown', async () => {
    const h = await withCore();
    for (let sale = 0; sale < 501; sale += 1) {
      const order = await h.ok('sale:create', {
        lines: [{ productId: 'americano', quantity: 1, options: [], memo: null }],
      });
      await h.ok('cash:sale', { orderId: order.orderId, received: order.amount });
    }
    const preparing = numbers((await h.ok('display:watch', { since: 0 })).view.board.preparing);
    expect(preparing).toHaveLength(500);
    expect([preparing[0], preparing.at(-1)]).toEqual([2, 501]);
    expect((await h.ok('bar:watch', { since: 0 })).tickets).toHaveLength(500);
  }, 120_000);

  it('a fully refunded order leaves the board; one refunded in part stays', async () => {
    const h = await withCore();
    const whole = await cashSale(h);
    const part = await h.ok('sale:create', {
      lines: [icedLargeLatte(), { productId: 'americano', quantity: 1, options: [], memo: null }],
    });
    const paidPart = await h.ok('cash:sale', { orderId: part.orderId, received: part.amount });
    await asManager(h);
    await h.ok('refund:create', { orderId: whole.orderId, request: { kind: 'full' }, reason: '고객 변심' });
    await h.ok('refund:create', {
      orderId: part.orderId,
      request: { kind: 'amount', amount: 1_000 },
      reason: '고객 변심',
    });
    expect(paidPart.callNumber).toBe(2);
    expect(numbers((await h.ok('bar:watch', { since: 0 })).board.preparing)).toEqual([2]);
  });

  it('a watching customer screen sees a fully refunded order leave at once', async () => {
    const h = await withCore();
    const paid = await cashSale(h);
    const { version, view } = await h.ok('display:watch', { since: 0 });
    expect(numbers(view.board.preparing)).toEqual([1]);
    const next = h.ok('display:watch', { since: version });
    await asManager(h);
    await h.ok('refund:create', { orderId: paid.orderId, request: { kind: 'full' }, reason: '고객 변심' });
    expect((await next).view.board).toEqual({ preparing: [], ready: [] });
  });

  it('refuses to call a number that is not being made', async () => {
    const h = await withCore();
    const paid = await cashSale(h);
    await asManager(h);
    await h.ok('refund:create', { orderId: paid.orderId, request: { kind: 'full' }, reason: '고객 변심' });
    expect((await h.fail('bar:ready', { orderId: paid.orderId })).code).toBe('ORDER_NOT_FOUND');
    const open = await h.ok('sale:create', { lines: [icedLargeLatte()] });
    expect((await h.fail('bar:ready', { orderId: open.orderId })).code).toBe('ORDER_NOT_FOUND');
  });

  it('keeps a ready number 10 minutes and at most the last 8', async () => {
    let now = new Date('2026-12-07T03:00:00Z');
    const h = await withCore({ now: () => now });
    const paid = [];
    for (let i = 0; i < 10; i += 1) paid.push(await cashSale(h));
    for (const order of paid) await h.ok('bar:ready', { orderId: order.orderId });
    expect(numbers((await h.ok('bar:watch', { since: 0 })).board.ready)).toEqual([10, 9, 8, 7, 6, 5, 4, 3]);

    now = new Date(now.getTime() + 10 * 60_000 + 1);
    expect((await h.ok('bar:watch', { since: 0 })).board).toEqual({ preparing: [], ready: [] });
  });

  it('survives a restart: what was ready is still ready, what was being made still is', async () => {
    const h = await withCore();
    const first = await cashSale(h);
    await cashSale(h);
    await h.ok('bar:ready', { orderId: first.orderId });
    const before = (await h.ok('bar:watch', { since: 0 })).board;
    await h.close();

    const again = await withCore({ dataDir: h.dataDir });
    const after = await again.ok('display:watch', { since: 0 });
    expect(after.view.board).toEqual(before);
    expect(numbers(after.view.board.preparing)).toEqual([2]);
    expect(numbers(after.view.board.ready)).toEqual([1]);
  });
});
