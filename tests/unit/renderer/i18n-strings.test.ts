import { phaseTexts } from '../../../renderer/src/features/checkout/checkout-strings';
import { catalogTexts } from '../../../renderer/src/features/catalog/catalog-strings';
import { couponsTexts } from '../../../renderer/src/features/coupons/coupons-strings';
import { discountTexts } from '../../../renderer/src/features/register/discount-strings';
import { drawerTexts } from '../../../renderer/src/features/drawer/drawer-strings';
import { heldTexts } from '../../../renderer/src/features/held/held-strings';
import { optionTexts } from '../../../renderer/src/features/register/option-strings';
import { historyTexts } from '../../../renderer/src/features/history/history-strings';
import { receiptTexts } from '../../../renderer/src/features/receipt/receipt-strings';
import { splitTexts } from '../../../renderer/src/features/split/split-strings';
import { settingsTexts } from '../../../renderer/src/features/settings/settings-strings';
import { customerScreenTexts } from '../../../renderer/src/features/settings/customer-screen-strings';
import { staffTexts } from '../../../renderer/src/features/staff/staff-strings';
import { describe, expect, it } from 'vitest';
import { strings } from '../../../renderer/src/i18n/strings';
import { formatDateTime } from '../../../renderer/src/i18n/format';
import type { Phase } from '../../../renderer/src/features/checkout/phase';

const hangul = /[\uac00-\ud7a3]/;
const phases: Phase[] = ['idle', 'creating-order', 'opening-part', 'awaiting-window', 'confirming', 'paid'];

/** Every leaf of a strings table as path → value; functions are called with a sample argument. */
function leaves(value: unknown, path = ''): Array<[string, unknown]> {
  if (typeof value === 'function') {
    const sample = path.endsWith('windowFailed') ? 'SAMPLE_CODE' : 3;
    return [[`${path}()`, (value as (arg: unknown) => unknown)(sample)]];
  }
  if (Array.isArray(value)) return value.flatMap((item, index) => leaves(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, path === '' ? key : `${path}.${key}`));
  }
  return [[path, value]];
}

