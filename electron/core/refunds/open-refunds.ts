import { join } from 'node:path';
import { z } from 'zod';
import type { FileIo } from '../store/file-io';
import { JsonDocument } from '../store/json-document';

const openWorkSchema = z.strictObject({ refunds: z.array(z.string()) });

/**
 * Orders with a refund whose outcome is not known yet (`open-work.json`, lowdb): written before
 * Toss is asked, so start-up finds them without reading history, however old the order.
 */
export class OpenRefunds {
  private constructor(private readonly doc: JsonDocument<z.infer<typeof openWorkSchema>>) {}

  static async open(dataDir: string, io: FileIo): Promise<OpenRefunds> {
    return new OpenRefunds(await JsonDocument.open(join(dataDir, 'open-work.json'), openWorkSchema, { refunds: [] }, io));
  }

  list(): string[] {
    return [...this.doc.data.refunds];
  }

  async add(orderId: string): Promise<void> {
    if (this.doc.data.refunds.includes(orderId)) return;
    await this.doc.update((draft) => {
      draft.refunds.push(orderId);
    });
  }

  async remove(orderId: string): Promise<void> {
    if (!this.doc.data.refunds.includes(orderId)) return;
    await this.doc.update((draft) => {
      draft.refunds = draft.refunds.filter((id) => id !== orderId);
    });
  }
}
