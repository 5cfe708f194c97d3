/**
 * Korean particles that change with the word before them: 을/를, 은/는, 이/가, 과/와 by
 * whether its last syllable has a 받침, 으로/로 also by whether that 받침 is ㄹ (서울로, 집으로).
 * A number is judged as it is read aloud ("3" 삼 → 을, "10" 십 → 을, "2" 이 → 를), and an
 * amount in won ends in 원.
 */
export type Particle = '을/를' | '은/는' | '이/가' | '과/와' | '으로/로';

type Ending = 'none' | 'rieul' | 'other';

const FIRST_SYLLABLE = 0xac00;
const LAST_SYLLABLE = 0xd7a3;
const RIEUL = 8;

/** The ending of a digit read in Sino-Korean: 영 일 이 삼 사 오 육 칠 팔 구. */
const DIGIT_ENDINGS: Ending[] = ['other', 'rieul', 'none', 'other', 'none', 'none', 'other', 'rieul', 'rieul', 'none'];

/** A number's ending as read: its last non-zero digit, or the unit its zeros make (십 백 천 만 억 조). */
function numberEnding(digits: string): Ending {
  const zeros = digits.length - digits.replace(/0+$/, '').length;
  if (zeros === 0 || zeros === digits.length) return DIGIT_ENDINGS[Number(digits.at(-1))] ?? 'other';
  // 십 백 천 만 억 all end in a consonant other than ㄹ; 조 in none.
  return zeros >= 12 ? 'none' : 'other';
}

/** Latin letters as Koreans read them: 엘 ends in ㄹ, 엠 엔 in another 받침, the rest (에이, 비 …) in none. */
function letterEnding(letter: string): Ending {
  const lower = letter.toLowerCase();
  if (lower === 'l' || lower === 'r') return 'rieul';
  return lower === 'm' || lower === 'n' ? 'other' : 'none';
}

function endingOf(word: string): Ending {
  // Closing brackets, quotes and spaces are not read: "라떼 (ICE)" ends on E.
  const trimmed = word.replace(/[\s)\]}'"’”」』.]+$/u, '');
  const digits = /[\d,]+$/.exec(trimmed)?.[0].replaceAll(',', '') ?? '';
  if (digits !== '') return numberEnding(digits);
  const last = trimmed.at(-1) ?? '';
  const code = last.codePointAt(0) ?? 0;
  if (code >= FIRST_SYLLABLE && code <= LAST_SYLLABLE) {
    const final = (code - FIRST_SYLLABLE) % 28;
    return final === 0 ? 'none' : final === RIEUL ? 'rieul' : 'other';
  }
  return /[a-z]/i.test(last) ? letterEnding(last) : 'none';
}

/** The word with the particle that fits it: josa('12,345원', '을/를') → "12,345원을". */
export function josa(word: string, particle: Particle): string {
  const ending = endingOf(word);
  const [afterConsonant, afterVowel] = particle.split('/') as [string, string];
  if (particle === '으로/로') return word + (ending === 'other' ? afterConsonant : afterVowel);
  return word + (ending === 'none' ? afterVowel : afterConsonant);
}
