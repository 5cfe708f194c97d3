import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { posErrorCodes } from '../../../shared/domain/errors';
import { describeError } from '../../../shared/i18n/error-messages';
import { josa, type Particle } from '../../../shared/i18n/josa';
import { strings } from '../../../renderer/src/i18n/strings';
import { catalogTexts } from '../../../renderer/src/features/catalog/catalog-strings';
import { receiptTexts } from '../../../renderer/src/features/receipt/receipt-strings';
import { settlementTexts } from '../../../renderer/src/features/settlements/settlement-strings';
import { historyTexts } from '../../../renderer/src/features/history/history-strings';
import { cashPaymentTexts } from '../../../renderer/src/features/history/cash-payment-strings';
import { heldTexts } from '../../../renderer/src/features/held/held-strings';
import { splitTexts } from '../../../renderer/src/features/split/split-strings';
import { dayCloseTexts } from '../../../renderer/src/features/day-close/day-close-strings';
import { optionTexts } from '../../../renderer/src/features/register/option-strings';
import { discountTexts } from '../../../renderer/src/features/register/discount-strings';
import { settingsTexts } from '../../../renderer/src/features/settings/settings-strings';
import { staffTexts } from '../../../renderer/src/features/staff/staff-strings';
import { cashTexts } from '../../../renderer/src/features/checkout/cash-strings';
import { phaseTexts } from '../../../renderer/src/features/checkout/checkout-strings';
import { couponsTexts } from '../../../renderer/src/features/coupons/coupons-strings';

/** The Korean table of every `*-strings.ts` (and the shell's own): the walk below must not miss a new one. */
const tables: Record<string, unknown> = {
  strings: strings.ko,
  'catalog-strings': catalogTexts.ko,
  'receipt-strings': receiptTexts.ko,
  'settlement-strings': settlementTexts.ko,
  'history-strings': historyTexts.ko,
  'cash-payment-strings': cashPaymentTexts.ko,
  'held-strings': heldTexts.ko,
  'split-strings': splitTexts.ko,
  'day-close-strings': dayCloseTexts.ko,
  'option-strings': optionTexts.ko,
  'discount-strings': discountTexts.ko,
  'settings-strings': settingsTexts.ko,
  'staff-strings': staffTexts.ko,
  'cash-strings': cashTexts.ko,
  'checkout-strings': phaseTexts.ko,
  'coupons-strings': couponsTexts.ko,
};

/** Words ending with no 받침, with ㄹ, with another 받침, an amount in won, and numbers read each way. */
const samples: Array<string | number> = [
  '아메리카노',
  '서울',
  '크루아상',
  '12,345원',
  '5,800원',
  1_234_562,
  1_234_567,
  1_234_563,
];
const particles: Particle[] = ['을/를', '은/는', '이/가', '과/와', '으로/로'];
const doubled = /\((을|를|은|는|이|가|과|와|으)\)/;

/** Every function in a table, with its path; texts without a placeholder have nothing to check. */
function functionsOf(value: unknown, path: string): Array<[string, (...args: unknown[]) => unknown]> {
  if (typeof value === 'function') return [[path, value as (...args: unknown[]) => unknown]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) => functionsOf(item, `${path}.${key}`));
}

/** What a placeholder filled with `sample` may look like in the text: as given, or grouped by thousands. */
function shownAs(sample: string | number): string[] {
  return typeof sample === 'number' ? [String(sample), sample.toLocaleString('ko-KR')] : [sample];
}

/** The particles in `text` right after `sample` that do not fit it (a doubled "을(를)" anywhere counts too). */
function wrongParticles(text: string, sample: string | number): string[] {
  const wrong = doubled.test(text) ? [text] : [];
  for (const shown of shownAs(sample)) {
    for (let at = text.indexOf(shown); at >= 0; at = text.indexOf(shown, at + 1)) {
      const after = text.slice(at + shown.length);
      const particle = /^(을|를|은|는|이|가|과|와|으로|로)(?![가-힣])/.exec(after)?.[1];
      if (particle === undefined) continue;
      const pair = particles.find((p) => p.split('/').includes(particle));
      if (pair !== undefined && josa(shown, pair) !== shown + particle) wrong.push(text);
    }
  }
  return wrong;
}

/** Renders a text with every argument the same sample; one that needs another kind of argument is tried with the next sample. */
function render(fn: (...args: unknown[]) => unknown, sample: string | number): string | null {
  try {
    const out = fn(...Array.from({ length: Math.max(fn.length, 1) }, () => sample));
    return typeof out === 'string' ? out : null;
  } catch {
    return null;
  }
}

describe('Korean particles after a placeholder', () => {
  it('every strings file of the renderer is walked', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('-strings.ts') || name === 'strings.ts') files.push(name.replace(/\.ts$/, ''));
      }
    };
    walk('renderer/src');
    expect(files.filter((file) => file !== 'use-strings').sort()).toEqual(Object.keys(tables).sort());
  });

  it('fit the word before them in every text of every strings file, with or without 받침', () => {
    const wrong: string[] = [];
    let rendered = 0;
    for (const [file, table] of Object.entries(tables)) {
      for (const [path, fn] of functionsOf(table, file)) {
        for (const sample of samples) {
          const text = render(fn, sample);
          if (text === null) continue;
          rendered += 1;
          wrong.push(...wrongParticles(text, sample).map((t) => `${path}: ${t}`));
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(rendered).toBeGreaterThan(500);
  });

  it('fit the word before them in every error sentence main sends with details', () => {
    const wrong: string[] = [];
    const reasons = [
      ...readFileSync('shared/i18n/catalog-conflict-messages.ts', 'utf8').matchAll(/^ {2}'([a-z-]+)': \{/gm),
    ].map((match) => match[1] ?? '');
    expect(reasons.length).toBeGreaterThan(3);
    for (const code of posErrorCodes) {
      for (const sample of samples) {
        for (const reason of ['too-few', 'sold-out', ...reasons]) {
          // Every detail holds the sample, a number where a sentence wants a number.
          const details = new Proxy<Record<string, unknown>>(
            {},
            {
              get: (_, key) => (key === 'reason' ? reason : sample),
              has: () => true,
              ownKeys: () => ['reason', 'group', 'option', 'product', 'min', 'max'],
              getOwnPropertyDescriptor: () => ({ enumerable: true, configurable: true }),
            },
          );
          let text: string;
          try {
            text = describeError({ code, details }, 'ko');
          } catch {
            continue;
          }
          wrong.push(...wrongParticles(text, sample).map((t) => `${code}/${reason}: ${t}`));
        }
      }
    }
    expect([...new Set(wrong)]).toEqual([]);
  });
});
