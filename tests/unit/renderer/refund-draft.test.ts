import { describe, expect, it } from 'vitest';
import { lineKeyOf } from '../../../shared/domain/cart-line';
import { emptyRefundDraft, readRefund } from '../../../renderer/src/features/history/refund-draft';
import { historyTexts } from '../../../renderer/src/features/history/history-strings';

describe('the refund dialog’s lines', () => {
  it('two lattes apart by their options are two lines: stepping up the iced one asks main for it alone', () => {
    const iced = lineKeyOf({
      productId: 'cafe-latte',
      options: [
        { optionId: 'ice', count: 1 },
        { optionId: 'size-l', count: 1 },
      ],
      memo: null,
    });
    const hot = lineKeyOf({ productId: 'cafe-latte', options: [{ optionId: 'hot', count: 1 }], memo: null });
    expect(iced).not.toBe(hot);
    const read = readRefund(
      { ...emptyRefundDraft, kind: 'lines', quantities: { [iced]: 1, [hot]: 0 }, preset: 0 },
      historyTexts.ko,
    );
    if (!('request' in read)) throw new Error(`refused: ${JSON.stringify(read.problems)}`);
    expect(read.request).toEqual({ kind: 'lines', lines: [{ lineKey: iced, quantity: 1 }] });
  });
});
