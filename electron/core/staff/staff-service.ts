import { randomBytes } from 'node:crypto';
import { PosError } from '../../../shared/domain/errors';
import { TRAINING_MANAGER, type Role, type StaffMember, type StaffStatus } from '../../../shared/domain/staff';
import { seoulIso } from '../../../shared/domain/time';
import type { Logger } from '../log/logger';
import type { FileIo } from '../store/file-io';
import type { JsonDocument } from '../store/json-document';
import { KeyedMutex } from '../store/keyed-mutex';
import { ManagerSessionSlot, type Manager } from './manager-session';
import { hashPin, pinMatches } from './pin-hash';
import { openStaffFile, type StaffFile, type StaffRecord } from './staff-store';

/** Wrong PINs in a row before unlock pauses, the first pause, and the longest one. */
export const LOCKOUT_AFTER = 5;
export const FIRST_LOCKOUT_MS = 30_000;
export const MAX_LOCKOUT_MS = 60 * 60 * 1000;

/** 5 wrong → 30 s, and each further wrong PIN doubles it (6 → 60 s, 7 → 120 s …), up to an hour. */
export function lockoutMs(failures: number): number {
  if (failures < LOCKOUT_AFTER) return 0;
  return Math.min(MAX_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** (failures - LOCKOUT_AFTER));
}

export interface StaffServiceDeps {
  dataDir: string;
  io: FileIo;
  now: () => Date;
  log: Logger;
  /** Training mode offers (and accepts) the documented training manager; live mode never does. */
  training: () => boolean;
}

function view(record: StaffRecord): StaffMember {
  return { id: record.id, name: record.name, role: record.role, active: record.active, trainingOnly: record.trainingOnly, createdAt: record.createdAt };
}

/**
 * Staff and the manager PIN: PINs kept only as salted scrypt hashes, a growing lockout after
 * wrong PINs that survives a restart, and the one manager session main trusts.
 */
export class StaffService {
  readonly session: ManagerSessionSlot;
  /** PIN attempts and staff changes one at a time: a burst of guesses must each meet the lockout, two first-start setups cannot both win. */
  private readonly serial = new KeyedMutex();

  private constructor(
    private readonly doc: JsonDocument<StaffFile>,
    private readonly deps: StaffServiceDeps,
  ) {
    this.session = new ManagerSessionSlot(deps.now, (manager) => this.usableManagers().some((m) => m.id === manager.id));
  }

  static async open(deps: StaffServiceDeps): Promise<StaffService> {
    return new StaffService(await openStaffFile(deps.dataDir, deps.io), deps);
  }

  /** Managers who can unlock in the mode the app runs in now. */
  private usableManagers(): StaffRecord[] {
    const training = this.deps.training();
    return this.doc.data.staff.filter((s) => s.role === 'manager' && s.active && s.pin !== null && (training || !s.trainingOnly));
  }

  /** A manager who can unlock in live mode exists. */
  hasLiveManager(): boolean {
    return this.doc.data.staff.some((s) => s.role === 'manager' && s.active && s.pin !== null && !s.trainingOnly);
  }

  status(): StaffStatus {
    const setupNeeded = this.usableManagers().length === 0;
    const { lockedUntil } = this.doc.data.lockout;
    const stillLocked = lockedUntil !== null && Date.parse(lockedUntil) > this.deps.now().getTime();
    return {
      setupNeeded,
      trainingManagerOffered: setupNeeded && this.deps.training(),
      session: this.session.view(),
      lockedUntil: stillLocked ? lockedUntil : null,
    };
  }

  list(): StaffMember[] {
    return this.doc.data.staff.map(view);
  }

  /** First start: the owner becomes the first manager and is unlocked at once. */
  setupOwner(name: string, pin: string): Promise<StaffStatus> {
    return this.serial.run('staff', async () => {
      if (!this.status().setupNeeded) throw new PosError('SETUP_DONE', 'a manager already exists');
      const record = await this.add({ name, role: 'manager', pin, trainingOnly: false }, null);
      this.session.start({ id: record.id, name: record.name });
      return this.status();
    });
  }

  /** First start in training mode: the documented training manager instead of a new one. */
  useTrainingManager(): Promise<StaffStatus> {
    return this.serial.run('staff', async () => {
      if (!this.status().trainingManagerOffered) throw new PosError('SETUP_DONE', 'the training manager is offered on a first start in training mode only');
      const record = await this.add({ name: TRAINING_MANAGER.name, role: 'manager', pin: TRAINING_MANAGER.pin, trainingOnly: true }, null);
      this.session.start({ id: record.id, name: record.name });
      return this.status();
    });
  }

