import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRAINING_MANAGER } from '../../../../shared/domain/staff';
import type { Logger } from '../../../../electron/core/platform/log/logger';
import { plainTextCipher } from '../../../../electron/core/shop/secrets/key-cipher';
import { MANAGER_IDLE_MS } from '../../../../electron/core/shop/staff/manager-session';
import { hashPin, pinMatches } from '../../../../electron/core/shop/staff/pin-hash';
import { lockoutMs, StaffService } from '../../../../electron/core/shop/staff/staff-service';
import { diskIo } from '../../../../electron/core/platform/disk/file-io';
import { capturingLog } from '../../helpers/capturing-log';
import { silentLog, withCore } from '../../helpers/pos';
import { tempDir } from '../../helpers/temp-dir';

/** A clock the test moves by hand. */
function clock(start = '2026-12-01T03:00:00Z') {
  let at = Date.parse(start);
  return { now: () => new Date(at), advance: (ms: number) => void (at += ms) };
}

async function staffService(options: { dataDir?: string; training?: boolean; now?: () => Date; log?: Logger } = {}) {
  const dataDir = options.dataDir ?? (await tempDir('staff'));
  const staff = await StaffService.open({
    dataDir,
    io: diskIo,
    now: options.now ?? (() => new Date()),
    log: options.log ?? silentLog,
    training: () => options.training ?? false,
    cipher: plainTextCipher,
    hasSales: async () => false,
  });
  return { dataDir, staff };
}

/** A session of the documented training manager, as unlocking with 0000 in training mode opens it. */
const TRAINING_SESSION = { id: 'staff-training', name: TRAINING_MANAGER.name, trainingOnly: true };

describe('PINs at rest', () => {
  it('are salted scrypt hashes: the same PIN twice gives two different hashes, each matching only that PIN', async () => {
    const a = await hashPin('482913');
    const b = await hashPin('482913');
    expect(a).toMatchObject({ algorithm: 'scrypt', N: 16_384, r: 8, p: 1 });
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await pinMatches('482913', a)).toBe(true);
    expect(await pinMatches('482914', a)).toBe(false);
    expect(await pinMatches('48291', a)).toBe(false);
  });

  it('never reach the disk or an IPC answer in plain text', async () => {
    const h = await withCore({ firstStart: true });
    await h.ok('staff:setup-owner', { name: '김토스', pin: '482913' });
    await h.ok('staff:add', { name: '이매니저', role: 'manager', pin: '771204' });
    const onDisk = await readFile(join(h.dataDir, 'staff.json'), 'utf8');
    for (const pin of ['482913', '771204']) expect(onDisk).not.toContain(pin);
    const answers = JSON.stringify([await h.ok('staff:list', {}), await h.ok('staff:status', {})]);
    expect(answers).not.toMatch(/482913|771204|salt|hash/);
  });
});

