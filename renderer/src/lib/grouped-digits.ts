/** Digits with thousands separators: "1234567" → "1,234,567"; anything but digits is dropped. */
export function groupDigits(text: string): string {
  return text.replace(/\D/g, '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * An amount field after a key: `typed` is what the field now holds with the caret at `caret`,
 * `before` what it held. Answers the digits and where the caret goes in their grouped text:
 * after the same digits as before the regrouping. A Backspace that took only a separator
 * takes the digit before it, as the cashier meant.
 */
export function typedAmount(typed: string, caret: number, before: string): { digits: string; caret: number } {
  let digits = typed.replace(/\D/g, '');
  let digitsBefore = typed.slice(0, caret).replace(/\D/g, '').length;
  const separatorOnly = digits === before.replace(/\D/g, '') && typed.length < groupDigits(before).length;
  if (separatorOnly && digitsBefore > 0) {
    digits = digits.slice(0, digitsBefore - 1) + digits.slice(digitsBefore);
    digitsBefore -= 1;
  }
  const grouped = groupDigits(digits);
  let position = 0;
  for (let seen = 0; position < grouped.length && seen < digitsBefore; position += 1)
    if (grouped[position] !== ',') seen += 1;
  return { digits, caret: position };
}
