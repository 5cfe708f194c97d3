import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { PosError } from '../../../../shared/domain/errors';
import {
  TRAINING_MANAGER,
  type Cashier,
  type Manager,
  type Role,
  type StaffMember,
  type StaffStatus,
} from '../../../../shared/domain/staff';
import { seoulIso } from '../../../../shared/domain/time';
import type { Logger } from '../../platform/log/logger';
import type { KeyCipher } from '../secrets/key-cipher';
import type { FileIo } from '../../platform/disk/file-io';
import type { JsonDocument } from '../../platform/disk/json-document';
import { KeyedMutex } from '../../platform/disk/keyed-mutex';
import { ManagerSessionSlot } from './manager-session';
import { hashPin, pinMatches } from './pin-hash';
import { checkStaffFile } from './staff-check';
import { StaffFileRefusedError } from './staff-file-error';
import { STAFF_KEY_FILE, StaffKeyFile } from './staff-key';
import { signRecord } from './staff-signature';
import {
  openStaffFile,
  readStaffFile,
  STAFF_FILE,
  type FoundStaffFile,
  type StaffFile,
  type StaffRecord,
} from './staff-file';
import { TrainingManagerFile, type ChosenTrainingManager } from './training-manager-file';
import { openTillFile, type TillFile } from './till-file';
import { TillSession, type TillPerson } from './till-session';
import type { SharedStaff } from '../shared-changes/shop-change';

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
  /** How the shell keeps secrets at rest: the staff signing key is kept with it. */
  cipher: KeyCipher;
  /** Whether the shop's books hold a sale: such a folder never falls back to the first-start screen. */
  hasSales: () => Promise<boolean>;
}

function view(record: StaffRecord): StaffMember {
  return {
    id: record.id,
    name: record.name,
    role: record.role,
    active: record.active,
    trainingOnly: false,
    createdAt: record.createdAt,
  };
}

function unsigned({ signature: _signature, ...fields }: StaffRecord): SharedStaff {
  return fields;
}

function trainingView(chosen: ChosenTrainingManager): StaffMember {
  return {
    id: chosen.id,
    name: TRAINING_MANAGER.name,
    role: 'manager',
    active: true,
    trainingOnly: true,
    createdAt: chosen.createdAt,
  };
}

/**
 * Staff and the manager PIN: PINs kept only as salted scrypt hashes, each record signed with this
 * install's key, a growing lockout after wrong PINs that survives a restart, and the one manager
 * session main trusts. The training manager lives apart (training/staff.json) and never counts
 * as one of the shop's managers.
 */
export class StaffService {
  readonly session: ManagerSessionSlot;
  /** Who is at the register: every order, refund and day close records them. */
  readonly till: TillSession;
  /** PIN attempts and staff changes one at a time: a burst of guesses must each meet the lockout, two first-start setups cannot both win. */
  private readonly serial = new KeyedMutex();
  /** Told of each staff record added or changed here (the shared store's outbox); never of one applied from the shop's log. */
  private changed: ((record: SharedStaff) => void) | null = null;
  /** Told when a manager here switches sign-in by name (the shop's policy, like its staff). */
  private policyChanged: ((nameSignIn: boolean) => void) | null = null;

  private constructor(
    private readonly doc: JsonDocument<StaffFile>,
    private readonly trainingManager: TrainingManagerFile,
    private readonly keys: StaffKeyFile,
    /** Null only while there is no record to sign: made with the first one. */
    private key: Buffer | null,
    tillDoc: JsonDocument<TillFile>,
    private readonly deps: StaffServiceDeps,
  ) {
    this.session = new ManagerSessionSlot(deps.now, (manager) => this.stillManager(manager));
    this.till = new TillSession(tillDoc, deps.now, (staffId) => this.tillPersonOf(staffId));
  }

