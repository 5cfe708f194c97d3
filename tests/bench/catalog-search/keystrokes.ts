import { martBarcode } from '../../support/mart-catalog';

/** A syllable's initial consonant, as a 2-set keyboard shows it before the vowel comes (해 → ㅎ). */
function initialOf(char: string): string {
  const code = char.charCodeAt(0) - 0xac00;
  if (code < 0 || code > 11_171) return char;
  return 'ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ'[Math.floor(code / 588)] as string;
}

/**
 * What the search box holds after each key as the text is typed: a Hangul syllable shows as its
 * initial first and then as the syllable (what the input method shows), any other character at once.
 */
export function keystrokes(text: string): string[] {
  const states: string[] = [];
  let typed = '';
  for (const char of text) {
    if (initialOf(char) !== char) states.push(typed + initialOf(char));
    typed += char;
    states.push(typed);
  }
  return states;
}

export interface BenchQuery {
  kind: 'name' | 'chosung' | 'code' | 'barcode';
  text: string;
}

/** What cashiers type at a mart of mart-catalog products (all exist at 50,000). */
export const QUERIES: BenchQuery[] = [
  { kind: 'name', text: '해담 우유 2345' },
  { kind: 'name', text: '초록 아메리카노' },
  { kind: 'name', text: 'Onnuri Milk 4321' },
  { kind: 'chosung', text: 'ㅇㅁㄹㅋㄴ' },
  { kind: 'chosung', text: 'ㅅㅂㄱㄹ' },
  { kind: 'code', text: 'mart-12345' },
  { kind: 'barcode', text: martBarcode(31_337) },
];
