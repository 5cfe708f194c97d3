import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { HistoryRow } from '../../../../shared/domain/history';
import { FormError } from '../../ui/FormError';
import { useHistoryStrings } from './history-strings';
import { HistoryRowView } from './HistoryRowView';
import type { HistoryPages } from './use-history-pages';

const ROW_HEIGHT = 54;
/** The next page is asked for this many rows before the end, so it is usually there before it is needed. */
const PREFETCH_ROWS = 40;
/** PageUp / PageDown move this many rows. */
const PAGE_ROWS = 8;

const MOVES: Record<string, number> = {
  ArrowDown: 1,
  ArrowUp: -1,
  PageDown: PAGE_ROWS,
  PageUp: -PAGE_ROWS,
  Home: -Infinity,
  End: Infinity,
};

interface HistoryListProps {
  pages: HistoryPages;
  filtered: boolean;
  onOpen: (row: HistoryRow) => void;
}

/**
 * The orders as a table that renders only the rows in view (plus the one holding the tab stop),
 * so a range of 100,000 orders scrolls like one of ten. Nearing the end asks main for the next
 * page. The keyboard moves through the rows with the arrows, Home, End and the page keys.
 */
export function HistoryList({ pages, filtered, onOpen }: HistoryListProps) {
  const text = useHistoryStrings();
  const { rows, hasMore, loadingMore, stale, error, loadMore, retry } = pages;
  // A shop-wide list says which register rang each order up.
  const shopWide = pages.source === 'shop';
  const grid = shopWide ? 'history-grid history-grid-shop' : 'history-grid';
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const focusActive = useRef(false);
  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));

  // The row with the tab stop stays rendered wherever the list is scrolled, so Tab always finds it.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const shown = defaultRangeExtractor(range);
      return rows.length === 0 || shown.includes(activeIndex) ? shown : [...shown, activeIndex].sort((a, b) => a - b);
    },
    [activeIndex, rows.length],
  );
  // The build runs no React Compiler, so nothing memoizes this component behind the virtualizer's back.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    rangeExtractor,
  });
  const lastInView = virtualizer.range?.endIndex ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && error === null && lastInView >= rows.length - PREFETCH_ROWS) loadMore();
  }, [hasMore, loadingMore, error, lastInView, rows.length, loadMore]);

  useEffect(() => {
    if (!focusActive.current) return;
    focusActive.current = false;
    scroller.current?.querySelector<HTMLElement>(`[data-index="${activeIndex}"] .history-open`)?.focus();
  }, [activeIndex]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const move = MOVES[event.key];
    if (move === undefined || !(event.target instanceof HTMLButtonElement) || rows.length === 0) return;
    event.preventDefault();
    const next = Math.min(rows.length - 1, Math.max(0, activeIndex + move));
    focusActive.current = true;
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  }

  function onFocus(event: FocusEvent<HTMLDivElement>): void {
    const index = Number(event.target.closest<HTMLElement>('[data-index]')?.dataset['index']);
    if (Number.isInteger(index)) setActive(index);
  }

  if (rows.length === 0 && !stale && error === null) {
    return (
      <p className="empty-note history-empty" data-testid="history-empty">
        {filtered ? text.noMatches : text.empty}
      </p>
    );
  }

  return (
    <div className="history-list" aria-busy={stale || loadingMore}>
      <div
        role="table"
        aria-label={text.listLabel}
        aria-rowcount={hasMore ? -1 : rows.length + 1}
        className="history-table"
        data-testid="history-list"
      >
        <div role="rowgroup" className="history-head">
          <div role="row" aria-rowindex={1} className={grid}>
            <span role="columnheader">{text.timeColumn}</span>
            <span role="columnheader">{text.orderColumn}</span>
            <span role="columnheader" className="history-num">
              {text.amountColumn}
            </span>
            <span role="columnheader">{text.statusColumn}</span>
            <span role="columnheader">{text.methodColumn}</span>
            <span role="columnheader">{text.approveNoColumn}</span>
            <span role="columnheader">{text.cardColumn}</span>
            {shopWide && <span role="columnheader">{text.registerColumn}</span>}
          </div>
        </div>
        <div role="rowgroup" ref={scroller} className="history-scroll" onKeyDown={onKeyDown} onFocus={onFocus}>
          <div className="history-spacer" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (row === undefined) return null;
              return (
                <HistoryRowView
                  key={row.orderId}
                  row={row}
                  index={item.index}
                  style={{ transform: `translateY(${item.start}px)`, height: item.size }}
                  tabStop={item.index === activeIndex}
                  grid={grid}
                  shopWide={shopWide}
                  onOpen={(opened) => {
                    setActive(item.index);
                    onOpen(opened);
                  }}
                />
              );
            })}
          </div>
        </div>
      </div>
      <div className="history-foot">
        <span role="status" data-testid="history-loaded">
          {loadingMore ? text.loadingMore : hasMore ? text.shown(rows.length) : text.end(rows.length)}
        </span>
        <span className="history-hint">{text.listHint}</span>
      </div>
      {error !== null && (
        <div className="form-actions">
          <FormError error={error} testId="history-error" />
          <button type="button" className="button button-plain button-small" onClick={retry}>
            {text.retry}
          </button>
        </div>
      )}
    </div>
  );
}
