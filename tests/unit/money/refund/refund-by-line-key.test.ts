import { describe, expect, it } from 'vitest';
import { icedLargeLatte } from '../../../support/cart-lines';
import { lineKeyOf } from '../../../../shared/domain/cart-line';
import { asManager } from '../../helpers/coupons';
import { withCore } from '../../helpers/pos';
import { CARD, payWindow } from '../../helpers/toss-window';

describe('a refund by lines names each line by its key', () => {
  it('two lattes apart by their options are two lines: giving back the iced one refunds that one only', async () => {
    const h = await withCore();
    const order = await h.ok('sale:create', {
      lines: [
        icedLargeLatte(),
        {
          productId: 'cafe-latte',
          quantity: 1,
          options: [
            { optionId: 'hot', count: 1 },
            { optionId: 'size-r', count: 1 },
          ],
          memo: null,
        },
      ],
    });
    const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
    const paid = await h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
    const [iced, hot] = paid.lines.map(lineKeyOf);
    expect(iced).not.toBe(hot);

    await asManager(h);
    const refunded = await h.ok('refund:create', {
      orderId: paid.orderId,
      request: { kind: 'lines', lines: [{ lineKey: iced!, quantity: 1 }] },
      reason: '고객 변심',
    });
    expect(refunded.refunds[0]).toMatchObject({
      amount: 6_500,
      lines: expect.arrayContaining([{ lineKey: iced, quantity: 1, amount: 6_500 }]),
    });
  });
});
