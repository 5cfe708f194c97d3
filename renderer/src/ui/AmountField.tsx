import { useLayoutEffect, useRef, type ComponentProps } from 'react';
import { groupDigits, typedAmount } from '../lib/grouped-digits';
import { TextField } from './TextField';

/**
 * A won amount typed with its thousands separators shown as it grows ("12,000"); `value` and
 * `onChange` carry the digits alone. The caret stays after the digit just typed.
 */
export function AmountField({ value, onChange, ...field }: ComponentProps<typeof TextField>) {
  const input = useRef<HTMLInputElement>(null);
  const caret = useRef<number | null>(null);
  const shown = groupDigits(value);

  useLayoutEffect(() => {
    if (caret.current === null || input.current === null) return;
    input.current.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });

  return (
    <TextField
      {...field}
      ref={input}
      value={shown}
      onChange={(typed) => {
        const next = typedAmount(typed, input.current?.selectionStart ?? typed.length, shown);
        caret.current = next.caret;
        onChange(next.digits);
      }}
    />
  );
}
