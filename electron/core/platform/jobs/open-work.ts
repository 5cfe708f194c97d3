import { join } from 'node:path';
import { z } from 'zod';
import type { FileIo } from '../disk/file-io';
import { JsonDocument } from '../disk/json-document';

// `confirms` and `cashReceiptCancels` came later: a folder written before them simply has none open.
const openWorkSchema = z.strictObject({
  confirms: z.array(z.string()).default([]),
  refunds: z.array(z.string()),
  cashReceiptCancels: z.array(z.string()).default([]),
  // Not work Toss owes an answer to (nothing the close waits for): 현금영수증 the tax office has yet to settle, and those it refused.
  cashReceiptChecks: z.array(z.string()).default([]),
  cashReceiptFailures: z.array(z.string()).default([]),
  // Other registers' orders this register refunds on a shared store: their refunds and 현금영수증 cancels under way, and
  // those whose outcome the store has not been told yet.
  foreignRefunds: z.array(z.string()).default([]),
  foreignReceiptCancels: z.array(z.string()).default([]),
  foreignWrites: z.array(z.string()).default([]),
});
type OpenWorkData = z.infer<typeof openWorkSchema>;

/** One kind of open work: the orders it is under way for. */
export interface OpenList {
  list(): string[];
  add(orderId: string): Promise<void>;
  remove(orderId: string): Promise<void>;
}

/**
 * Orders with a confirm, a refund or a 현금영수증 cancel whose outcome is not known yet (`open-work.json`, lowdb):
 * written before Toss is asked, so start-up and the background settler find them without
 * reading history, however old the order.
 */
export class OpenWork {
  private readonly listeners: (() => void)[] = [];

  private constructor(private readonly doc: JsonDocument<OpenWorkData>) {}

  /** Called after each new entry (the background settler comes round sooner). */
  onAdded(listener: () => void): void {
    this.listeners.push(listener);
  }

  static async open(dataDir: string, io: FileIo): Promise<OpenWork> {
    return new OpenWork(
      await JsonDocument.open(
        join(dataDir, 'open-work.json'),
        openWorkSchema,
        {
          confirms: [],
          refunds: [],
          cashReceiptCancels: [],
          cashReceiptChecks: [],
          cashReceiptFailures: [],
          foreignRefunds: [],
          foreignReceiptCancels: [],
          foreignWrites: [],
        },
        io,
      ),
    );
  }

  /** How many confirms, refunds and 현금영수증 cancels are still open (another register's orders' included). */
  count(): number {
    const { confirms, refunds, cashReceiptCancels, foreignWrites } = this.doc.data;
    return confirms.length + refunds.length + cashReceiptCancels.length + foreignWrites.length;
  }

  of(kind: keyof OpenWorkData): OpenList {
    const { doc, listeners } = this;
    return {
      list: () => [...doc.data[kind]],
      async add(orderId) {
        if (doc.data[kind].includes(orderId)) return;
        await doc.update((draft) => {
          draft[kind].push(orderId);
        });
        for (const listener of listeners) listener();
      },
      async remove(orderId) {
        if (!doc.data[kind].includes(orderId)) return;
        await doc.update((draft) => {
          draft[kind] = draft[kind].filter((id) => id !== orderId);
        });
      },
    };
  }
}
