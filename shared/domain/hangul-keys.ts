/**
 * A code typed with the keyboard left in 한글 mode arrives as 두벌식 jamo ("ㅁㅠㅊ") or as the
 * syllables the IME composed from them ("소" for t, h). Codes and barcodes are Latin, so each
 * jamo is read back as the key that typed it, as Korean POS and shopping sites do.
 */

/** The key under each jamo on the 두벌식 layout; the shifted jamo are the capitals. */
const KEY_OF_JAMO: Record<string, string> = {
  ㅁ: 'a',
  ㅠ: 'b',
  ㅊ: 'c',
  ㅇ: 'd',
  ㄷ: 'e',
  ㄹ: 'f',
  ㅎ: 'g',
  ㅗ: 'h',
  ㅑ: 'i',
  ㅓ: 'j',
  ㅏ: 'k',
  ㅣ: 'l',
  ㅡ: 'm',
  ㅜ: 'n',
  ㅐ: 'o',
  ㅔ: 'p',
  ㅂ: 'q',
  ㄱ: 'r',
  ㄴ: 's',
  ㅅ: 't',
  ㅕ: 'u',
  ㅍ: 'v',
  ㅈ: 'w',
  ㅌ: 'x',
  ㅛ: 'y',
  ㅋ: 'z',
  ㅃ: 'Q',
  ㅉ: 'W',
  ㄸ: 'E',
  ㄲ: 'R',
  ㅆ: 'T',
  ㅒ: 'O',
  ㅖ: 'P',
  // Jamo the IME builds from two keys.
  ㅘ: 'hk',
  ㅙ: 'ho',
  ㅚ: 'hl',
  ㅝ: 'nj',
  ㅞ: 'np',
  ㅟ: 'nl',
  ㅢ: 'ml',
  ㄳ: 'rt',
  ㄵ: 'sw',
  ㄶ: 'sg',
  ㄺ: 'fr',
  ㄻ: 'fa',
  ㄼ: 'fq',
  ㄽ: 'ft',
  ㄾ: 'fx',
  ㄿ: 'fv',
  ㅀ: 'fg',
  ㅄ: 'qt',
};

// The order Unicode composes syllables in: 가 = U+AC00, then (initial × 21 + medial) × 28 + final.
const INITIALS = 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ';
const MEDIALS = 'ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ';
const FINALS = ['', ...'ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ'];
const FIRST_SYLLABLE = 0xac00;
const LAST_SYLLABLE = 0xd7a3;

/** A composed syllable as the jamo typed for it (소 → ㅅㅗ); any other character as it is. */
function jamoOf(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  if (code < FIRST_SYLLABLE || code > LAST_SYLLABLE) return char;
  const index = code - FIRST_SYLLABLE;
  const initial = INITIALS[Math.floor(index / (21 * 28))] ?? '';
  const medial = MEDIALS[Math.floor(index / 28) % 21] ?? '';
  return initial + medial + (FINALS[index % 28] ?? '');
}

/** What was typed, read as the Latin keys pressed: "ㅁㅠ소-12" → "abth-12". Latin, digits and marks pass through. */
export function latinFromHangulKeys(typed: string): string {
  let out = '';
  for (const char of typed) for (const jamo of jamoOf(char)) out += KEY_OF_JAMO[jamo] ?? jamo;
  return out;
}
