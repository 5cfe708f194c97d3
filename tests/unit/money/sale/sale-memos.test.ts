import { describe, expect, it } from 'vitest';
import { icedLargeLatte } from '../../../support/cart-lines';
import { withCore } from '../../helpers/pos';
import { CARD, payWindow } from '../../helpers/toss-window';

const LINE_MEMO = '얼음 적게';
const ORDER_MEMO = '5번 테이블';

/** A fetch for the core that passes every call on to Toss and keeps each body main sent. */
function recordTossBodies(): { bodies: string[]; fetch: typeof fetch } {
  const bodies: string[] = [];
  const recording: typeof fetch = (input, init) => {
    bodies.push(
      `${input instanceof Request ? input.url : String(input)} ${typeof init?.body === 'string' ? init.body : ''}`,
    );
    return fetch(input, init);
  };
  return { bodies, fetch: recording };
}

describe('memos', () => {
  it('are kept on the order with its options, and never reach Toss: its orderName, amount and calls are as without them', async () => {
    const sent = recordTossBodies();
    const h = await withCore({ fetch: sent.fetch });
    const order = await h.ok('sale:create', {
      lines: [icedLargeLatte(LINE_MEMO), { productId: 'croissant', quantity: 1, options: [], memo: null }],
      memo: ORDER_MEMO,
    });
    expect(order).toMatchObject({ orderName: '카페라테 외 1건', amount: 10_400 });
    const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
    const paid = await h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });

    expect(paid).toMatchObject({
      status: 'PAID',
      memo: ORDER_MEMO,
      lines: [
        {
          productId: 'cafe-latte',
          unitPrice: 6_500,
          memo: LINE_MEMO,
          options: [
            { optionId: 'ice', name: 'ICE', count: 1, unitPrice: 0 },
            { optionId: 'size-l', name: '라지', count: 1, unitPrice: 500 },
            { optionId: 'shot', name: '샷 추가', count: 2, unitPrice: 500 },
          ],
        },
        { productId: 'croissant', memo: null, options: [] },
      ],
    });
    expect(sent.bodies.some((body) => body.includes('/v1/payments/confirm'))).toBe(true);
    const seenByToss = JSON.stringify([sent.bodies, h.sim.requests(), h.sim.payments()]);
    for (const memo of [LINE_MEMO, ORDER_MEMO]) expect(seenByToss).not.toContain(memo);
    expect(h.sim.payments()).toEqual([expect.objectContaining({ orderName: '카페라테 외 1건', totalAmount: 10_400 })]);
  });
});
