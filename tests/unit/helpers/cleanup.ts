import { afterEach } from 'vitest';

const tasks: Array<() => Promise<void> | void> = [];

/** Runs `task` after the current test, last registered first (a core closes before its folder goes). */
export function onCleanup(task: () => Promise<void> | void): void {
  tasks.push(task);
}

afterEach(async () => {
  const errors: unknown[] = [];
  while (tasks.length > 0) {
    const task = tasks.pop();
    try {
      await task?.();
    } catch (error) {
      errors.push(error);
    }
  }
  if (errors.length > 0) throw errors[0];
});
