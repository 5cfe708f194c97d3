/** How the windowed grid lays its tiles: columns that fit the width, rows of a fixed height. */
export interface TileLayout {
  columns: number;
  rowHeight: number;
  gap: number;
}

function pixels(style: Pick<CSSStyleDeclaration, 'getPropertyValue'>, property: string, fallback: number): number {
  const value = Number.parseFloat(style.getPropertyValue(property));
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/**
 * As many columns as tiles of `--tile-min` fit across `width` (less the grid's padding) with `--tile-gap` between them
 * (what CSS grid's auto-fill does for the café's grid), each row `--tile-row` tall.
 */
export function tileLayoutOf(width: number, style: Pick<CSSStyleDeclaration, 'getPropertyValue'>): TileLayout {
  const min = pixels(style, '--tile-min', 150);
  const gap = pixels(style, '--tile-gap', 12);
  const rowHeight = pixels(style, '--tile-row', 112);
  const inner = width - pixels(style, 'padding-left', 0) - pixels(style, 'padding-right', 0);
  return { columns: Math.max(1, Math.floor((inner + gap) / (min + gap))), rowHeight, gap };
}
