import { join } from 'node:path';
import { z } from 'zod';
import { roles } from '../../../shared/domain/staff';
import type { FileIo } from '../store/file-io';
import { JsonDocument } from '../store/json-document';
import { pinHashSchema } from './pin-hash';

const staffRecordSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: z.enum(roles),
  /** Managers have one; cashiers need none to ring up sales. */
  pin: pinHashSchema.nullable(),
  active: z.boolean(),
  trainingOnly: z.boolean(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type StaffRecord = z.infer<typeof staffRecordSchema>;

const staffFileSchema = z.strictObject({
  staff: z.array(staffRecordSchema),
  /** Wrong PINs in a row, and until when unlock is refused: kept on disk so a restart does not reset it. */
  lockout: z.strictObject({ failures: z.number().int().nonnegative(), lockedUntil: z.string().nullable() }),
});
export type StaffFile = z.infer<typeof staffFileSchema>;

export function openStaffFile(dataDir: string, io: FileIo): Promise<JsonDocument<StaffFile>> {
  return JsonDocument.open(join(dataDir, 'staff.json'), staffFileSchema, { staff: [], lockout: { failures: 0, lockedUntil: null } }, io);
}
