import type { Order, OrderStatus } from '../../../shared/domain/order';
import type { IndexedDigest } from './index/day-digests';
import type { DaySummary } from './index/day-summary';
import type { RebuildProgress } from './index/order-index';

/** What a change may ask of the day it runs under: the day's next 대기번호, given to no one else. */
export interface OrderDay {
  nextCallNumber(): number;
}

/**
 * The order book as money/ and records/ see it: the port. Today one register's journals in the
 * data folder implement it (JournalOrderBook); a book several registers share can implement it
 * later without changing a service.
 */
export interface OrderBook {
  /** Days found unreadable at start, with why: the app starts and refuses only what needs them. */
  readonly unreadable: ReadonlyMap<string, Error>;
  /** Ready to answer: whatever the book derives from its records is built or caught up. */
  ready(): Promise<unknown>;
  /** Brings what the book derives from its records (history's index) up to every write so far. */
  flush(): Promise<void>;
  close(): Promise<void>;
  /** How far a rebuild of what the book derives (history's index) has come, or null when none is under way. */
  rebuildProgress(): Promise<RebuildProgress | null>;
  /** Resolves once no such rebuild is under way. */
  rebuilt(): Promise<void>;
  get(orderId: string): Promise<Order | null>;
  insert(order: Order): Promise<void>;
  /** Applies `change` to a copy of the order and stores it; on any failure nothing changes. */
  update(orderId: string, change: (order: Order, day: OrderDay) => void): Promise<Order>;
  businessDays(): Promise<string[]>;
  ordersOfDay(businessDay: string): Promise<Order[]>;
  daysBetween(fromDay: string, toDay: string): Promise<string[]>;
  digestsOfDay(businessDay: string): Promise<readonly IndexedDigest[]>;
  candidatesOfDay(businessDay: string, term: string): Promise<readonly IndexedDigest[] | null>;
  summaries(days: readonly string[]): Promise<DaySummary[]>;
  refundedOn(dates: readonly string[]): Promise<Order[]>;
  byApproval(approveNo: string): Promise<Order[]>;
  recentDigests(dayCount: number): Promise<IndexedDigest[]>;
  recent(dayCount: number, keep: (digest: IndexedDigest) => boolean): Promise<Order[]>;
  findByStatus(status: OrderStatus, dayCount: number): Promise<Order[]>;
}
