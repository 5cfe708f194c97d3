import type { PaperWidth, ReceiptPage } from '../../../../shared/domain/receipt-print';

const CSS_PX_PER_MM = 96 / 25.4;
/** A little paper past the last line, so a rounding never spills one line onto a second page. */
const SLACK_MM = 3;
/** Shorter than this, a receipt printer's cutter leaves a stub too short to hand over. */
const MIN_HEIGHT_MM = 40;
const MAX_HEIGHT_MM = 5_000;

/** One page exactly as long as the receipt laid out at `heightPx` (CSS pixels). */
export function pageFor(widthMm: PaperWidth, heightPx: number): ReceiptPage {
  const heightMm = Math.ceil(heightPx / CSS_PX_PER_MM) + SLACK_MM;
  return { widthMm, heightMm: Math.min(MAX_HEIGHT_MM, Math.max(MIN_HEIGHT_MM, heightMm)) };
}

/** The `@page` rule that prints the receipt on its own paper with no margins (the receipt has its own). */
export function pageRule(page: ReceiptPage): string {
  return `@page { size: ${page.widthMm}mm ${page.heightMm}mm; margin: 0; }`;
}
