import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from '../config';
import type { FileIo } from './file-io';

/** Why the disk refused a write, in the terms a shop owner can act on; null for any other error. */
export function diskRefusal(
  error: unknown,
): { reason: 'permission' | 'full' | 'read-only' | 'io-error'; path: string | null } | null {
  const { code, path } = (error ?? {}) as NodeJS.ErrnoException;
  const where = typeof path === 'string' ? path : null;
  if (code === 'EACCES' || code === 'EPERM') return { reason: 'permission', path: where };
  if (code === 'ENOSPC' || code === 'EDQUOT') return { reason: 'full', path: where };
  if (code === 'EROFS') return { reason: 'read-only', path: where };
  if (code === 'EIO') return { reason: 'io-error', path: where };
  return null;
}

const REASONS = {
  permission: 'permission denied',
  full: 'the disk is full',
  'read-only': 'the disk is read-only',
  'io-error': 'the disk reported an input/output error',
} as const;
const ACTIONS = {
  permission: 'give this user write access to it',
  full: 'free some space',
  'read-only': 'make the disk writable again',
  'io-error': 'check the disk (it may be failing) or move the folder to a sound one',
} as const;

/** At start: the data folder takes a write (and lets go of it), or the start stops saying why and where. */
export async function checkWritable(dataDir: string, io: FileIo): Promise<void> {
  const probe = join(dataDir, '.write-check');
  try {
    await io.writeAtomic(probe, 'ok');
  } catch (error) {
    const refusal = diskRefusal(error);
    if (refusal === null) throw error;
    throw new ConfigError(
      `the data folder ${dataDir} cannot be written (${REASONS[refusal.reason]}): sales could not be kept. ${ACTIONS[refusal.reason].replace(/^./, (c) => c.toUpperCase())}, then start Toss POS again.`,
    );
  }
  await rm(probe, { force: true });
}
