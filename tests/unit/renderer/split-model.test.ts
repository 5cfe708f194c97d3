import { describe, expect, it } from 'vitest';
import type { Order, PaymentPart } from '../../../shared/domain/order';
import { evenShare, readPartAmount, splitFigures } from '../../../renderer/src/features/split/split-model';
import { partLabel } from '../../../renderer/src/i18n/part-label';

/** A part as main keeps it: a card part for `amount` in the given state. */
function part(number: number, amount: number, status: PaymentPart['status'], method: PaymentPart['method'] = 'card') {
  return {
    part: number,
    method,
    amount,
    tossOrderId: method === 'card' ? `20261201-ABCDEFGHJKLM-p${number}` : null,
    status,
    payment: null,
    cash: null,
    openedAt: '2026-12-01T10:00:00+09:00',
    endedAt: null,
  } satisfies PaymentPart;
}

const order = (amount: number, parts: PaymentPart[] = []): Pick<Order, 'amount' | 'parts'> => ({ amount, parts });

describe('the split dialog’s figures', () => {
  it('what is left is the amount less the paid parts; a declined part took nothing', () => {
    expect(splitFigures(order(10_700))).toEqual({ total: 10_700, paid: 0, left: 10_700 });
    expect(splitFigures(order(10_700, [part(1, 5_350, 'PAID'), part(2, 5_350, 'FAILED')]))).toEqual({
      total: 10_700,
      paid: 5_350,
      left: 5_350,
    });
  });
});

describe('splitting evenly', () => {
  it('in 2: half now, then the rest', () => {
    expect(evenShare(order(10_700), 2)).toBe(5_350);
    expect(evenShare(order(10_700, [part(1, 5_350, 'PAID')]), 2)).toBe(5_350);
  });

  it('in 3 the remainder goes on the last share, and the shares add up to the amount exactly', () => {
    const first = evenShare(order(10_001), 3);
    const second = evenShare(order(10_001, [part(1, first, 'PAID')]), 3);
    const third = evenShare(order(10_001, [part(1, first, 'PAID'), part(2, second, 'PAID')]), 3);
    expect([first, second, third]).toEqual([3_333, 3_333, 3_335]);
  });

  it('a declined share is offered again at the same amount', () => {
    expect(evenShare(order(9_000, [part(1, 3_000, 'PAID'), part(2, 3_000, 'FAILED')]), 3)).toBe(3_000);
  });

  it('after an uneven part, what is left is split between those still to pay', () => {
    expect(evenShare(order(10_000, [part(1, 4_000, 'PAID')]), 3)).toBe(3_000);
    // More paid parts than the split: the rest, whatever it is.
    expect(evenShare(order(10_000, [part(1, 4_000, 'PAID'), part(2, 1_000, 'PAID')]), 2)).toBe(5_000);
  });
});

describe('the amount typed for the next part', () => {
  it('is read with or without thousands separators', () => {
    expect(readPartAmount('5,350', 10_700, 'card')).toEqual({ amount: 5_350 });
    expect(readPartAmount(' 5350 ', 10_700, 'cash')).toEqual({ amount: 5_350 });
  });

  it('is refused as main would refuse it: nothing, not a number, over what is left, a card under ₩100', () => {
    expect(readPartAmount('', 10_700, 'card')).toEqual({ problem: 'invalid' });
    expect(readPartAmount('0', 10_700, 'cash')).toEqual({ problem: 'invalid' });
    expect(readPartAmount('5천', 10_700, 'card')).toEqual({ problem: 'invalid' });
    expect(readPartAmount('10701', 10_700, 'cash')).toEqual({ problem: 'over-left' });
    expect(readPartAmount('99', 10_700, 'card')).toEqual({ problem: 'below-card-minimum' });
    // Cash has no minimum.
    expect(readPartAmount('99', 10_700, 'cash')).toEqual({ amount: 99 });
  });
});

describe('a part’s name', () => {
  it('a card by its number, the cash part (an order takes one) by its tender, in either language', () => {
    expect(partLabel(part(2, 100, 'PAID'), 'ko')).toBe('카드 2');
    expect(partLabel(part(2, 100, 'PAID'), 'en')).toBe('Card 2');
    expect(partLabel(part(3, 100, 'PAID', 'cash'), 'ko')).toBe('현금');
    expect(partLabel(part(3, 100, 'PAID', 'cash'), 'en')).toBe('Cash');
  });
});
