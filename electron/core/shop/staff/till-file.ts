import { join } from 'node:path';
import { z } from 'zod';
import type { FileIo } from '../../platform/disk/file-io';
import { JsonDocument } from '../../platform/disk/json-document';

export const TILL_FILE = 'till.json';

/**
 * Who is signed in at the register, and whether staff may sign in by picking their name: kept on
 * disk so a reload, a restart or a crash leaves the same person at the till. Only an id: the name
 * and whether they may still work are read from the staff records each time.
 */
export const tillFileSchema = z.strictObject({
  signedIn: z.strictObject({ staffId: z.string(), since: z.string() }).nullable().default(null),
  nameSignIn: z.boolean().default(false),
});
export type TillFile = z.infer<typeof tillFileSchema>;

export function openTillFile(dataDir: string, io: FileIo): Promise<JsonDocument<TillFile>> {
  return JsonDocument.open(join(dataDir, TILL_FILE), tillFileSchema, { signedIn: null, nameSignIn: false }, io);
}
