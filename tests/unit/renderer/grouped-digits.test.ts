import { describe, expect, it } from 'vitest';
import { groupDigits, typedAmount } from '../../../renderer/src/lib/grouped-digits';

describe('an amount typed with its thousands separators', () => {
  it('groups the digits by three as they come', () => {
    expect(groupDigits('')).toBe('');
    expect(groupDigits('500')).toBe('500');
    expect(groupDigits('5000')).toBe('5,000');
    expect(groupDigits('1234567')).toBe('1,234,567');
    expect(groupDigits('12,3a45')).toBe('12,345');
  });

  it('keeps the caret after the digit just typed, at the end or in the middle', () => {
    // "1,200" then 0 at the end: "1,2000" regrouped is "12,000", caret at the end.
    expect(typedAmount('1,2000', 6, '1200')).toEqual({ digits: '12000', caret: 6 });
    // "1|,000" then 5: "15,000" with the caret after the 5.
    expect(typedAmount('15,000', 2, '1000')).toEqual({ digits: '15000', caret: 2 });
    // "12,|000" then 9 after the separator: "129,000", caret after the 9.
    expect(typedAmount('12,9000', 4, '12000')).toEqual({ digits: '129000', caret: 3 });
  });

  it('a Backspace that took only a separator takes the digit before it', () => {
    expect(typedAmount('12000', 2, '12000')).toEqual({ digits: '1000', caret: 1 });
  });

  it('a Backspace on a digit leaves the rest regrouped', () => {
    expect(typedAmount('1,00', 3, '1000')).toEqual({ digits: '100', caret: 2 });
  });
});
