import { describe, expect, it } from 'vitest';
import { posErrorCodes, type PosErrorCode, type PosErrorData } from '../../../shared/domain/errors';
import { describeError, describeSdkError, type Locale } from '../../../shared/i18n/error-messages';
import { describeProblem } from '../../../renderer/src/features/checkout/describe-problem';
import type { Problem } from '../../../renderer/src/features/checkout/checkout-store';
import { strings } from '../../../renderer/src/i18n/strings';

const locales: Locale[] = ['ko', 'en'];
const hangul = /[\uac00-\ud7a3]/;

function mainError(code: PosErrorCode, tossCode?: string): Problem {
  const error: PosErrorData = {
    code,
    message: `detail for ${code}`,
    retryable: false,
    ...(tossCode === undefined ? {} : { tossCode }),
  };
  return { source: 'main', error };
}

function windowError(code: string | null): Problem {
  return { source: 'window', code, detail: 'raw SDK message' };
}

const show = (problem: Problem, locale: Locale) => describeProblem(problem, locale, strings[locale]);

describe('every error main can send has a sentence in both languages', () => {
  it.each(posErrorCodes)('%s', (code) => {
    const ko = show(mainError(code), 'ko');
    const en = show(mainError(code), 'en');
    expect(typeof ko).toBe('string');
    expect(typeof en).toBe('string');
    expect(ko.trim()).not.toBe('');
    expect(en.trim()).not.toBe('');
    expect(ko).toMatch(hangul);
    expect(en).not.toMatch(hangul);
    // The cashier reads a sentence, not the developer detail.
    expect(ko).not.toContain(`detail for ${code}`);
    expect(en).not.toContain(`detail for ${code}`);
  });

  it('no two codes share a sentence where the cashier must act differently', () => {
    const en = new Map<string, PosErrorCode[]>();
    for (const code of posErrorCodes) {
      const text = describeError({ code }, 'en');
      en.set(text, [...(en.get(text) ?? []), code]);
    }
    const shared = [...en.values()].filter((codes) => codes.length > 1);
    expect(shared).toEqual([]);
  });
});

describe('Toss’s own reasons come first', () => {
  it.each([
    ['REJECT_CARD_COMPANY', '카드사', 'card company declined'],
    ['REJECT_CARD_PAYMENT', '한도', 'limit'],
    ['INVALID_CARD_EXPIRATION', '유효기간', 'expiry'],
    ['NOT_FOUND_PAYMENT_SESSION', '만료', 'expired'],
    ['USER_CANCEL', '결제창을 닫았습니다', 'closed the payment window'],
  ])('main error with tossCode %s gives the specific message', (tossCode, ko, en) => {
    const problem = mainError('PAYMENT_DECLINED', tossCode);
    expect(show(problem, 'ko')).toContain(ko);
    expect(show(problem, 'en')).toContain(en);
    expect(show(problem, 'en')).not.toBe(describeError({ code: 'PAYMENT_DECLINED' }, 'en'));
  });

  it('a tossCode we have no words for falls back to our code’s sentence', () => {
    for (const locale of locales) {
      expect(show(mainError('PAYMENT_DECLINED', 'SOME_NEW_TOSS_CODE'), locale)).toBe(
        describeError({ code: 'PAYMENT_DECLINED' }, locale),
      );
    }
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'a tossCode named like an Object property (%s) still gives a sentence, not undefined',
    (tossCode) => {
      for (const locale of locales) {
        expect(show(mainError('PAYMENT_DECLINED', tossCode), locale)).toBe(
          describeError({ code: 'PAYMENT_DECLINED' }, locale),
        );
      }
    },
  );
});

describe('errors the payment window (Toss SDK) reports', () => {
  it.each([
    ['USER_CANCEL', '고객이 결제창을 닫았습니다', 'customer closed the payment window'],
    ['PAY_PROCESS_CANCELED', '고객이 결제를 취소했습니다', 'customer cancelled'],
    ['REJECT_CARD_COMPANY', '카드사에서 결제를 거절했습니다', 'card company declined'],
    ['NOT_FOUND_PAYMENT_SESSION', '결제 시간이 만료되었습니다', 'session expired'],
  ])('%s gives the specific message', (code, ko, en) => {
    expect(show(windowError(code), 'ko')).toContain(ko);
    expect(show(windowError(code), 'en')).toContain(en);
    expect(describeSdkError(code, 'ko')).toBe(show(windowError(code), 'ko'));
  });

  it('an SDK code we do not know falls back to a generic sentence, without the code', () => {
    const ko = show(windowError('BRAND_NEW_SDK_ERROR'), 'ko');
    const en = show(windowError('BRAND_NEW_SDK_ERROR'), 'en');
    expect(ko).not.toContain('BRAND_NEW_SDK_ERROR');
    expect(en).not.toContain('BRAND_NEW_SDK_ERROR');
    expect(ko).toMatch(hangul);
    expect(en).toMatch(/payment window/i);
    expect(describeSdkError('BRAND_NEW_SDK_ERROR', 'en')).toBeUndefined();
  });

  it('a failure without any code (SDK did not load) says the window could not open, in both languages', () => {
    expect(show(windowError(null), 'ko')).toBe(strings.ko.windowFailed(null));
    expect(show(windowError(null), 'en')).toBe(strings.en.windowFailed(null));
    expect(show(windowError(null), 'en')).toMatch(/could not open/);
    expect(show(windowError(null), 'ko')).toMatch(hangul);
    expect(show(windowError(null), 'en')).not.toContain('null');
  });

  it('an SDK code named like an Object property falls back to the generic sentence', () => {
    for (const code of ['constructor', 'toString', '__proto__']) {
      expect(show(windowError(code), 'en')).toBe(strings.en.windowFailed(code));
    }
  });
});
