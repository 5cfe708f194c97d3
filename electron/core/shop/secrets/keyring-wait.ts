import type { Logger } from '../../platform/log/logger';
import type { SecretKeyFile, StoredKey } from './secret-key-file';

/** How long the start waits for a locked keyring: the pause before each retry (backoff). */
export interface KeyringWait {
  delaysMs: readonly number[];
  /** Still locked after those: how often the running app asks again. */
  retryEveryMs: number;
}

/**
 * 14.5 s of pauses between seven attempts; the shell bounds every keyring call to 2 s, so a
 * keyring that never answers holds the start about 30 s at most, one that answers "locked" at
 * once about 15 s.
 */
export const KEYRING_WAIT_AT_START: KeyringWait = {
  delaysMs: [500, 1_000, 2_000, 3_000, 4_000, 4_000],
  retryEveryMs: 60_000,
};

/**
 * Reads the stored key, and while the keyring says "locked" (the machine just booted, its
 * keyring daemon not up yet, the login keyring not unlocked) asks again with backoff, for a
 * bounded time. The keyring is waited for even when this key needs none of it, since the staff
 * signing key read next does. Still locked then: it says so and leaves the file alone; the
 * running app asks again (retryLockedKey), and a manager's switch to live reads it again too.
 */
export async function readWhenKeyringAnswers(
  keyStore: Pick<SecretKeyFile, 'read' | 'availability'>,
  wait: KeyringWait,
  log: Logger,
): Promise<StoredKey> {
  let attempt = await look(keyStore);
  for (const [retry, delayMs] of wait.delaysMs.entries()) {
    if (attempt.locked === null) break;
    if (retry === 0) log.info('the keyring is locked or not up yet; waiting for it', { reason: attempt.locked });
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    attempt = await look(keyStore);
  }
  if (attempt.locked !== null)
    log.warn('the keyring is still locked; the stored secret key was left in place', { reason: attempt.locked });
  return attempt.stored;
}

/** The key as read now, and why the keyring cannot be used now (null when it answered). */
async function look(
  keyStore: Pick<SecretKeyFile, 'read' | 'availability'>,
): Promise<{ stored: StoredKey; locked: string | null }> {
  const stored = await keyStore.read();
  if (stored.state === 'locked') return { stored, locked: stored.reason };
  const availability = await keyStore.availability();
  return { stored, locked: !availability.available && availability.locked === true ? availability.detail : null };
}
