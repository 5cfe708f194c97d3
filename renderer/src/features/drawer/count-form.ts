import { DENOMINATIONS, MAX_PIECES, type Denomination, type DrawerCount } from '../../../../shared/domain/drawer';
import { parseWholeNumber } from '../../lib/whole-number';

/** What the cashier typed for each note and coin. */
export type CountTexts = Record<Denomination, string>;

export function blankCount(): CountTexts {
  return { 50000: '', 10000: '', 5000: '', 1000: '', 500: '', 100: '', 50: '', 10: '' };
}

/** How many pieces a field says: an empty field is none; NaN for anything but a whole number in range. */
export function piecesOf(text: string): number {
  if (text.trim() === '') return 0;
  const pieces = parseWholeNumber(text);
  return pieces <= MAX_PIECES ? pieces : Number.NaN;
}

/** The count the fields make, or the denominations whose field is not a whole number of pieces. */
export function readCount(texts: CountTexts): { count: DrawerCount } | { invalid: Denomination[] } {
  const invalid = DENOMINATIONS.filter((denomination) => Number.isNaN(piecesOf(texts[denomination])));
  if (invalid.length > 0) return { invalid };
  const count = Object.fromEntries(DENOMINATIONS.map((d) => [d, piecesOf(texts[d])])) as DrawerCount;
  return { count };
}

/** The total the fields come to so far, counting only the fields that read. */
export function runningTotal(texts: CountTexts): number {
  return DENOMINATIONS.reduce((sum, d) => {
    const pieces = piecesOf(texts[d]);
    return Number.isNaN(pieces) ? sum : sum + d * pieces;
  }, 0);
}