describe('Korean and English UI texts', () => {
  const ko = leaves(strings.ko);
  const en = leaves(strings.en);

  it('have exactly the same keys, nested ones and list entries included', () => {
    expect(en.map(([path]) => path)).toEqual(ko.map(([path]) => path));
    expect(Object.keys(strings.en).sort()).toEqual(Object.keys(strings.ko).sort());
  });

  it('have no empty text anywhere', () => {
    const empty = [
      ...ko.map(([path, text]) => `ko.${path}=${String(text)}`),
      ...en.map(([path, text]) => `en.${path}=${String(text)}`),
    ].filter((entry) => /=\s*$/.test(entry));
    expect(empty).toEqual([]);
    for (const [, text] of [...ko, ...en]) expect(typeof text).toBe('string');
  });

  it('put the same type of value under each key (a function stays a function)', () => {
    for (const key of Object.keys(strings.ko) as Array<keyof typeof strings.ko>) {
      expect(typeof strings.en[key], key).toBe(typeof strings.ko[key]);
      expect(Array.isArray(strings.en[key]), key).toBe(Array.isArray(strings.ko[key]));
    }
  });

  it('name every pay phase in the status bar', () => {
    for (const phase of phases) {
      expect(phaseTexts.ko[phase]).toMatch(hangul);
      expect(phaseTexts.en[phase]).not.toMatch(hangul);
      expect(phaseTexts.en[phase].trim()).not.toBe('');
    }
    expect(Object.keys(phaseTexts.ko).sort()).toEqual([...phases].sort());
  });

  it.each([
    ['staff', staffTexts],
    ['settings', settingsTexts],
    ['customer screen setting', customerScreenTexts],
    ['catalog', catalogTexts],
    ['coupons', couponsTexts],
    ['discount', discountTexts],
    ['held', heldTexts],
    ['cash drawer', drawerTexts],
    ['option picker and memo', optionTexts],
    ['history', historyTexts],
    ['receipt', receiptTexts],
    ['split payment', splitTexts],
  ] as const)(
    'the %s screen says everything in both languages, Korean in Korean and English without Hangul',
    (_name, table) => {
      const koTable = table.ko as Record<string, unknown>;
      const enTable = table.en as Record<string, unknown>;
      expect(Object.keys(enTable).sort()).toEqual(Object.keys(koTable).sort());
      const sample = (value: unknown): string =>
        typeof value === 'function'
          ? String((value as (...a: unknown[]) => unknown)('X', 'Y', 'Z'))
          : typeof value === 'string'
            ? value
            : JSON.stringify(value);
      for (const key of Object.keys(koTable)) {
        expect(typeof enTable[key], key).toBe(typeof koTable[key]);
        expect(sample(enTable[key]), key).not.toMatch(hangul);
      }
      const korean = Object.keys(koTable).filter((key) => hangul.test(sample(koTable[key])));
      expect(korean.length).toBeGreaterThan(Object.keys(koTable).length * 0.8);
    },
  );

  it('the Korean table is Korean and the English table is not (the toggle labels aside)', () => {
    const koreanPaths = ko.filter(([, text]) => typeof text === 'string' && hangul.test(text)).map(([path]) => path);
    const englishWithHangul = en
      .filter(([, text]) => typeof text === 'string' && hangul.test(text))
      .map(([path]) => path);
    expect(koreanPaths.length).toBeGreaterThan(ko.length / 2);
    // Only the language switch is written in the other language, so a reader of either can find it.
    expect(englishWithHangul).toEqual(['langToggleLabel']);
    expect(strings.ko.langToggleLabel).not.toMatch(hangul);
  });

  it('counts and months read naturally', () => {
    expect(strings.ko.cartCount(3)).toBe('3개');
    expect(strings.en.cartCount(1)).toBe('1 item');
    expect(strings.en.cartCount(2)).toBe('2 items');
    expect(strings.en.cartCount(0)).toBe('0 items');
    expect(strings.ko.months(3)).toBe('3개월');
    expect(strings.en.months(3)).toBe('3 months');
  });

  it('the window-failure text never shows Toss’s code, and says whether the window opened at all', () => {
    for (const text of [strings.ko, strings.en]) {
      expect(text.windowFailed('PAY_PROCESS_ABORTED')).not.toContain('PAY_PROCESS_ABORTED');
      expect(text.windowFailed(null)).not.toContain('null');
      expect(text.windowFailed(null)).not.toBe(text.windowFailed('X'));
    }
  });

  it('both hint bars list the same keys in the same order', () => {
    expect(strings.en.registerHints.map(([keys]) => keys)).toEqual(strings.ko.registerHints.map(([keys]) => keys));
    expect(strings.en.receiptHints.map(([keys]) => keys)).toEqual(strings.ko.receiptHints.map(([keys]) => keys));
  });
});

describe('approval time on the receipt', () => {
  it('shows a Toss timestamp in Seoul time, whatever zone the PC is set to', () => {
    // 06:04:05 UTC is 15:04:05 in Seoul.
    expect(formatDateTime('2024-01-02T06:04:05Z', 'en')).toContain('15:04:05');
    expect(formatDateTime('2024-01-02T15:04:05+09:00', 'en')).toContain('15:04:05');
    expect(formatDateTime('2024-01-02T15:04:05+09:00', 'en')).toContain('2024');
  });

  it('in Korean, year first and on a 12-hour clock (the day-period word depends on the ICU data: 오후 in Chromium)', () => {
    const ko = formatDateTime('2024-01-02T15:04:05+09:00', 'ko');
    expect(ko).toMatch(/^2024\. 1\. 2\./);
    expect(ko).toMatch(/(오후|PM) 3:04:05/);
  });

  it('crossing midnight in Seoul moves the date', () => {
    // 2024-01-02 16:30 UTC is 2024-01-03 01:30 in Seoul.
    expect(formatDateTime('2024-01-02T16:30:00Z', 'en')).toMatch(/3 Jan 2024/);
  });

  it('shows the raw text when the timestamp does not parse, rather than "Invalid Date"', () => {
    expect(formatDateTime('not a time', 'en')).toBe('not a time');
    expect(formatDateTime('', 'ko')).toBe('');
  });
});
