import type { FileIo } from '../../platform/disk/file-io';

/** Read in pieces of this size: a day offline may hold many megabytes not yet sent. */
const CHUNK = 256 * 1024;

/** One whole journal line (its text without the newline) and where the next one starts. */
export interface TailLine {
  text: string;
  end: number;
}

/**
 * Up to `max` whole lines of a journal from byte `from`, read through the store's disk (a fault
 * injected there reaches the outbox too). A line not yet ended by its newline (an append under
 * way, or torn by a crash) is not a line yet: it is read once it is whole.
 */
export async function readTail(io: FileIo, path: string, from: number, max: number): Promise<TailLine[]> {
  const lines: TailLine[] = [];
  let offset = from;
  let pending = Buffer.alloc(0);
  while (lines.length < max) {
    const chunk = await io.readRange(path, offset + pending.length, CHUNK);
    if (chunk === null || chunk.length === 0) break;
    let data = Buffer.concat([pending, chunk]);
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
}
