/**
 * A whole number as a manager types it ("12,000", " 30 "), or NaN for anything else; the
 * schema the form checks with then says whether it is in range.
 */
export function parseWholeNumber(text: string): number {
  const digits = text.trim().replaceAll(',', '');
  return /^\d{1,12}$/.test(digits) ? Number(digits) : Number.NaN;
}