  /**
   * Opens staff.json only once every record in it is this install's own: a record added or
   * changed by hand, signatures without their key, or no staff at all on a folder with sales
   * stop the start (StaffFileRefusedError). A folder from before signatures is signed once, and
   * its training manager moved out to training/staff.json.
   */
  static async open(deps: StaffServiceDeps): Promise<StaffService> {
    const path = join(deps.dataDir, STAFF_FILE);
    const keys = new StaffKeyFile(deps);
    const found = await readStaffFile(deps.dataDir, deps.io);
    const stored = await keys.read();
    // Not a damaged file: the same file opens once the keyring is unlocked, so the start says that instead.
    if (stored.state === 'locked' && (found?.staff.length ?? 0) > 0)
      throw new PosError(
        'KEYRING_LOCKED',
        `the staff signing key (${STAFF_KEY_FILE}) is sealed by the operating system keychain or keyring, which is locked or not running yet (${stored.reason}): unlock it and start Toss POS again`,
      );
    const check = await checkStaffFile(found, stored, deps.hasSales);
    if (check.verdict === 'refused') throw new StaffFileRefusedError(path, check.problems);
    const trainingManager = await TrainingManagerFile.open(deps.dataDir, deps.io);
    let key = stored.state === 'open' ? stored.key : null;
    if (check.verdict === 'unsigned' && found !== null)
      key = await signOnce(found, { keys, key, trainingManager, path, deps });
    const tillDoc = await openTillFile(deps.dataDir, deps.io);
    return new StaffService(await openStaffFile(deps.dataDir, deps.io), trainingManager, keys, key, tillDoc, deps);
  }

  onSharedChange(changed: (record: SharedStaff) => void, policyChanged: (nameSignIn: boolean) => void): void {
    this.changed = changed;
    this.policyChanged = policyChanged;
  }

  /** Sign-in by name as another register's manager set it for the shop. */
  applySharedNameSignIn(on: boolean): Promise<void> {
    return this.serial.run('staff', async () => {
      if (this.till.nameSignIn() !== on) await this.till.setNameSignIn(on);
    });
  }

  /** The shop's staff as records travel: PIN hashes (never PINs), no signatures (each register signs with its own key). */
  sharedStaff(): SharedStaff[] {
    return this.doc.data.staff.map(unsigned);
  }

  /**
   * A member of staff as another register added or changed them, signed here with this install's
   * key (the key never travels): they sign in here as there. One already as given is left as it is.
   */
  applyShared(record: SharedStaff): Promise<void> {
    return this.serial.run('staff', async () => {
      const found = this.doc.data.staff.find((s) => s.id === record.id);
      if (found !== undefined && isDeepStrictEqual(unsigned(found), record)) return;
      const key = await this.signingKey();
      const signed: StaffRecord = { ...record, signature: signRecord(key, record) };
      await this.doc.update((draft) => {
        const at = draft.staff.findIndex((s) => s.id === record.id);
        if (at === -1) draft.staff.push(signed);
        else draft.staff[at] = signed;
      });
      this.deps.log.info('staff changed at another register', { staffId: record.id, active: record.active });
    });
  }

  /** This install's key: opened at start, or made with the first record of a new folder. */
  private async signingKey(): Promise<Buffer> {
    return (this.key ??= await this.keys.create());
  }

  /** The shop's managers: who can unlock in live mode, and who counts for the last-manager rule. */
  private liveManagers(): StaffRecord[] {
    return this.doc.data.staff.filter((s) => s.role === 'manager' && s.active && s.pin !== null);
  }

  /** The training manager, where it can unlock now (training mode, once chosen). */
  private trainingManagerNow(): ChosenTrainingManager | null {
    return this.deps.training() ? this.trainingManager.chosen() : null;
  }

  private stillManager(manager: Manager): boolean {
    if (manager.trainingOnly) return this.trainingManagerNow()?.id === manager.id;
    return this.liveManagers().some((m) => m.id === manager.id);
  }

  /** Who may be at the till now: an active member of the shop's staff, or the training manager in training. */
  private tillPersonOf(staffId: string): TillPerson | null {
    const record = this.doc.data.staff.find((s) => s.id === staffId && s.active);
    if (record !== undefined) return { id: record.id, name: record.name, role: record.role, trainingOnly: false };
    const training = this.trainingManagerNow();
    return training?.id === staffId
      ? { id: training.id, name: TRAINING_MANAGER.name, role: 'manager', trainingOnly: true }
      : null;
  }

  /** A manager who can unlock in live mode exists. */
  hasLiveManager(): boolean {
    return this.liveManagers().length > 0;
  }

