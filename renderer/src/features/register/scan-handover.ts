/**
 * A scan read while the receipt is still shown belongs to the next sale: the receipt screen
 * starts it and hands the code over, and the register rings it up as it opens.
 */
let waiting: string | null = null;
let taker: ((code: string) => void) | null = null;

export function scanForNextSale(code: string): void {
  if (taker === null) waiting = code;
  else taker(code);
}

/** The register takes handed-over scans from now on, one left waiting first; returns the way to stop. */
export function takeScansForNextSale(take: (code: string) => void): () => void {
  taker = take;
  const code = waiting;
  waiting = null;
  if (code !== null) take(code);
  return () => {
    if (taker === take) taker = null;
  };
}
