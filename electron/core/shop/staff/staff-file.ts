import { join } from 'node:path';
import { z } from 'zod';
import { roles } from '../../../../shared/domain/staff';
import { StoreFileCorruptError } from '../../platform/disk/corrupt-file-error';
import type { FileIo } from '../../platform/disk/file-io';
import { JsonDocument } from '../../platform/disk/json-document';
import { pinHashSchema } from './pin-hash';

export const STAFF_FILE = 'staff.json';

const recordFields = {
  id: z.string(),
  name: z.string(),
  role: z.enum(roles),
  /** Managers have one; cashiers need none to ring up sales. */
  pin: pinHashSchema.nullable(),
  active: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
};

/** Wrong PINs in a row, and until when unlock is refused: kept on disk so a restart does not reset it. Unsigned: it can only slow unlocking. */
const lockoutSchema = z.strictObject({ failures: z.number().int().nonnegative(), lockedUntil: z.string().nullable() });

/** A member of the shop's staff, signed with this install's key over every other field. */
const staffRecordSchema = z.strictObject({ ...recordFields, signature: z.base64() });
export type StaffRecord = z.infer<typeof staffRecordSchema>;

const staffFileSchema = z.strictObject({ staff: z.array(staffRecordSchema), lockout: lockoutSchema });
export type StaffFile = z.infer<typeof staffFileSchema>;

/**
 * staff.json as it may be found: a folder from before signatures has records without one, and
 * may hold the training manager (`trainingOnly`), which now lives in training/staff.json.
 */
export const foundStaffFileSchema = z.strictObject({
  staff: z.array(
    z.strictObject({ ...recordFields, signature: z.base64().optional(), trainingOnly: z.boolean().optional() }),
  ),
  lockout: lockoutSchema,
});
export type FoundStaffFile = z.infer<typeof foundStaffFileSchema>;
export type FoundStaffRecord = FoundStaffFile['staff'][number];

const emptyStaffFile = (): StaffFile => ({ staff: [], lockout: { failures: 0, lockedUntil: null } });

/** staff.json as it is on disk, or null when there is none; a file that does not parse stops the start. */
export async function readStaffFile(dataDir: string, io: FileIo): Promise<FoundStaffFile | null> {
  const path = join(dataDir, STAFF_FILE);
  const text = await io.read(path);
  if (text === null) return null;
  try {
    return foundStaffFileSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new StoreFileCorruptError(path, error);
  }
}

/** The staff file as the service keeps it, once every record in it has been checked (or signed once). */
export function openStaffFile(dataDir: string, io: FileIo): Promise<JsonDocument<StaffFile>> {
  return JsonDocument.open(join(dataDir, STAFF_FILE), staffFileSchema, emptyStaffFile(), io);
}
