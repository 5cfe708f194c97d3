import { describe, expect, it } from 'vitest';
import { customerScreenTexts } from '../../../renderer/src/features/settings/customer-screen-strings';

describe('the customer-screen setting’s monitor names', () => {
  it('read as number, size and side, in Korean and English', () => {
    const right = { number: 2, width: 1920, height: 1080, side: 'right' } as const;
    expect(customerScreenTexts.ko.label(right)).toBe('모니터 2 · 1920×1080 (오른쪽)');
    expect(customerScreenTexts.en.label(right)).toBe('Monitor 2 · 1920×1080 (right)');
    expect(customerScreenTexts.ko.label({ ...right, number: 1, side: 'primary' })).toBe(
      '모니터 1 · 1920×1080 (계산대 화면)',
    );
  });
});