  status(): StaffStatus {
    const setupNeeded = !this.hasLiveManager() && this.trainingManagerNow() === null;
    const { lockedUntil } = this.doc.data.lockout;
    const stillLocked = lockedUntil !== null && Date.parse(lockedUntil) > this.deps.now().getTime();
    return {
      setupNeeded,
      trainingManagerOffered: setupNeeded && this.deps.training(),
      ownerNeeded: !this.hasLiveManager(),
      session: this.session.view(),
      lockedUntil: stillLocked ? lockedUntil : null,
      signedIn: this.till.view(),
      nameSignIn: this.till.nameSignIn(),
    };
  }

  /** The shop's staff, and in training mode the training manager once chosen. */
  list(): StaffMember[] {
    const chosen = this.trainingManagerNow();
    return [...this.doc.data.staff.map(view), ...(chosen === null ? [] : [trainingView(chosen)])];
  }

  /**
   * First start: the owner becomes the first manager and is unlocked at once. Open while the shop
   * has no manager of its own, also after the training manager was chosen: that is how a shop
   * that began in training gets its owner (the training manager cannot add one).
   */
  setupOwner(name: string, pin: string): Promise<StaffStatus> {
    return this.serial.run('staff', async () => {
      if (this.hasLiveManager()) throw new PosError('SETUP_DONE', 'a manager already exists');
      const record = await this.add({ name, role: 'manager', pin }, null);
      this.session.start({ id: record.id, name: record.name, trainingOnly: false });
      await this.till.signIn({ id: record.id, name: record.name, role: 'manager', trainingOnly: false });
      return this.status();
    });
  }

  /** First start in training mode: the documented training manager instead of a new one; only training/staff.json is written. */
  useTrainingManager(): Promise<StaffStatus> {
    return this.serial.run('staff', async () => {
      if (!this.status().trainingManagerOffered)
        throw new PosError('SETUP_DONE', 'the training manager is offered on a first start in training mode only');
      const chosen = { id: `staff-${randomBytes(6).toString('hex')}`, createdAt: seoulIso(this.deps.now()) };
      await this.trainingManager.choose(chosen);
      this.deps.log.info('training manager chosen', { staffId: chosen.id });
      this.session.start({ id: chosen.id, name: TRAINING_MANAGER.name, trainingOnly: true });
      await this.till.signIn({ id: chosen.id, name: TRAINING_MANAGER.name, role: 'manager', trainingOnly: true });
      return this.status();
    });
  }

  /** A new member of staff; a manager's PIN must differ from every other PIN on record. */
  addStaff(input: { name: string; role: Role; pin: string | null }, by: Manager): Promise<StaffMember> {
    return this.serial.run('staff', async () => {
      refuseTrainingManager(by, 'add staff');
      return view(await this.add(input, by));
    });
  }

  private async add(input: { name: string; role: Role; pin: string | null }, by: Manager | null): Promise<StaffRecord> {
    if (input.role === 'manager' && input.pin === null) throw new PosError('INVALID_INPUT', 'a manager needs a PIN');
    if (input.pin !== null && (await this.pinTaken(input.pin)))
      throw new PosError('PIN_TAKEN', 'another member of staff has that PIN');
    const key = await this.signingKey();
    const fields = {
      id: `staff-${randomBytes(6).toString('hex')}`,
      name: input.name,
      role: input.role,
      pin: input.pin === null ? null : await hashPin(input.pin),
      active: true,
      createdAt: seoulIso(this.deps.now()),
      createdBy: by?.name ?? null,
    };
    const record: StaffRecord = { ...fields, signature: signRecord(key, fields) };
    await this.doc.update((draft) => {
      draft.staff.push(record);
    });
    this.changed?.(unsigned(record));
    this.deps.log.info('staff added', { staffId: record.id, role: record.role, by: by?.name ?? 'first start' });
    return record;
  }

  setActive(staffId: string, active: boolean, by: Manager): Promise<StaffMember> {
    return this.serial.run('staff', async () => {
      refuseTrainingManager(by, 'change staff');
      const record = this.doc.data.staff.find((s) => s.id === staffId);
      if (!record) throw new PosError('INVALID_INPUT', `no staff member ${staffId}`);
      if (!active && record.role === 'manager' && this.liveManagers().every((m) => m.id === staffId)) {
        throw new PosError('LAST_MANAGER', 'the last manager cannot be deactivated');
      }
      const key = await this.signingKey();
      const updated = await this.doc.update((draft) => {
        const target = draft.staff.find((s) => s.id === staffId);
        if (target) {
          target.active = active;
          target.signature = signRecord(key, target);
        }
        return target;
      });
      if (updated) this.changed?.(unsigned(updated));
      this.deps.log.info('staff active changed', { staffId, active, by: by.name });
      return view(updated ?? record);
    });
  }

