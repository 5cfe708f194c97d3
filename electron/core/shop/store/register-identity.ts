import { randomBytes } from 'node:crypto';
import type { RegisterIdentity } from '../../../../shared/domain/shared-store';
import type { SettingsFile } from '../settings/settings-file';

/**
 * This register's id and name, made the first time they are asked for and kept in settings.json:
 * the id never changes (the shared store keys this register's journal lines by it), the name is
 * the manager's to change. Made lazily, so a shop that never uses a shared store never writes it.
 */
export async function registerIdentity(settings: SettingsFile): Promise<RegisterIdentity> {
  const kept = settings.register().identity;
  if (kept !== null) return kept;
  const made = newRegisterIdentity();
  await settings.saveRegister(made, null);
  return made;
}

/** A register's identity not yet kept: a store is checked with it before anything is saved. */
export function newRegisterIdentity(): RegisterIdentity {
  const id = `reg-${randomBytes(6).toString('hex')}`;
  return { id, name: `POS ${id.slice(-4).toUpperCase()}` };
}
