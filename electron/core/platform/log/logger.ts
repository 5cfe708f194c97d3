import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { seoulDay } from '../../../../shared/domain/time';
import { OWNER_ONLY_DIR, OWNER_ONLY_FILE } from '../disk/file-io';
import { scrubSecrets } from './scrub';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export type LogSink = (level: LogLevel, line: string) => void;

export const consoleSink: LogSink = (level, line) => {
  (level === 'info' ? console.log : console.error)(line);
};

/**
 * Appends every line to `logs/YYYY-MM-DD.log` under the data folder, in order, so a support call
 * can read what happened after the window is gone. A failing disk never stops a sale.
 */
export function fileSink(dataDir: string, now: () => Date = () => new Date()): LogSink {
  let queue: Promise<void> = Promise.resolve();
  const dir = join(dataDir, 'logs');
  return (_level, line) => {
    const path = join(dir, `${seoulDay(now())}.log`);
    queue = queue
      .then(() => mkdir(dir, { recursive: true, mode: OWNER_ONLY_DIR }))
      .then(() => appendFile(path, `${line}\n`, { encoding: 'utf8', mode: OWNER_ONLY_FILE }))
      .catch(() => undefined);
  };
}

export function teeSink(...sinks: LogSink[]): LogSink {
  return (level, line) => {
    for (const sink of sinks) sink(level, line);
  };
}

/**
 * A JSON-lines logger that scrubs registered secrets (and any Basic auth header) from every
 * line, whatever field or error message they hide in.
 */
export function createLogger(
  secrets: readonly string[] | (() => readonly string[]),
  sink: LogSink = consoleSink,
): Logger {
  // A function is asked on every line, so a key saved while the app runs is scrubbed from then on.
  const current = typeof secrets === 'function' ? secrets : () => secrets;
  const scrub = (text: string): string => scrubSecrets(text, current());
  const write = (level: LogLevel, message: string, fields: LogFields = {}) => {
    const line = JSON.stringify({ at: new Date().toISOString(), level, message, ...fields }, (_key, value: unknown) =>
      value instanceof Error ? { name: value.name, message: value.message } : value,
    );
    sink(level, scrub(line));
  };
  return {
    info: (m, f) => write('info', m, f),
    warn: (m, f) => write('warn', m, f),
    error: (m, f) => write('error', m, f),
  };
}