  /**
   * Opens a manager session for the manager whose PIN this is. Refused while locked out; every
   * wrong PIN is counted on disk before the answer, so pulling the plug does not reset it.
   */
  unlock(pin: string): Promise<StaffStatus> {
    return this.serial.run('staff', async () => {
      const manager = await this.managerOfPin(pin);
      this.session.start(manager);
      this.deps.log.info('manager unlocked', { staffId: manager.id, trainingOnly: manager.trainingOnly });
      return this.status();
    });
  }

  /** A manager's yes on the spot (a discount above the limit): the same PIN check and lockout as unlock, without opening a session. */
  approve(pin: string): Promise<Manager> {
    return this.serial.run('staff', async () => {
      const manager = await this.managerOfPin(pin);
      this.deps.log.info('manager approved', { staffId: manager.id, trainingOnly: manager.trainingOnly });
      return manager;
    });
  }

  /**
   * Signs in at the till the member of staff whose PIN this is (cashier or manager), with the same
   * lockout as unlock. Whoever was at the till before is signed out, and any manager session ends:
   * the next person never inherits a manager's unlock.
   */
  signIn(pin: string): Promise<StaffStatus> {
    return this.serial.run('staff', async () => {
      const person = await this.checkedPin(pin, (p) => this.tillPersonOfPin(p));
      await this.startTill(person);
      return this.status();
    });
  }

  /** Signs in by picking a name from the list: only where the owner allows it. */
  signInByName(staffId: string): Promise<StaffStatus> {
    return this.serial.run('staff', async () => {
      if (!this.till.nameSignIn()) throw new PosError('NAME_SIGN_IN_OFF', 'signing in by name is off');
      const person = this.tillPersonOf(staffId);
      if (person === null) throw new PosError('INVALID_INPUT', `no active staff member ${staffId}`);
      await this.startTill(person);
      return this.status();
    });
  }

  /** Nobody at the till: the register shows the sign-in screen, and any manager session ends with it. */
  signOut(): Promise<StaffStatus> {
    return this.serial.run('staff', async () => {
      const was = this.till.current();
      await this.till.signOut();
      this.session.end();
      if (was !== null) this.deps.log.info('signed out at the till', { staffId: was.id });
      return this.status();
    });
  }

  /** Who may be picked by name (none while the owner has not allowed it). */
  signInNames(): Cashier[] {
    if (!this.till.nameSignIn()) return [];
    return this.list()
      .filter((member) => member.active)
      .map((member) => ({ id: member.id, name: member.name }));
  }

  setNameSignIn(on: boolean, by: Manager): Promise<StaffStatus> {
    return this.serial.run('staff', async () => {
      refuseTrainingManager(by, 'change how staff sign in');
      await this.till.setNameSignIn(on);
      this.policyChanged?.(on);
      this.deps.log.info('sign-in by name changed', { on, by: by.name });
      return this.status();
    });
  }

  private async startTill(person: TillPerson): Promise<void> {
    const manager = this.session.current();
    if (manager !== null && manager.id !== person.id) this.session.end();
    await this.till.signIn(person);
    this.deps.log.info('signed in at the till', { staffId: person.id, role: person.role });
  }

  private managerOfPin(pin: string): Promise<Manager> {
    return this.checkedPin(pin, (p) => this.whoseIsPin(p));
  }

  /** The one the PIN names, refused while locked out; every wrong PIN is counted on disk before the answer. */
  private async checkedPin<T>(pin: string, whose: (pin: string) => Promise<T | null>): Promise<T> {
    const before = this.status();
    if (before.lockedUntil !== null) throw new PosError('PIN_LOCKED', `unlock refused until ${before.lockedUntil}`);
    const manager = /^\d{4,8}$/.test(pin) ? await whose(pin) : null;
    if (manager === null) {
      const lockedUntil = await this.doc.update((draft) => {
        draft.lockout.failures += 1;
        const pause = lockoutMs(draft.lockout.failures);
        draft.lockout.lockedUntil = pause > 0 ? seoulIso(new Date(this.deps.now().getTime() + pause)) : null;
        return draft.lockout.lockedUntil;
      });
      this.deps.log.warn('wrong manager PIN', { failures: this.doc.data.lockout.failures });
      if (lockedUntil !== null)
        throw new PosError('PIN_LOCKED', `too many wrong PINs; unlock refused until ${lockedUntil}`);
      throw new PosError('PIN_WRONG', 'no manager has that PIN');
    }
    if (this.doc.data.lockout.failures > 0) {
      await this.doc.update((draft) => {
        draft.lockout = { failures: 0, lockedUntil: null };
      });
    }
    return manager;
  }

