/**
 * What the last few lookups found, bounded by count and by size, the least recently used let go
 * of first: history's detail of an order, then its refund, then its receipt ask for the same order
 * again, and a database keeps such pages in its cache too. The owner forgets what a write changes.
 */
export class RecentLookups<V> {
  /** Insertion order is recency order: a value found again moves to the end. */
  private readonly kept = new Map<string, { value: V; size: number }>();
  private size = 0;

  constructor(
    private readonly limit: number,
    /** The most the values may weigh together (by `weigh`). */
    private readonly budget = Infinity,
    private readonly weigh: (value: V) => number = () => 1,
  ) {}

  get(key: string): V | undefined {
    const found = this.kept.get(key);
    if (found === undefined) return undefined;
    this.kept.delete(key);
    this.kept.set(key, found);
    return found.value;
  }

  set(key: string, value: V): void {
    this.forget(key);
    const size = this.weigh(value);
    // One value over the whole budget is not kept: it would let go of everything else.
    if (size > this.budget) return;
    this.kept.set(key, { value, size });
    this.size += size;
    for (const [oldest, { size: weight }] of this.kept) {
      if (this.kept.size <= this.limit && this.size <= this.budget) return;
      this.kept.delete(oldest);
      this.size -= weight;
    }
  }

  forget(key: string): void {
    const found = this.kept.get(key);
    if (found === undefined) return;
    this.kept.delete(key);
    this.size -= found.size;
  }
}
