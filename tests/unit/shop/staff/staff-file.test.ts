import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { plainTextCipher, type KeyCipher } from '../../../../electron/core/shop/secrets/key-cipher';
import { hashPin } from '../../../../electron/core/shop/staff/pin-hash';
import { StaffService } from '../../../../electron/core/shop/staff/staff-service';
import { StoreFileCorruptError } from '../../../../electron/core/platform/disk/corrupt-file-error';
import { diskIo } from '../../../../electron/core/platform/disk/file-io';
import { capturingLog } from '../../helpers/capturing-log';
import { silentLog, startOwnSimulator, withCore, withLiveCore } from '../../helpers/pos';
import { tempDir } from '../../helpers/temp-dir';

interface OnDisk {
  staff: Array<{ id: string; name: string; role: string; pin: unknown; active: boolean; signature?: string }>;
  lockout: { failures: number; lockedUntil: string | null };
}

const readStaff = async (dataDir: string) => JSON.parse(await readFile(join(dataDir, 'staff.json'), 'utf8')) as OnDisk;
const writeStaff = (dataDir: string, file: OnDisk) =>
  writeFile(join(dataDir, 'staff.json'), JSON.stringify(file, null, 2));

/** A keychain stand-in: "encrypts" by tagging the text, so a file it wrote cannot be read as plain text. */
const keychainCipher: KeyCipher = {
  availability: async () => ({ available: true, protection: 'os-keychain', detail: 'test keychain' }),
  encrypt: async (text) => Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
  decrypt: async (blob) => ({
    text: Buffer.from(blob.toString().replace(/^sealed:/, ''), 'hex').toString(),
    shouldReEncrypt: false,
  }),
};

function open(
  dataDir: string,
  options: { hasSales?: boolean; cipher?: KeyCipher; log?: ReturnType<typeof capturingLog>['log'] } = {},
) {
  return StaffService.open({
    dataDir,
    io: diskIo,
    now: () => new Date('2026-12-01T03:00:00Z'),
    log: options.log ?? silentLog,
    training: () => false,
    cipher: options.cipher ?? plainTextCipher,
    hasSales: async () => options.hasSales ?? false,
  });
}

/** A shop with its owner (PIN 482913), a cashier with a PIN, and a second manager since deactivated. */
async function shop(): Promise<{ dataDir: string; ids: Record<'owner' | 'cashier' | 'former', string> }> {
  const dataDir = await tempDir('staff-file');
  const staff = await open(dataDir);
  await staff.setupOwner('김토스', '482913');
  const owner = { id: staff.list()[0]?.id ?? '', name: '김토스', trainingOnly: false };
  const cashier = await staff.addStaff({ name: '박알바', role: 'cashier', pin: '246810' }, owner);
  const former = await staff.addStaff({ name: '이전매니저', role: 'manager', pin: '771204' }, owner);
  await staff.setActive(former.id, false, owner);
  return { dataDir, ids: { owner: owner.id, cashier: cashier.id, former: former.id } };
}

/** Start-up refuses the folder: the error names staff.json and what is wrong with it. */
async function refusal(
  dataDir: string,
  options: { hasSales?: boolean; cipher?: KeyCipher } = {},
): Promise<StoreFileCorruptError> {
  const error = await open(dataDir, options).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StoreFileCorruptError);
  const refused = error as StoreFileCorruptError;
  expect(refused.path).toBe(join(dataDir, 'staff.json'));
  return refused;
}

