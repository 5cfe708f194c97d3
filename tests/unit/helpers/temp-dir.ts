import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { onCleanup } from './cleanup';

/** A fresh folder under the OS temp dir, removed after the current test. */
export async function tempDir(label = 'unit'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `toss-pos-${label}-`));
  onCleanup(() => rm(dir, { recursive: true, force: true }));
  return dir;
}
