/**
 * Runs tasks one at a time per key, in arrival order. Used for data files (one writer per
 * file) and for orders (one payment confirmation per order at a time).
 */
export class KeyedMutex {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task, task);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** True while work for this key is queued or running. */
  has(key: string): boolean {
    return this.tails.has(key);
  }

  /** How many keys have work queued or running. */
  size(): number {
    return this.tails.size;
  }

  /** Resolves once every task queued so far, under any key, has finished. */
  async drain(): Promise<void> {
    while (this.tails.size > 0) await Promise.all(this.tails.values());
  }
}
