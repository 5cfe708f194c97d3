import { closeSync, openSync, readSync } from 'node:fs';
import type { OpenFiles } from './open-files';

/** The buffer lines are read into (reads are synchronous: one at a time), grown as a line needs. */
let scratch = Buffer.allocUnsafeSlow(16 * 1024);

/**
 * `length` bytes of a file from `offset`, as text (fewer at its end). Synchronous: one line of a
 * journal or a rows file comes from the page cache quicker than a round trip through libuv's
 * thread pool (open, read, close: three of them). With `files`, the file is kept open among
 * them (a missing one reads as no bytes), else opened and closed for this read.
 */
export function readRangeSync(path: string, offset: number, length: number, files?: OpenFiles): string {
  if (length > scratch.length) scratch = Buffer.allocUnsafeSlow(Math.max(length, 2 * scratch.length));
  const bytes = scratch;
  const fd = files === undefined ? openSync(path, 'r') : files.open(path)?.fd;
  if (fd === undefined) return '';
  try {
    let read = 0;
    // Stryker disable next-line EqualityOperator: one more read at the end reads nothing and stops
    while (read < length) {
      const got = readSync(fd, bytes, read, length - read, offset + read);
      if (got === 0) break;
      read += got;
    }
    return bytes.toString('utf8', 0, read);
  } finally {
    if (files === undefined) closeSync(fd);
  }
}

/** A file opened for reading, or null when it does not exist (any other failure throws). */
export function openIfExists(path: string): number | null {
  try {
    return openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
