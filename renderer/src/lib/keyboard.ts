/** The text field a key event was typed into, if any. */
export function textFieldOf(target: EventTarget | null): HTMLInputElement | HTMLTextAreaElement | null {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target : null;
}

/** Keys pressed with a modifier, or mid-IME composition (Korean input), are never shortcuts. */
export function isPlainKey(event: KeyboardEvent): boolean {
  // keyCode 229 is what Chrome reports for keys the IME swallowed.
  const composing = event.isComposing || event.keyCode === 229;
  return !composing && !event.altKey && !event.ctrlKey && !event.metaKey;
}
