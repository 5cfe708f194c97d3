import { describe, expect, it } from 'vitest';
import { codeShape, normalizeCode } from '../../../../shared/domain/coupon-code';
import { latinFromHangulKeys } from '../../../../shared/domain/hangul-keys';

describe('a code typed with the keyboard in 한글 mode', () => {
  it('reads every 두벌식 jamo as the key under it, the shifted ones as capitals', () => {
    expect(latinFromHangulKeys('ㅁㅠㅊㅇㄷㄹㅎㅗㅑㅓㅏㅣㅡㅜㅐㅔㅂㄱㄴㅅㅕㅍㅈㅌㅛㅋ')).toBe(
      'abcdefghijklmnopqrstuvwxyz',
    );
    expect(latinFromHangulKeys('ㅃㅉㄸㄲㅆㅒㅖ')).toBe('QWERTOP');
  });

  it('takes syllables the IME composed apart into the keys that made them', () => {
    expect(latinFromHangulKeys('소')).toBe('th');
    expect(latinFromHangulKeys('닭')).toBe('ekfr');
    expect(latinFromHangulKeys('뭐')).toBe('anj');
    expect(latinFromHangulKeys('ㅘ')).toBe('hk');
  });

  it('leaves Latin letters, digits, dashes and spaces as they are', () => {
    expect(latinFromHangulKeys('ABCD-2345 xy')).toBe('ABCD-2345 xy');
    expect(latinFromHangulKeys('8801234000017')).toBe('8801234000017');
  });

  it('gives the coupon code back: the same code typed in either mode is the same coupon', () => {
    const code = 'AUNE64FD7K2M';
    const typedInHangul = 'ㅁㅕㅜㄷ-64ㄹㅇ-7ㅏ2ㅡ';
    expect(normalizeCode(typedInHangul)).toBe(normalizeCode('aune-64fd-7k2m'));
    expect(normalizeCode(typedInHangul)).toBe(code);
    // Composed as the IME shows it while typing: 며 is ㅁ+ㅕ, 둘 is ㄷ+ㅜ+ㄹ.
    expect(normalizeCode('며ㅜㄷ64ㄹㅇ7ㅏ2ㅡ')).toBe(code);
    expect(codeShape(normalizeCode('ㅁ'))).toBe('mistyped');
  });
});
