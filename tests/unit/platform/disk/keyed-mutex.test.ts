import { describe, expect, it } from 'vitest';
import { KeyedMutex } from '../../../../electron/core/platform/disk/keyed-mutex';
import { OrderLocks } from '../../../../electron/core/orders/order-locks';

/** A task that runs until `finish` is called, noting when it starts and ends. */
function gate(log: string[], name: string) {
  let finish: (value: string) => void = () => undefined;
  const done = new Promise<string>((resolve) => (finish = resolve));
  return {
    task: async () => {
      log.push(`${name} starts`);
      const value = await done;
      log.push(`${name} ends`);
      return value;
    },
    finish: () => finish(name),
  };
}

const turn = () => new Promise((resolve) => setImmediate(resolve));

describe('one task at a time per key', () => {
  it('runs a key’s tasks in arrival order, each after the one before has ended, and hands each its own result', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const [a, b, c] = [gate(log, 'a'), gate(log, 'b'), gate(log, 'c')];
    const results = [mutex.run('order-1', a.task), mutex.run('order-1', b.task), mutex.run('order-1', c.task)];
    await turn();
    expect(log).toEqual(['a starts']);
    b.finish();
    c.finish();
    await turn();
    expect(log).toEqual(['a starts']);
    a.finish();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends', 'c starts', 'c ends']);
  });

  it('runs other keys’ tasks meanwhile', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const [a, b] = [gate(log, 'a'), gate(log, 'b')];
    const first = mutex.run('order-1', a.task);
    const other = mutex.run('order-2', b.task);
    await turn();
    expect(log).toEqual(['a starts', 'b starts']);
    b.finish();
    expect(await other).toBe('b');
    a.finish();
    expect(await first).toBe('a');
  });

  it('a failed task fails its caller only: the next one for the key runs', async () => {
    const mutex = new KeyedMutex();
    const failed = mutex.run('order-1', async () => {
      throw new Error('Toss said no');
    });
    const next = mutex.run('order-1', async () => 'paid');
    await expect(failed).rejects.toThrow('Toss said no');
    expect(await next).toBe('paid');
  });

  it('knows which keys have work queued or running, and forgets a key once its last task ended', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const [a, b] = [gate(log, 'a'), gate(log, 'b')];
    const running = [
      mutex.run('order-1', a.task),
      mutex.run('order-1', b.task),
      mutex.run('order-2', async () => 'quick'),
    ];
    expect([mutex.has('order-1'), mutex.has('order-2'), mutex.has('order-3'), mutex.size()]).toEqual([
      true,
      true,
      false,
      2,
    ]);
    await running[2];
    await turn();
    expect([mutex.has('order-2'), mutex.size()]).toEqual([false, 1]);
    a.finish();
    await running[0];
    await turn();
    // Still b's turn: the key is held until its last task is done.
    expect(mutex.has('order-1')).toBe(true);
    b.finish();
    await running[1];
    await turn();
    expect([mutex.has('order-1'), mutex.size()]).toEqual([false, 0]);
  });

  it('drain waits for every task queued under any key, also those queued while it waits', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    const [a, b] = [gate(log, 'a'), gate(log, 'b')];
    void mutex.run('day-1', async () => {
      const value = await a.task();
      // Queued from inside a task, while drain is already waiting.
      void mutex.run('day-2', b.task);
      return value;
    });
    let drained = false;
    const draining = mutex.drain().then(() => (drained = true));
    a.finish();
    await turn();
    await turn();
    expect(drained).toBe(false);
    b.finish();
    await draining;
    expect(log).toEqual(['a starts', 'a ends', 'b starts', 'b ends']);
    expect(mutex.size()).toBe(0);
  });
});

describe('the order locks', () => {
  it('say an order is held while work on it is under way, and only that order', async () => {
    const locks = new OrderLocks();
    const log: string[] = [];
    const confirm = gate(log, 'confirm');
    expect(locks.holds('20260302-AAAA')).toBe(false);
    const running = locks.run('20260302-AAAA', confirm.task);
    expect([locks.holds('20260302-AAAA'), locks.holds('20260302-BBBB')]).toEqual([true, false]);
    confirm.finish();
    expect(await running).toBe('confirm');
    await turn();
    expect(locks.holds('20260302-AAAA')).toBe(false);
  });
});
