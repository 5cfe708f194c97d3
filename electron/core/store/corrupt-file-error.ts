/** Thrown when a store file exists but is not what we wrote: never overwrite it blindly. */
export class StoreFileCorruptError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`store file is unreadable: ${path}`, { cause });
    this.name = 'StoreFileCorruptError';
  }
}
