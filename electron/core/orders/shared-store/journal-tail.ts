import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';

const DAY_FILE = /^(\d{4}-\d{2}-\d{2})\.jsonl$/;
/** Read in pieces of this size: a day offline may hold many megabytes not yet sent. */
const CHUNK = 256 * 1024;

/** One whole journal line (its text without the newline) and where the next one starts. */
export interface TailLine {
  text: string;
  end: number;
}

/** The business days that have a journal in `ordersDir`, oldest first. */
export async function journalDays(ordersDir: string): Promise<string[]> {
  const names = await readdir(ordersDir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names
    .map((name) => DAY_FILE.exec(name)?.[1])
    .filter((day): day is string => day !== undefined)
    .sort();
}

export function journalPath(ordersDir: string, day: string): string {
  return join(ordersDir, `${day}.jsonl`);
}

/**
 * Up to `max` whole lines of a journal from byte `from`. A line not yet ended by its newline (an
 * append under way, or torn by a crash) is not a line yet: it is read once it is whole.
 */
export async function readTail(path: string, from: number, max: number): Promise<TailLine[]> {
  const lines: TailLine[] = [];
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return lines;
    throw error;
  }
  try {
    let offset = from;
    let pending = Buffer.alloc(0);
    while (lines.length < max) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK, offset + pending.length);
      if (bytesRead === 0) break;
      let data = Buffer.concat([pending, chunk.subarray(0, bytesRead)]);
      let newline = data.indexOf(0x0a);
      while (newline !== -1 && lines.length < max) {
        offset += newline + 1;
        lines.push({ text: data.toString('utf8', 0, newline), end: offset });
        data = data.subarray(newline + 1);
        newline = data.indexOf(0x0a);
      }
      pending = data;
    }
    return lines;
  } finally {
    await handle.close();
  }
}

/** How many whole lines a journal has after byte `from`, and where the last of them ends. */
export async function countTail(path: string, from: number): Promise<{ lines: number; end: number }> {
  let lines = 0;
  let end = from;
  for (;;) {
    const batch = await readTail(path, end, 10_000);
    if (batch.length === 0) return { lines, end };
    lines += batch.length;
    end = batch.at(-1)!.end;
  }
}