describe('staff.json cannot be edited into giving anyone a manager’s power', () => {
  it('signs every record, and a shop opened again is trusted as it was written', async () => {
    const { dataDir } = await shop();
    const file = await readStaff(dataDir);
    expect(file.staff.every((s) => typeof s.signature === 'string')).toBe(true);
    expect((await stat(join(dataDir, 'staff-key.json'))).mode & 0o777).toBe(0o600);
    const again = await open(dataDir);
    expect((await again.unlock('482913')).session).toMatchObject({ managerName: '김토스' });
  });

  it('refuses at start a manager added by hand with a PIN hash copied from another folder, naming the record', async () => {
    const elsewhere = await shop();
    const { dataDir } = await shop();
    const copied = (await readStaff(elsewhere.dataDir)).staff.find((s) => s.id === elsewhere.ids.owner);
    const file = await readStaff(dataDir);
    // Copied whole (its signature is the other folder's), and again without a signature.
    if (copied === undefined) throw new Error('no owner elsewhere');
    await writeStaff(dataDir, { ...file, staff: [...file.staff, { ...copied, id: 'staff-intruder', name: '침입자' }] });
    const whole = await refusal(dataDir);
    expect(whole.message).toContain('staff record staff-intruder (침입자) does not match its signature');
    expect(whole.message).toMatch(/Fix the file or restore it from a backup/);
    const unsigned = { ...copied, signature: undefined };
    await writeStaff(dataDir, {
      ...file,
      staff: [...file.staff, { ...unsigned, id: 'staff-intruder', name: '침입자' }],
    });
    expect((await refusal(dataDir)).message).toContain('staff record staff-intruder (침입자) has no signature');
  });

  it('refuses a cashier promoted by hand, a deactivated manager switched back on, and a PIN hash swapped in, each by name', async () => {
    const { dataDir, ids } = await shop();
    const original = await readStaff(dataDir);
    const edits: Array<[string, (s: OnDisk['staff'][number]) => OnDisk['staff'][number]]> = [
      [`${ids.cashier} (박알바)`, (s) => (s.id === ids.cashier ? { ...s, role: 'manager' } : s)],
      [`${ids.former} (이전매니저)`, (s) => (s.id === ids.former ? { ...s, active: true } : s)],
      [
        `${ids.owner} (김토스)`,
        (s) => (s.id === ids.owner ? { ...s, pin: original.staff.find((c) => c.id === ids.cashier)?.pin } : s),
      ],
    ];
    for (const [named, edit] of edits) {
      await writeStaff(dataDir, { ...original, staff: original.staff.map(edit) });
      expect((await refusal(dataDir)).message, named).toContain(`staff record ${named} does not match its signature`);
    }
    // The lockout is not signed: changing it by hand lets no record through, and the shop opens.
    await writeStaff(dataDir, { ...original, lockout: { failures: 2, lockedUntil: null } });
    await expect(open(dataDir)).resolves.toBeInstanceOf(StaffService);
  });

  it('refuses a signed staff.json whose key is missing', async () => {
    const { dataDir } = await shop();
    await rm(join(dataDir, 'staff-key.json'));
    expect((await refusal(dataDir)).message).toMatch(
      /its records are signed, but the signing key \(staff-key\.json\) is missing/,
    );
  });

  it('keeps the key through the shell’s cipher: a keychain-sealed key is not on disk in the clear, and the browser host cannot use it', async () => {
    const dataDir = await tempDir('staff-keychain');
    const staff = await open(dataDir, { cipher: keychainCipher });
    await staff.setupOwner('김토스', '482913');
    const envelope = JSON.parse(await readFile(join(dataDir, 'staff-key.json'), 'utf8')) as {
      protection: string;
      data: string;
    };
    expect(envelope.protection).toBe('os-keychain');
    expect(Buffer.from(envelope.data, 'base64').toString()).toMatch(/^sealed:/);
    await expect(open(dataDir, { cipher: keychainCipher })).resolves.toBeInstanceOf(StaffService);
    expect((await refusal(dataDir, { cipher: plainTextCipher })).message).toMatch(
      /staff-key\.json\) cannot be used: .*desktop app/,
    );
  });
});

