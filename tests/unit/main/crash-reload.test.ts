import type { WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { reloadOnCrash } from '../../../electron/main/crash-reload';
import { FakeContents } from './stand-ins';

function watched(options: { now?: () => number } = {}) {
  const contents = new FakeContents();
  const lines: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
  const log = {
    info: (message: string, fields?: Record<string, unknown>) => lines.push({ level: 'info', message, fields }),
    warn: (message: string, fields?: Record<string, unknown>) => lines.push({ level: 'warn', message, fields }),
    error: (message: string, fields?: Record<string, unknown>) => lines.push({ level: 'error', message, fields }),
  };
  reloadOnCrash(contents as unknown as WebContents, log, 'register', { maxReloads: 3, perMs: 60_000, ...options });
  return { contents, lines };
}

describe('a renderer that dies', () => {
  it.each(['crashed', 'oom', 'killed', 'abnormal-exit', 'launch-failed', 'memory-eviction'])(
    'is reloaded into the register (%s), and the log says why',
    (reason) => {
      const { contents, lines } = watched();
      contents.gone(reason, 139);
      expect(contents.reloads).toBe(1);
      expect(lines).toEqual([
        { level: 'error', message: 'renderer gone', fields: { window: 'register', reason, exitCode: 139 } },
      ]);
    },
  );

  it('is left alone when it exited cleanly (the window closing) or its window is gone', () => {
    const { contents, lines } = watched();
    contents.gone('clean-exit', 0);
    expect(contents.reloads).toBe(0);
    expect(lines).toEqual([]);
    contents.destroyed = true;
    contents.gone('crashed');
    expect(contents.reloads).toBe(0);
  });

  it('stops reloading a page that keeps crashing (3 a minute), says so, and reloads again once the minute has passed', () => {
    let now = 0;
    const { contents, lines } = watched({ now: () => now });
    for (let i = 0; i < 5; i += 1) {
      contents.gone('crashed');
      now += 5_000;
    }
    expect(contents.reloads).toBe(3);
    expect(lines.filter((line) => line.message === 'renderer keeps crashing: not reloaded again')).toHaveLength(2);

    now = 70_000;
    contents.gone('crashed');
    expect(contents.reloads).toBe(4);
  });

  it('logs a page that stops answering, and when it answers again', () => {
    const { contents, lines } = watched();
    contents.emit('unresponsive');
    contents.emit('responsive');
    expect(lines.map((line) => [line.level, line.message])).toEqual([
      ['warn', 'renderer unresponsive'],
      ['info', 'renderer responsive again'],
    ]);
    expect(contents.reloads).toBe(0);
  });
});
