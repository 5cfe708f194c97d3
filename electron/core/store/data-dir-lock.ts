import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OWNER_ONLY_DIR, OWNER_ONLY_FILE } from './file-io';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`the store in ${dataDir} is already open in another Toss POS (process ${pid}); close it first`);
    this.name = 'DataDirInUseError';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else, so it is running.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One app per store: two processes appending to the same journals would interleave sales. The
 * lock file holds its owner's pid and appears whole (written aside, then hard-linked into
 * place); a lock left by a process that died is taken over.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true, mode: OWNER_ONLY_DIR });
  const path = join(dataDir, 'pos.lock');
  const mine = join(dataDir, `.pos.lock.${process.pid}.${randomBytes(4).toString('hex')}`);
  await writeFile(mine, String(process.pid), { mode: OWNER_ONLY_FILE });
  try {
    for (;;) {
      try {
        await link(mine, path);
        return () => unlink(path).catch(() => undefined);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (owner === process.pid || (Number.isInteger(owner) && isRunning(owner))) throw new DataDirInUseError(dataDir, owner);
      await unlink(path).catch(() => undefined);
    }
  } finally {
    await unlink(mine).catch(() => undefined);
  }
}