  lock(): StaffStatus {
    this.session.end();
    return this.status();
  }

  /** The manager who can unlock now with this PIN: one of the shop's first (their real power, in either mode), else the training manager in training mode. */
  private async whoseIsPin(pin: string): Promise<Manager | null> {
    const live = await firstMatch(pin, this.liveManagers());
    if (live !== null) return { id: live.id, name: live.name, trainingOnly: false };
    const training = this.trainingManagerNow();
    if (training !== null && pin === TRAINING_MANAGER.pin)
      return { id: training.id, name: TRAINING_MANAGER.name, trainingOnly: true };
    return null;
  }

  /** Who signs in at the till with this PIN: any active member of staff with one, else the training manager in training. */
  private async tillPersonOfPin(pin: string): Promise<TillPerson | null> {
    const record = await firstMatch(
      pin,
      this.doc.data.staff.filter((s) => s.active),
    );
    if (record !== null) return { id: record.id, name: record.name, role: record.role, trainingOnly: false };
    const training = this.trainingManagerNow();
    if (training !== null && pin === TRAINING_MANAGER.pin)
      return { id: training.id, name: TRAINING_MANAGER.name, role: 'manager', trainingOnly: true };
    return null;
  }

  /** The documented training PIN is public, so no member of the shop's staff may have it; nor a PIN another one has. */
  private async pinTaken(pin: string): Promise<boolean> {
    return pin === TRAINING_MANAGER.pin || (await firstMatch(pin, this.doc.data.staff)) !== null;
  }
}

/** The documented training PIN is public: a session opened with it may change nothing that outlives training. */
function refuseTrainingManager(by: Manager, what: string): void {
  if (by.trainingOnly)
    throw new PosError(
      'TRAINING_MANAGER_LIMITED',
      `the training manager cannot ${what}; unlock with a real manager's PIN`,
    );
}

/** The record whose PIN this is, checked against every hash, found or not, so the time taken says nothing about which one matched. */
async function firstMatch(pin: string, records: readonly StaffRecord[]): Promise<StaffRecord | null> {
  let found: StaffRecord | null = null;
  for (const record of records) {
    if (record.pin !== null && (await pinMatches(pin, record.pin)) && found === null) found = record;
  }
  return found;
}

/**
 * A folder from before signatures: its training manager moves to training/staff.json (written
 * first, so a start cut short finds it there and only drops it from staff.json), and every other
 * record is signed with this install's key, made now unless a start cut short made it already.
 */
async function signOnce(
  found: FoundStaffFile,
  at: {
    keys: StaffKeyFile;
    key: Buffer | null;
    trainingManager: TrainingManagerFile;
    path: string;
    deps: StaffServiceDeps;
  },
): Promise<Buffer | null> {
  const { log, io } = at.deps;
  const legacyTraining = found.staff.find((record) => record.trainingOnly === true);
  if (legacyTraining !== undefined) {
    if (at.trainingManager.chosen() === null)
      await at.trainingManager.choose({ id: legacyTraining.id, createdAt: legacyTraining.createdAt });
    log.info('the training manager moved out of staff.json into training/staff.json', { staffId: legacyTraining.id });
  }
  const shop = found.staff
    .filter((record) => record.trainingOnly !== true)
    .map(({ trainingOnly: _trainingOnly, signature: _signature, ...fields }) => fields);
  const key = shop.length === 0 ? at.key : (at.key ?? (await at.keys.create()));
  const staff = key === null ? [] : shop.map((fields) => ({ ...fields, signature: signRecord(key, fields) }));
  await io.writeAtomic(at.path, JSON.stringify({ staff, lockout: found.lockout } satisfies StaffFile, null, 2));
  log.info('staff.json signed once: a folder from before staff records were signed', { records: staff.length });
  return key;
}
