import { join } from 'node:path';
import { z } from 'zod';
import type { FileIo } from '../../platform/disk/file-io';
import { JsonDocument } from '../../platform/disk/json-document';
import { TRAINING_DIR } from '../../platform/disk/training-dir';

/** Training's own staff file: never a record of the shop's staff.json, so nothing made in training can count as a live manager. */
export const TRAINING_STAFF_FILE = join(TRAINING_DIR, 'staff.json');

/**
 * Only that the documented training manager was chosen, and when: its name and PIN are the
 * documented ones (shared/domain/staff.ts), so editing this file cannot give it another PIN.
 */
export const trainingStaffSchema = z.strictObject({
  manager: z.strictObject({ id: z.string(), createdAt: z.string() }).nullable(),
});
export type TrainingStaff = z.infer<typeof trainingStaffSchema>;
export type ChosenTrainingManager = NonNullable<TrainingStaff['manager']>;

/** `<dataDir>/training/staff.json`: written on the training manager's first choice (its folder owner-only, as every folder the store makes). */
export class TrainingManagerFile {
  private constructor(private readonly doc: JsonDocument<TrainingStaff>) {}

  static async open(dataDir: string, io: FileIo): Promise<TrainingManagerFile> {
    return new TrainingManagerFile(
      await JsonDocument.open(join(dataDir, TRAINING_STAFF_FILE), trainingStaffSchema, { manager: null }, io),
    );
  }

  chosen(): ChosenTrainingManager | null {
    return this.doc.data.manager;
  }

  async choose(manager: ChosenTrainingManager): Promise<void> {
    await this.doc.update((draft) => {
      draft.manager = manager;
    });
  }
}
