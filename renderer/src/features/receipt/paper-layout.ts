import type { PaperWidth } from '../../../../shared/domain/receipt-print';

/** How a receipt sits on its paper roll. */
export interface PaperLayout {
  paperWidth: PaperWidth;
  /** Left and right: a thermal head prints 72 of 80 mm and 48 of 58 mm. */
  marginMm: number;
  fontSizePt: number;
  qrSizeMm: number;
  /** `columns`: name, quantity and amount side by side; `stacked`: the amount on a line of its own under the name. */
  items: 'columns' | 'stacked';
}

const LAYOUTS: Record<PaperWidth, PaperLayout> = {
  80: { paperWidth: 80, marginMm: 4, fontSizePt: 9, qrSizeMm: 28, items: 'columns' },
  // Three columns do not fit 48 mm at a readable size.
  58: { paperWidth: 58, marginMm: 5, fontSizePt: 8, qrSizeMm: 22, items: 'stacked' },
};

export function paperLayout(width: PaperWidth): PaperLayout {
  return LAYOUTS[width];
}

/** The printable width between the margins. */
export function contentWidthMm(layout: PaperLayout): number {
  return layout.paperWidth - 2 * layout.marginMm;
}
