import type { Adapter } from 'lowdb';
import type { z } from 'zod';
import { StoreFileCorruptError } from './corrupt-file-error';
import type { FileIo } from './file-io';

/** A lowdb adapter that writes atomically with fsync and parses everything it reads with zod. */
export class ZodJsonAdapter<T> implements Adapter<T> {
  constructor(
    private readonly path: string,
    private readonly schema: z.ZodType<T>,
    private readonly io: FileIo,
  ) {}

  async read(): Promise<T | null> {
    const text = await this.io.read(this.path);
    if (text === null) return null;
    try {
      return this.schema.parse(JSON.parse(text));
    } catch (error) {
      throw new StoreFileCorruptError(this.path, error);
    }
  }

  async write(data: T): Promise<void> {
    await this.io.writeAtomic(this.path, JSON.stringify(data, null, 2));
  }
}
