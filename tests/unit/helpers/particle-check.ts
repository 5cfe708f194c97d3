import { josa, type Particle } from '../../../shared/i18n/josa';

/** Words ending with no 받침, with ㄹ, with another 받침, an amount in won, and numbers read each way. */
export const samples: Array<string | number> = [
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

/** What a placeholder filled with `sample` may look like in the text: as given, or grouped by thousands. */
function shownAs(sample: string | number): string[] {
  return typeof sample === 'number' ? [String(sample), sample.toLocaleString('ko-KR')] : [sample];
}

/** The particles in `text` right after `sample` that do not fit it (a doubled "을(를)" anywhere counts too). */
export function wrongParticles(text: string, sample: string | number): string[] {
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
