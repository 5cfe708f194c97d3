import { describe, expect, it } from 'vitest';
import { readStockField, stockShown } from '../../../renderer/src/features/catalog/stock-field';

describe('the product dialog’s stock field', () => {
  it('shows what is left now, and nothing for a product whose stock is not counted', () => {
    expect(stockShown({ stock: { count: 5, at: '2026-12-07T10:00:00+09:00' }, stockLeft: 3 })).toBe('3');
    expect(stockShown({ stock: { count: 2, at: '2026-12-07T10:00:00+09:00' }, stockLeft: 0 })).toBe('0');
    expect(stockShown({})).toBe('');
    expect(stockShown(null)).toBe('');
  });

  it('sends nothing when left as shown, so saving a name never recounts', () => {
    expect(readStockField('3', '3')).toBeUndefined();
    expect(readStockField('', '')).toBeUndefined();
  });

  it('sends a new count, null to stop counting, and refuses what is not a whole number in range', () => {
    expect(readStockField('1,200', '3')).toBe(1200);
    expect(readStockField('0', '')).toBe(0);
    expect(readStockField(' ', '3')).toBeNull();
    expect(readStockField('-1', '3')).toBe('invalid');
    expect(readStockField('2.5', '3')).toBe('invalid');
    expect(readStockField('1000001', '3')).toBe('invalid');
  });
});
