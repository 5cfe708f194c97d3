import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { posErrorCodes } from '../../../shared/domain/errors';
import { describeError } from '../../../shared/i18n/error-messages';
import { samples, wrongParticles } from '../helpers/particle-check';

describe('Korean particles after a placeholder', () => {
  it('the renderer walk (tests/unit/renderer/particles.test.ts) takes in every strings file', () => {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('-strings.ts') || name === 'strings.ts') files.push(name.replace(/\.ts$/, ''));
      }
    };
    walk('renderer/src');
    const walked = readFileSync('tests/unit/renderer/particles.test.ts', 'utf8');
    const missing = files.filter(
      (file) => file !== 'use-strings' && !new RegExp(`^ {2}'?${file}'?: `, 'm').test(walked),
    );
    expect(missing).toEqual([]);
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
          const details = new Proxy<Record<string, string | number>>(
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
