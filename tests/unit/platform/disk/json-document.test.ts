import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { StoreFileCorruptError } from '../../../../electron/core/platform/disk/corrupt-file-error';
import { diskIo } from '../../../../electron/core/platform/disk/file-io';
import { JsonDocument } from '../../../../electron/core/platform/disk/json-document';
import { faultyIo } from '../../helpers/faulty-io';
import { tempDir } from '../../helpers/temp-dir';

const settingsSchema = z.strictObject({ shopName: z.string().min(1), tables: z.number().int().nonnegative() });
type Settings = z.infer<typeof settingsSchema>;
const defaults: Settings = { shopName: '토스 카페', tables: 4 };

async function documentPath(): Promise<string> {
  return join(await tempDir('document'), 'settings.json');
}

describe('a JSON document (settings, catalog, staff)', () => {
  it('starts from its defaults when the file is missing, and keeps what was saved across a restart, as readable JSON', async () => {
    const path = await documentPath();
    const doc = await JsonDocument.open(path, settingsSchema, defaults, diskIo);
    expect(doc.data).toEqual(defaults);
    const saved = await doc.update((draft) => {
      draft.tables = 6;
      return 'saved';
    });
    expect(saved).toBe('saved');
    expect(doc.data).toEqual({ shopName: '토스 카페', tables: 6 });
    expect(await readFile(path, 'utf8')).toBe('{\n  "shopName": "토스 카페",\n  "tables": 6\n}');
    expect((await JsonDocument.open(path, settingsSchema, defaults, diskIo)).data).toEqual({
      shopName: '토스 카페',
      tables: 6,
    });
  });

  it('refuses a change the schema does not allow: memory and file keep what they had', async () => {
    const path = await documentPath();
    const doc = await JsonDocument.open(path, settingsSchema, defaults, diskIo);
    await doc.update((draft) => void (draft.tables = 2));
    await expect(doc.update((draft) => void (draft.shopName = ''))).rejects.toThrow();
    expect(doc.data).toEqual({ shopName: '토스 카페', tables: 2 });
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ shopName: '토스 카페', tables: 2 });
  });

  it('a write the disk refuses changes nothing: the next read still sees the old contents', async () => {
    const path = await documentPath();
    let full = false;
    const disk = faultyIo(() => full);
    const doc = await JsonDocument.open(path, settingsSchema, defaults, disk.io);
    await doc.update((draft) => void (draft.tables = 2));
    full = true;
    await expect(doc.update((draft) => void (draft.tables = 9))).rejects.toMatchObject({ code: 'ENOSPC' });
    expect(doc.data).toEqual({ shopName: '토스 카페', tables: 2 });
    full = false;
    await doc.update((draft) => void (draft.shopName = '토스 베이커리'));
    expect((await JsonDocument.open(path, settingsSchema, defaults, diskIo)).data).toEqual({
      shopName: '토스 베이커리',
      tables: 2,
    });
  });

  it('changes made at once are made one after the other: none is lost', async () => {
    const path = await documentPath();
    const doc = await JsonDocument.open(path, settingsSchema, defaults, diskIo);
    await Promise.all(Array.from({ length: 20 }, () => doc.update((draft) => void (draft.tables += 1))));
    expect(doc.data.tables).toBe(24);
    expect((await JsonDocument.open(path, settingsSchema, defaults, diskIo)).data.tables).toBe(24);
  });

  it('a file that does not parse, or breaks the schema, stops the open naming the file, and is left as it is', async () => {
    const path = await documentPath();
    await writeFile(path, '{"shopName": "토스 카페", "tables": -1}');
    const refused = JsonDocument.open(path, settingsSchema, defaults, diskIo);
    await expect(refused).rejects.toBeInstanceOf(StoreFileCorruptError);
    await expect(refused).rejects.toThrow(`data file is unreadable: ${path}: tables: `);
    await writeFile(path, '{"shopName": ');
    await expect(JsonDocument.open(path, settingsSchema, defaults, diskIo)).rejects.toThrow(/it is not JSON/);
    expect(await readFile(path, 'utf8')).toBe('{"shopName": ');
  });
});
