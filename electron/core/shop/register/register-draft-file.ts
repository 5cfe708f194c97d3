import { join } from 'node:path';
import { emptyDraft, registerDraftSchema, type RegisterDraft } from '../../../../shared/domain/register';
import type { FileIo } from '../../platform/disk/file-io';
import { JsonDocument } from '../../platform/disk/json-document';

/** The register's draft on disk (`register.json`): small, rewritten whole, atomic and fsync'd. */
export class RegisterDraftFile {
  private constructor(private readonly doc: JsonDocument<RegisterDraft>) {}

  static async open(dataDir: string, io: FileIo): Promise<RegisterDraftFile> {
    return new RegisterDraftFile(
      await JsonDocument.open(join(dataDir, 'register.json'), registerDraftSchema, structuredClone(emptyDraft), io),
    );
  }

  current(): RegisterDraft {
    return structuredClone(this.doc.data);
  }

  save(draft: RegisterDraft): Promise<RegisterDraft> {
    return this.doc.update((current) => {
      Object.assign(current, draft);
      return structuredClone(current);
    });
  }
}
