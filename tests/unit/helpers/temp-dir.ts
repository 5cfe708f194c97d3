import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from './cleanup';

/** A fresh folder under the OS temp dir, removed after the current test. */
export async function tempDir(label = 'unit'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `toss-pos-${label}-`));
  // Retried: a store a test left open may still be appending to its index as the folder goes.
  onCleanup(() => rm(dir, { recursive: true, force: true, maxRetries: 5 }));
  return dir;
}