describe('a folder with sales never falls back to the first-start screen', () => {
  it('refuses an emptied or removed staff.json there, and says what to do', async () => {
    const { dataDir } = await shop();
    const emptied = { staff: [], lockout: { failures: 0, lockedUntil: null } };
    await writeStaff(dataDir, emptied);
    expect((await refusal(dataDir, { hasSales: true })).message).toMatch(
      /it has no staff, but this data folder has sales.*Restore staff\.json and staff-key\.json from a backup/,
    );
    await rm(join(dataDir, 'staff.json'));
    expect((await refusal(dataDir, { hasSales: true })).message).toMatch(
      /it has no staff, but this data folder has sales/,
    );
    // A folder with no sales yet is a first start, as it always was.
    expect((await open(dataDir, { hasSales: false })).status()).toMatchObject({ setupNeeded: true });
  });

  it('stops the app’s start on a shop that has sold, instead of opening the owner screen', async () => {
    const own = await startOwnSimulator();
    const h = await withLiveCore(own);
    await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    await h.close();
    await writeStaff(h.dataDir, { staff: [], lockout: { failures: 0, lockedUntil: null } });
    await expect(withLiveCore(own, { dataDir: h.dataDir })).rejects.toThrow(
      /staff\.json: it has no staff, but this data folder has sales/,
    );
  });
});

describe('a folder from before signatures', () => {
  it('is signed once at open (said in the log), then verifies like any other, and a record changed after is refused', async () => {
    const dataDir = await tempDir('staff-unsigned');
    const record = async (id: string, name: string, role: 'manager' | 'cashier', pin: string | null) => ({
      id,
      name,
      role,
      pin: pin === null ? null : await hashPin(pin),
      active: true,
      trainingOnly: false,
      createdAt: '2026-11-01T10:00:00+09:00',
      createdBy: null,
    });
    const before = {
      staff: [
        await record('staff-owner', '김토스', 'manager', '482913'),
        await record('staff-cashier', '박알바', 'cashier', null),
      ],
      lockout: { failures: 1, lockedUntil: null },
    };
    await writeFile(join(dataDir, 'staff.json'), JSON.stringify(before));

    const first = capturingLog();
    const staff = await open(dataDir, { hasSales: true, log: first.log });
    expect(first.info).toContainEqual([
      'staff.json signed once: a folder from before staff records were signed',
      { records: 2 },
    ]);
    expect(first.info.map(([message]) => message)).toContain('staff signing key made');
    const signed = await readStaff(dataDir);
    expect(signed.staff.map((s) => [s.id, typeof s.signature])).toEqual([
      ['staff-owner', 'string'],
      ['staff-cashier', 'string'],
    ]);
    expect(signed.lockout).toEqual({ failures: 1, lockedUntil: null });
    expect((await staff.unlock('482913')).session).toMatchObject({ managerName: '김토스' });

    const bytes = await readFile(join(dataDir, 'staff.json'), 'utf8');
    const second = capturingLog();
    await open(dataDir, { hasSales: true, log: second.log });
    expect(second.all).toEqual([]);
    expect(await readFile(join(dataDir, 'staff.json'), 'utf8')).toBe(bytes);

    await writeStaff(dataDir, {
      ...signed,
      staff: signed.staff.map((s) => (s.id === 'staff-cashier' ? { ...s, role: 'manager' } : s)),
    });
    expect((await refusal(dataDir, { hasSales: true })).message).toContain(
      'staff record staff-cashier (박알바) does not match its signature',
    );
  });
});

describe('start-up', () => {
  it('reaches the owner as a typed start-up error naming the file, like a damaged catalog', async () => {
    const h = await withCore({ firstStart: true });
    await h.ok('staff:setup-owner', { name: '김토스', pin: '482913' });
    await h.close();
    const file = await readStaff(h.dataDir);
    await writeStaff(h.dataDir, { ...file, staff: file.staff.map((s) => ({ ...s, name: '다른 사람' })) });
    const error = await withCore({ dataDir: h.dataDir }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreFileCorruptError);
    expect((error as Error).message).toMatch(
      /^data file is unreadable: .*staff\.json: staff record staff-[0-9a-f]+ \(다른 사람\) does not match its signature/,
    );
  });
});
