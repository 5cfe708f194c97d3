/** A text's JSON value, or null when it is not JSON (a torn or damaged line the caller reads past). */
export function jsonOrNull(text: string | null): unknown {
  // Stryker disable next-line ConditionalExpression: JSON.parse(null) is null too
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