describe('first start', () => {
  it('asks for an owner; the owner becomes the first manager, unlocked, and setup is then closed', async () => {
    const h = await withCore({ firstStart: true });
    expect(await h.ok('staff:status', {})).toMatchObject({
      setupNeeded: true,
      trainingManagerOffered: true,
      session: null,
    });
    const status = await h.ok('staff:setup-owner', { name: '김토스', pin: '482913' });
    expect(status).toMatchObject({ setupNeeded: false, session: { managerName: '김토스' } });
    expect(await h.fail('staff:setup-owner', { name: '남', pin: '111111' })).toMatchObject({ code: 'SETUP_DONE' });
    expect(await h.ok('staff:list', {})).toEqual([
      expect.objectContaining({ name: '김토스', role: 'manager', active: true, trainingOnly: false }),
    ]);
  });

  it('refuses a PIN that is not 4–8 digits', async () => {
    const h = await withCore({ firstStart: true });
    for (const pin of ['123', '123456789', '12a4', ' 1234', '']) {
      expect(await h.fail('staff:setup-owner', { name: '김토스', pin }), pin).toMatchObject({ code: 'INVALID_INPUT' });
    }
    expect(await h.ok('staff:status', {})).toMatchObject({ setupNeeded: true });
  });

  it('lets two setups racing at once make one owner only', async () => {
    const h = await withCore({ firstStart: true });
    const results = await Promise.all([
      h.call('staff:setup-owner', { name: 'A', pin: '1111' }),
      h.call('staff:setup-owner', { name: 'B', pin: '2222' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await h.ok('staff:list', {})).toHaveLength(1);
  });

  it('offers the documented training manager in training mode only, and its PIN never works live', async () => {
    const { staff, dataDir } = await staffService({ training: true });
    await staff.useTrainingManager();
    staff.lock();
    expect(await staff.unlock(TRAINING_MANAGER.pin)).toMatchObject({ session: { managerName: TRAINING_MANAGER.name } });

    const live = await staffService({ dataDir, training: false });
    expect(live.staff.status()).toMatchObject({ setupNeeded: true, trainingManagerOffered: false });
    await expect(live.staff.unlock(TRAINING_MANAGER.pin)).rejects.toMatchObject({ code: 'PIN_WRONG' });
    await expect(live.staff.useTrainingManager()).rejects.toMatchObject({ code: 'SETUP_DONE' });
  });
});

describe('unlocking manager mode', () => {
  it('opens a session for the manager whose PIN it is, and Lock closes it', async () => {
    const { staff } = await staffService();
    await staff.setupOwner('김토스', '482913');
    staff.lock();
    expect(staff.status().session).toBeNull();
    expect((await staff.unlock('482913')).session).toMatchObject({ managerName: '김토스' });
    expect(staff.lock().session).toBeNull();
  });

  it('locks itself after two minutes without a manager action; each action extends it', async () => {
    const time = clock();
    const { staff } = await staffService({ now: time.now });
    await staff.setupOwner('김토스', '482913');
    time.advance(MANAGER_IDLE_MS - 1000);
    staff.session.touch();
    time.advance(MANAGER_IDLE_MS - 1000);
    expect(staff.session.current()).toMatchObject({ name: '김토스' });
    time.advance(2000);
    expect(staff.session.current()).toBeNull();
    expect(staff.status().session).toBeNull();
  });

  it('pauses after 5 wrong PINs for 30 s, doubling with each further one, and a right PIN resets the count', async () => {
    expect([4, 5, 6, 7, 8].map(lockoutMs)).toEqual([0, 30_000, 60_000, 120_000, 240_000]);
    expect(lockoutMs(40)).toBe(60 * 60 * 1000);

    const time = clock();
    const { staff } = await staffService({ now: time.now });
    await staff.setupOwner('김토스', '482913');
    staff.lock();
    for (let i = 1; i <= 4; i += 1) await expect(staff.unlock('000000')).rejects.toMatchObject({ code: 'PIN_WRONG' });
    await expect(staff.unlock('000000')).rejects.toMatchObject({ code: 'PIN_LOCKED' });
    // Locked: even the right PIN is refused until the pause is over.
    await expect(staff.unlock('482913')).rejects.toMatchObject({ code: 'PIN_LOCKED' });
    expect(staff.status().lockedUntil).toBe('2026-12-01T12:00:30+09:00');
    time.advance(30_001);
    await expect(staff.unlock('000000')).rejects.toMatchObject({
      code: 'PIN_LOCKED',
      message: expect.stringContaining('12:01:30'),
    });
    time.advance(60_001);
    expect((await staff.unlock('482913')).session).not.toBeNull();
    staff.lock();
    await expect(staff.unlock('000000')).rejects.toMatchObject({ code: 'PIN_WRONG' });
  });

  it('keeps the lockout across a restart', async () => {
    const time = clock();
    const first = await staffService({ now: time.now });
    await first.staff.setupOwner('김토스', '482913');
    first.staff.lock();
    for (let i = 0; i < 5; i += 1) await first.staff.unlock('999999').catch(() => undefined);
    const restarted = await staffService({ dataDir: first.dataDir, now: time.now });
    expect(restarted.staff.status().lockedUntil).not.toBeNull();
    await expect(restarted.staff.unlock('482913')).rejects.toMatchObject({ code: 'PIN_LOCKED' });
  });

  it('meets a burst of guesses sent at once one by one, so the lockout stops the burst', async () => {
    const { staff } = await staffService();
    await staff.setupOwner('김토스', '482913');
    staff.lock();
    const guesses = Array.from({ length: 12 }, (_, i) =>
      staff.unlock(String(100000 + i)).then(
        () => 'open',
        (e: { code: string }) => e.code,
      ),
    );
    const codes = await Promise.all(guesses);
    expect(codes.filter((c) => c === 'PIN_WRONG')).toHaveLength(4);
    expect(codes.filter((c) => c === 'PIN_LOCKED')).toHaveLength(8);
  });
});

describe('staff', () => {
  it('a manager adds cashiers and managers, PINs unique, and cannot remove the last manager', async () => {
    const h = await withCore({ firstStart: true });
    await h.ok('staff:setup-owner', { name: '김토스', pin: '482913' });
    const cashier = await h.ok('staff:add', { name: '박알바', role: 'cashier', pin: null });
    expect(cashier).toMatchObject({ role: 'cashier', active: true });
    expect(await h.fail('staff:add', { name: '최매니저', role: 'manager', pin: '482913' })).toMatchObject({
      code: 'PIN_TAKEN',
    });
    expect(await h.fail('staff:add', { name: '최매니저', role: 'manager', pin: null })).toMatchObject({
      code: 'INVALID_INPUT',
    });
    const owner = (await h.ok('staff:list', {})).find((s) => s.name === '김토스');
    expect(await h.fail('staff:set-active', { staffId: owner?.id ?? '', active: false })).toMatchObject({
      code: 'LAST_MANAGER',
    });
    expect(await h.ok('staff:set-active', { staffId: cashier.id, active: false })).toMatchObject({ active: false });
  });

  it('a deactivated manager can no longer unlock, and loses an open session at once', async () => {
    const h = await withCore({ firstStart: true });
    await h.ok('staff:setup-owner', { name: '김토스', pin: '482913' });
    const second = await h.ok('staff:add', { name: '이매니저', role: 'manager', pin: '771204' });
    await h.ok('staff:set-active', { staffId: second.id, active: false });
    await h.ok('staff:lock', {});
    expect(await h.fail('staff:unlock', { pin: '771204' })).toMatchObject({ code: 'PIN_WRONG' });
    await h.ok('staff:unlock', { pin: '482913' });
    await h.ok('staff:set-active', { staffId: second.id, active: true });
    await h.ok('staff:lock', {});
    // The owner, unlocked, deactivates their own record: the session ends with it.
    await h.ok('staff:unlock', { pin: '482913' });
    const owner = (await h.ok('staff:list', {})).find((s) => s.name === '김토스');
    await h.ok('staff:set-active', { staffId: owner?.id ?? '', active: false });
    expect(await h.ok('staff:status', {})).toMatchObject({ session: null });
    expect(await h.fail('staff:list', {})).toMatchObject({ code: 'MANAGER_REQUIRED' });
    expect(await h.fail('staff:unlock', { pin: '482913' })).toMatchObject({ code: 'PIN_WRONG' });
  });
});

describe('the training manager', () => {
  it('is offered beside the owner on a first start in training, and choosing it writes training/staff.json only (owner-only), never the shop’s staff.json', async () => {
    const { staff, dataDir } = await staffService({ training: true });
    expect(staff.status()).toMatchObject({ setupNeeded: true, trainingManagerOffered: true });
    expect(await staff.useTrainingManager()).toMatchObject({
      setupNeeded: false,
      session: { managerName: TRAINING_MANAGER.name },
    });
    expect(staff.session.current()).toMatchObject({ trainingOnly: true });
    expect(staff.hasLiveManager()).toBe(false);
    await expect(readFile(join(dataDir, 'staff.json'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(JSON.parse(await readFile(join(dataDir, 'training', 'staff.json'), 'utf8'))).toEqual({
      manager: { id: expect.any(String), createdAt: expect.any(String) },
    });
    expect((await stat(join(dataDir, 'training'))).mode & 0o777).toBe(0o700);
    expect((await stat(join(dataDir, 'training', 'staff.json'))).mode & 0o777).toBe(0o600);
  });

  it('cannot add staff or deactivate the owner, and the last-manager rule does not count it', async () => {
    const h = await withCore({ firstStart: true });
    await h.ok('staff:use-training-manager', {});
    expect(await h.fail('staff:add', { name: '침입자', role: 'manager', pin: '135790' })).toMatchObject({
      code: 'TRAINING_MANAGER_LIMITED',
    });
    // The shop still has no manager of its own: its owner can be set up, and is unlocked at once.
    await h.ok('staff:setup-owner', { name: '김토스', pin: '482913' });
    const owner = (await h.ok('staff:list', {})).find((s) => s.name === '김토스');
    await h.ok('staff:lock', {});
    expect(await h.ok('staff:unlock', { pin: TRAINING_MANAGER.pin })).toMatchObject({
      session: { managerName: TRAINING_MANAGER.name },
    });
    expect(await h.fail('staff:set-active', { staffId: owner?.id ?? '', active: false })).toMatchObject({
      code: 'TRAINING_MANAGER_LIMITED',
    });
    expect(await h.fail('staff:add', { name: '박알바', role: 'cashier', pin: null })).toMatchObject({
      code: 'TRAINING_MANAGER_LIMITED',
    });
    // The owner is the shop's only manager, whoever else can unlock in training.
    await h.ok('staff:lock', {});
    await h.ok('staff:unlock', { pin: '482913' });
    expect(await h.fail('staff:set-active', { staffId: owner?.id ?? '', active: false })).toMatchObject({
      code: 'LAST_MANAGER',
    });
    const onDisk = JSON.parse(await readFile(join(h.dataDir, 'staff.json'), 'utf8')) as {
      staff: Array<{ name: string; active: boolean }>;
    };
    expect(onDisk.staff.map((s) => [s.name, s.active])).toEqual([['김토스', true]]);
  });

  it('is refused by the staff service itself, whichever way the call arrives, with its own code', async () => {
    const { staff } = await staffService({ training: true });
    await staff.useTrainingManager();
    await staff.setupOwner('김토스', '482913');
    const owner = staff.list().find((s) => s.name === '김토스');
    await expect(
      staff.addStaff({ name: '침입자', role: 'manager', pin: '135790' }, TRAINING_SESSION),
    ).rejects.toMatchObject({ code: 'TRAINING_MANAGER_LIMITED' });
    await expect(staff.setActive(owner?.id ?? '', false, TRAINING_SESSION)).rejects.toMatchObject({
      code: 'TRAINING_MANAGER_LIMITED',
    });
    expect(staff.list().map((s) => [s.name, s.active, s.trainingOnly])).toEqual([
      ['김토스', true, false],
      [TRAINING_MANAGER.name, true, true],
    ]);
  });

  it('unlocks in training mode only, with a trainingOnly session; a live manager unlocks in either mode with their real power', async () => {
    const { staff, dataDir } = await staffService({ training: true });
    await staff.useTrainingManager();
    await staff.setupOwner('김토스', '482913');
    staff.lock();
    await staff.unlock(TRAINING_MANAGER.pin);
    expect(staff.session.current()).toMatchObject({ name: TRAINING_MANAGER.name, trainingOnly: true });
    await staff.unlock('482913');
    expect(staff.session.current()).toMatchObject({ name: '김토스', trainingOnly: false });

    const live = await staffService({ dataDir, training: false });
    await expect(live.staff.unlock(TRAINING_MANAGER.pin)).rejects.toMatchObject({ code: 'PIN_WRONG' });
    expect(live.staff.list().map((s) => s.name)).toEqual(['김토스']);
    await live.staff.unlock('482913');
    expect(live.staff.session.current()).toMatchObject({ trainingOnly: false });
  });

  it('never shares its public PIN with a member of the shop’s staff', async () => {
    const { staff } = await staffService();
    await expect(staff.setupOwner('김토스', TRAINING_MANAGER.pin)).rejects.toMatchObject({ code: 'PIN_TAKEN' });
  });

  it('is moved out of a staff.json written before the sandbox (logged), and no longer counts as one of the shop’s managers', async () => {
    const dataDir = await tempDir('staff-legacy');
    const record = async (name: string, pin: string, trainingOnly: boolean) => ({
      id: `staff-${name === TRAINING_MANAGER.name ? 'training' : 'owner'}`,
      name,
      role: 'manager',
      pin: await hashPin(pin),
      active: true,
      trainingOnly,
      createdAt: '2026-11-01T10:00:00+09:00',
      createdBy: null,
    });
    const legacy = {
      staff: [await record(TRAINING_MANAGER.name, TRAINING_MANAGER.pin, true), await record('김토스', '482913', false)],
      lockout: { failures: 0, lockedUntil: null },
    };
    await writeFile(join(dataDir, 'staff.json'), JSON.stringify(legacy));
    const said = capturingLog();
    const { staff } = await staffService({ dataDir, training: true, log: said.log });

    expect(said.info.map(([message]) => message)).toContain(
      'the training manager moved out of staff.json into training/staff.json',
    );
    const live = JSON.parse(await readFile(join(dataDir, 'staff.json'), 'utf8')) as {
      staff: Array<Record<string, unknown>>;
    };
    expect(live.staff.map((s) => s['name'])).toEqual(['김토스']);
    expect(JSON.stringify(live)).not.toContain('trainingOnly');
    expect(JSON.parse(await readFile(join(dataDir, 'training', 'staff.json'), 'utf8'))).toEqual({
      manager: { id: 'staff-training', createdAt: '2026-11-01T10:00:00+09:00' },
    });
    await staff.unlock(TRAINING_MANAGER.pin);
    expect(staff.session.current()).toMatchObject({ id: 'staff-training', trainingOnly: true });
    const owner = staff.list().find((s) => s.name === '김토스');
    await staff.unlock('482913');
    await expect(
      staff.setActive(owner?.id ?? '', false, { id: 'staff-owner', name: '김토스', trainingOnly: false }),
    ).rejects.toMatchObject({ code: 'LAST_MANAGER' });
  });
});
