import { Low } from 'lowdb';
import type { z } from 'zod';
import type { FileIo } from './file-io';
import { KeyedMutex } from './keyed-mutex';
import { ZodJsonAdapter } from './zod-adapter';

/**
 * One lowdb JSON file with all-or-nothing updates: a change is made on a copy, checked against
 * the schema and written; if anything fails, memory and disk keep the previous state.
 */
export class JsonDocument<T> {
  private readonly mutex = new KeyedMutex();

  private constructor(
    private readonly db: Low<T>,
    private readonly schema: z.ZodType<T>,
  ) {}

  static async open<T>(path: string, schema: z.ZodType<T>, defaults: T, io: FileIo): Promise<JsonDocument<T>> {
    // Built by hand: lowdb's presets silently switch to memory when NODE_ENV=test.
    const db = new Low<T>(new ZodJsonAdapter(path, schema, io), defaults);
    await db.read();
    return new JsonDocument(db, schema);
  }

  /** The current contents. Callers must not mutate it; use `update`. */
  get data(): Readonly<T> {
    return this.db.data;
  }

  update<R>(change: (draft: T) => R): Promise<R> {
    // Stryker disable next-line StringLiteral: the document's one key; any name is the same one lock
    return this.mutex.run('write', async () => {
      const previous = this.db.data;
      const draft = structuredClone(previous);
      const result = change(draft);
      this.db.data = this.schema.parse(draft);
      try {
        await this.db.write();
      } catch (error) {
        this.db.data = previous;
        throw error;
      }
      return result;
    });
  }
}
