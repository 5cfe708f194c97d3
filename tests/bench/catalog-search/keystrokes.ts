import { chosungOf } from '../../../shared/domain/catalog-search';
import { martBarcode } from '../../support/mart-catalog';

/**
 * What the search box holds after each key as the text is typed: a Hangul syllable shows as its
 * initial first and then as the syllable (what the input method shows), any other character at once.
 */
export function keystrokes(text: string): string[] {
  const states: string[] = [];
  let typed = '';
  for (const char of text) {
    const initial = chosungOf(char);
    if (initial !== char) states.push(typed + initial);
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