  /** A new member of staff; a manager's PIN must differ from every other PIN on record. */
  addStaff(input: { name: string; role: Role; pin: string | null }, by: Manager): Promise<StaffMember> {
    return this.serial.run('staff', async () => view(await this.add({ ...input, trainingOnly: false }, by)));
  }

  private async add(input: { name: string; role: Role; pin: string | null; trainingOnly: boolean }, by: Manager | null): Promise<StaffRecord> {
    if (input.role === 'manager' && input.pin === null) throw new PosError('INVALID_INPUT', 'a manager needs a PIN');
    if (input.pin !== null && (await this.whoseIsPin(input.pin, false)) !== null) throw new PosError('PIN_TAKEN', 'another member of staff has that PIN');
    const record: StaffRecord = {
      id: `staff-${randomBytes(6).toString('hex')}`,
      name: input.name,
      role: input.role,
      pin: input.pin === null ? null : await hashPin(input.pin),
      active: true,
      trainingOnly: input.trainingOnly,
      createdAt: seoulIso(this.deps.now()),
      createdBy: by?.name ?? null,
    };
    await this.doc.update((draft) => {
      draft.staff.push(record);
    });
    this.deps.log.info('staff added', { staffId: record.id, role: record.role, by: by?.name ?? 'first start' });
    return record;
  }

  async setActive(staffId: string, active: boolean, by: Manager): Promise<StaffMember> {
    const record = this.doc.data.staff.find((s) => s.id === staffId);
    if (!record) throw new PosError('INVALID_INPUT', `no staff member ${staffId}`);
    if (!active && record.role === 'manager' && this.usableManagers().every((m) => m.id === staffId)) {
      throw new PosError('LAST_MANAGER', 'the last manager cannot be deactivated');
    }
    const updated = await this.doc.update((draft) => {
      const target = draft.staff.find((s) => s.id === staffId);
      if (target) target.active = active;
      return target;
    });
    this.deps.log.info('staff active changed', { staffId, active, by: by.name });
    return view(updated ?? record);
  }

  /**
   * Opens a manager session for the manager whose PIN this is. Refused while locked out; every
   * wrong PIN is counted on disk before the answer, so pulling the plug does not reset it.
   */
  unlock(pin: string): Promise<StaffStatus> {
    return this.serial.run('staff', async () => {
      const manager = await this.managerOfPin(pin);
      this.session.start(manager);
      this.deps.log.info('manager unlocked', { staffId: manager.id });
      return this.status();
    });
  }

  /** A manager's yes on the spot (a discount above the limit): the same PIN check and lockout as unlock, without opening a session. */
  approve(pin: string): Promise<Manager> {
    return this.serial.run('staff', async () => {
      const manager = await this.managerOfPin(pin);
      this.deps.log.info('manager approved', { staffId: manager.id });
      return manager;
    });
  }

  private async managerOfPin(pin: string): Promise<Manager> {
    const before = this.status();
    if (before.lockedUntil !== null) throw new PosError('PIN_LOCKED', `unlock refused until ${before.lockedUntil}`);
    const manager = /^\d{4,8}$/.test(pin) ? await this.whoseIsPin(pin, true) : null;
    if (manager === null) {
      const lockedUntil = await this.doc.update((draft) => {
        draft.lockout.failures += 1;
        const pause = lockoutMs(draft.lockout.failures);
        draft.lockout.lockedUntil = pause > 0 ? seoulIso(new Date(this.deps.now().getTime() + pause)) : null;
        return draft.lockout.lockedUntil;
      });
      this.deps.log.warn('wrong manager PIN', { failures: this.doc.data.lockout.failures });
      if (lockedUntil !== null) throw new PosError('PIN_LOCKED', `too many wrong PINs; unlock refused until ${lockedUntil}`);
      throw new PosError('PIN_WRONG', 'no manager has that PIN');
    }
    if (this.doc.data.lockout.failures > 0) {
      await this.doc.update((draft) => {
        draft.lockout = { failures: 0, lockedUntil: null };
      });
    }
    return { id: manager.id, name: manager.name };
  }

  lock(): StaffStatus {
    this.session.end();
    return this.status();
  }

  /** The staff member whose PIN this is (managers usable now only, when asked), checked against every hash. */
  private async whoseIsPin(pin: string, managersOnly: boolean): Promise<StaffRecord | null> {
    const candidates = managersOnly ? this.usableManagers() : this.doc.data.staff.filter((s) => s.pin !== null);
    let found: StaffRecord | null = null;
    // Every hash is checked, found or not, so the time taken says nothing about which one matched.
    for (const record of candidates) {
      if (record.pin !== null && (await pinMatches(pin, record.pin)) && found === null) found = record;
    }
    return found;
  }
}
