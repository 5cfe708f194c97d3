import { StoreFileCorruptError } from '../../platform/disk/corrupt-file-error';

/**
 * staff.json holds what Toss POS did not write (a record added or changed by hand, a signature
 * without its key) or has lost its staff on a folder with sales: the start stops, naming the file
 * and each record, as a damaged catalog.json does. Never the first-start screen instead.
 */
export class StaffFileRefusedError extends StoreFileCorruptError {
  constructor(
    path: string,
    readonly problems: readonly string[],
  ) {
    super(path, new Error(problems.join('; ')));
    this.name = 'StaffFileRefusedError';
  }
}
