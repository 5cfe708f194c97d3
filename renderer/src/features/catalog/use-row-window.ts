import { useVirtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useState, type RefObject } from 'react';

/** Up to this many rows the table holds them all; more (a mart's catalog) and only those in sight are on the page. */
const ALL_ROWS_UP_TO = 240;
const ROW_ESTIMATE = 57;

export interface RowWindow {
  /** Indexes of the rows on the page, in order. */
  indexes: number[];
  /** Space standing for the rows left out above and below, in pixels. */
  before: number;
  after: number;
  /** For each row on the page (with its `data-index`): its real height is measured. */
  measure: (row: HTMLTableRowElement | null) => void;
}

/**
 * The rows of a long table in a scrolling manager screen: those in sight and a few either side,
 * spacers for the rest, so scrolling past 50,000 products stays a screenful of work.
 */
export function useRowWindow(count: number, body: RefObject<HTMLTableSectionElement | null>): RowWindow {
  const windowed = count > ALL_ROWS_UP_TO;
  const [margin, setMargin] = useState(0);
  const scroller = () => body.current?.closest<HTMLElement>('.manager-screen') ?? null;

  useLayoutEffect(() => {
    const element = body.current;
    const screen = element?.closest<HTMLElement>('.manager-screen');
    if (!windowed || element === null || element === undefined || screen === null || screen === undefined) return;
    setMargin(element.getBoundingClientRect().top - screen.getBoundingClientRect().top + screen.scrollTop);
  }, [windowed, body, count]);

  // The build runs no React Compiler, so nothing memoizes this hook behind the virtualizer's back.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: windowed ? count : 0,
    getScrollElement: scroller,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    scrollMargin: margin,
  });

  if (!windowed) return { indexes: Array.from({ length: count }, (_, i) => i), before: 0, after: 0, measure: () => {} };
  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  return {
    indexes: items.map((item) => item.index),
    before: first === undefined ? 0 : first.start - margin,
    after: last === undefined ? 0 : virtualizer.getTotalSize() - (last.end - margin),
    measure: virtualizer.measureElement,
  };
}
