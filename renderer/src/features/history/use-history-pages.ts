import { useCallback, useEffect, useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { HistoryFilter, HistoryPage, HistoryRow, HistorySource } from '../../../../shared/domain/history';
import type { Order } from '../../../../shared/domain/order';
import { toPosError } from '../../lib/ipc';
import { callAsManager } from '../staff';

/** Rows per question: a screen and a half of them, so scrolling rarely waits. */
export const PAGE_SIZE = 100;

/** How often the catching-up line asks main how far the rebuild has come. */
const PROGRESS_EVERY_MS = 2_000;

interface Pages {
  /** The filter these rows answer. */
  filter: HistoryFilter;
  rows: readonly HistoryRow[];
  /** Where the next page starts; null at the end of the range. */
  next: string | null;
  error: PosErrorData | null;
  /** Counts first pages: a new one is a new list (scrolled to its top). */
  generation: number;
  /** While history's index is rebuilt: days built of days in all, as of the latest page. */
  catchingUp: IndexProgress | null;
  /** In a shop of several registers: every register's orders, or only this register's while the shared store is away. */
  source: HistorySource | null;
}

type IndexProgress = NonNullable<HistoryPage['catchingUp']>;

export interface HistoryPages {
  rows: readonly HistoryRow[];
  generation: number;
  /** While history's index is rebuilt in the background: days built of days in all (the list is exact, only slower). */
  catchingUp: IndexProgress | null;
  /** In a shop of several registers: every register's orders (`shop`), or this register's only (the store did not answer). */
  source: HistorySource | null;
  /** The rows shown answer an earlier filter: the new one's first page is on its way. */
  stale: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  error: PosErrorData | null;
  /** Asks for the page after the last one (once at a time; not after a failure until `retry`). */
  loadMore: () => void;
  retry: () => void;
  /** Reads the list again from its first page (what was shown may no longer be what main has). */
  reload: () => void;
  /** Asks main for an order's row again and puts it in place of the one shown (after a refund); the rows around it keep their place. */
  refreshRow: (order: Pick<Order, 'orderId' | 'businessDay'>) => void;
}

/**
 * The orders of `filter`, newest first, a page at a time along main's cursor. A new filter
 * starts again from its first page; the old rows stay shown until it arrives, and answers to an
 * older filter are dropped.
 */
export function useHistoryPages(filter: HistoryFilter): HistoryPages {
  const [pages, setPages] = useState<Pages | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    callAsManager('history:list', { filter, limit: PAGE_SIZE }).then(
      (page) =>
        current &&
        setPages((prev) => ({
          filter,
          rows: page.rows,
          next: page.next,
          error: null,
          generation: (prev?.generation ?? 0) + 1,
          catchingUp: page.catchingUp ?? null,
          source: page.source ?? null,
        })),
      (error: unknown) =>
        current &&
        setPages((prev) => ({
          filter,
          rows: [],
          next: null,
          error: toPosError(error),
          generation: (prev?.generation ?? 0) + 1,
          catchingUp: prev?.catchingUp ?? null,
          source: prev?.source ?? null,
        })),
    );
    return () => {
      current = false;
    };
  }, [filter, attempt]);

  // The line follows the rebuild on its own. The rows shown are exact either way, so only the progress is asked again.
  const progress = pages?.catchingUp ?? null;
  const [progressTry, setProgressTry] = useState(0);
  useEffect(() => {
    if (progress === null) return;
    const timer = setTimeout(() => {
      callAsManager('history:list', { filter, limit: 1 }).then(
        (page) =>
          setPages((prev) =>
            prev === null || prev.filter !== filter ? prev : { ...prev, catchingUp: page.catchingUp ?? null },
          ),
        () => setProgressTry((n) => n + 1),
      );
    }, PROGRESS_EVERY_MS);
    return () => clearTimeout(timer);
  }, [progress, filter, progressTry]);

  const answered = pages !== null && pages.filter === filter ? pages : null;

  const loadMore = useCallback(() => {
    if (answered === null || answered.next === null || answered.error !== null || asking !== null) return;
    const cursor = answered.next;
    setAsking(cursor);
    callAsManager('history:list', { filter, cursor, limit: PAGE_SIZE })
      .then(
        (page) =>
          setPages((prev) =>
            prev !== null && prev.filter === filter && prev.next === cursor
              ? { ...prev, rows: [...prev.rows, ...page.rows], next: page.next, catchingUp: page.catchingUp ?? null }
              : prev,
          ),
        (error: unknown) =>
          setPages((prev) => (prev !== null && prev.filter === filter ? { ...prev, error: toPosError(error) } : prev)),
      )
      .finally(() => setAsking(null));
  }, [answered, asking, filter]);

  const retry = useCallback(() => {
    if (answered === null || answered.rows.length === 0) {
      setAttempt((n) => n + 1);
      return;
    }
    setPages((prev) => (prev === null ? prev : { ...prev, error: null }));
  }, [answered]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);

  const refreshRow = useCallback((order: Pick<Order, 'orderId' | 'businessDay'>) => {
    callAsManager('history:list', {
      filter: { from: order.businessDay, to: order.businessDay, search: order.orderId },
      limit: 10,
    }).then(
      (page) => {
        const row = page.rows.find((candidate) => candidate.orderId === order.orderId);
        if (row !== undefined)
          setPages((prev) =>
            prev === null
              ? prev
              : { ...prev, rows: prev.rows.map((shown) => (shown.orderId === row.orderId ? row : shown)) },
          );
      },
      // The row keeps what it showed; the detail already shows the refund, and the next filter reads afresh.
      () => undefined,
    );
  }, []);

  return {
    rows: pages?.rows ?? [],
    generation: pages?.generation ?? 0,
    catchingUp: pages?.catchingUp ?? null,
    source: pages?.source ?? null,
    stale: answered === null,
    hasMore: answered?.next != null,
    loadingMore: asking !== null,
    error: pages?.error ?? null,
    loadMore,
    retry,
    reload,
    refreshRow,
  };
}
