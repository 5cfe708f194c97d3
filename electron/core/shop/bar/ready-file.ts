import { join } from 'node:path';
import { readyRecordSchema, type ReadyRecord } from '../../../../shared/domain/call-board';
import type { FileIo } from '../../platform/disk/file-io';
import { JsonDocument } from '../../platform/disk/json-document';

/**
 * Which orders were called out as ready (`call-board.json`, beside the books it belongs to): the
 * one thing the number board cannot derive from the orders. Only the current business day's are
 * kept; a ready call is worth nothing the next day.
 */
export class ReadyFile {
  private constructor(private readonly doc: JsonDocument<ReadyRecord>) {}

  static async open(dir: string, io: FileIo): Promise<ReadyFile> {
    return new ReadyFile(await JsonDocument.open(join(dir, 'call-board.json'), readyRecordSchema, { ready: [] }, io));
  }

  /** When each of the day's orders was called ready, by order id. */
  readyOn(businessDay: string): Map<string, string> {
    return new Map(this.doc.data.ready.filter((r) => r.businessDay === businessDay).map((r) => [r.orderId, r.at]));
  }

  markReady(orderId: string, businessDay: string, at: string): Promise<void> {
    return this.doc.update((draft) => {
      draft.ready = [...draft.ready.filter((r) => r.businessDay === businessDay), { orderId, businessDay, at }];
    });
  }
}
