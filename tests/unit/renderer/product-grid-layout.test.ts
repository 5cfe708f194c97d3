import { describe, expect, it } from 'vitest';
import { tabStopsOf } from '../../../renderer/src/features/register/tab-stops';
import { tileLayoutOf } from '../../../renderer/src/features/register/tile-layout';

/** A stylesheet's computed values, as getComputedStyle gives them. */
const style = (values: Record<string, string>) => ({ getPropertyValue: (name: string) => values[name] ?? '' });

describe('the windowed grid lays tiles as the café grid does', () => {
  const wide = style({
    '--tile-min': '150px',
    '--tile-row': '112px',
    '--tile-gap': '12px',
    'padding-left': '2px',
    'padding-right': '2px',
  });

  it('fits as many columns as tiles of the least width with their gaps, within the padding', () => {
    // 5 × 150 + 4 × 12 = 798: five fit in 802 (798 inside the padding), four in 801.
    expect(tileLayoutOf(802, wide)).toEqual({ columns: 5, rowHeight: 112, gap: 12 });
    expect(tileLayoutOf(801, wide).columns).toBe(4);
  });

  it('takes the compact terminal’s sizes, and one column on a sliver', () => {
    const compact = style({ '--tile-min': '128px', '--tile-row': '84px', '--tile-gap': '8px' });
    expect(tileLayoutOf(700, compact)).toEqual({ columns: 5, rowHeight: 84, gap: 8 });
    expect(tileLayoutOf(40, compact).columns).toBe(1);
  });
});

describe('category tabs as Tab stops', () => {
  it('a café’s few tabs are each a stop, as before', () => {
    const stops = tabStopsOf(6, 2);
    expect([0, 1, 2, 3, 4, 5].map(stops)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('of a mart’s 201 only the chosen one (the first while a search chooses none)', () => {
    expect([0, 7, 8].map(tabStopsOf(201, 8))).toEqual([-1, -1, 0]);
    expect([0, 1].map(tabStopsOf(201, -1))).toEqual([0, -1]);
  });
});
