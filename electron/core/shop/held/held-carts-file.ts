import { join } from 'node:path';
import { heldFileSchema, type HeldCart, type HeldFile } from '../../../../shared/domain/held';
import type { FileIo } from '../../platform/disk/file-io';
import { JsonDocument } from '../../platform/disk/json-document';

/**
 * The held carts on disk (`held.json`), beside the register's draft in the books' folder, so
 * training and live each keep their own. Small, rewritten whole, atomic and fsync'd.
 */
export class HeldCartsFile {
  private constructor(private readonly doc: JsonDocument<HeldFile>) {}

  static async open(booksDir: string, io: FileIo): Promise<HeldCartsFile> {
    return new HeldCartsFile(await JsonDocument.open(join(booksDir, 'held.json'), heldFileSchema, { carts: [] }, io));
  }

  carts(): HeldCart[] {
    return structuredClone(this.doc.data.carts);
  }

  /** Replaces the carts with what `change` makes of them, all or nothing: if the write fails, memory and disk keep what they had. */
  change(change: (carts: HeldCart[]) => HeldCart[]): Promise<void> {
    return this.doc.update((file) => {
      file.carts = change(file.carts);
    });
  }
}
