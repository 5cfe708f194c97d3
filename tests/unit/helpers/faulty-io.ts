import { diskIo, type FileIo } from '../../../electron/core/platform/disk/file-io';

export interface FaultyIo {
  io: FileIo;
  /** How many writes were refused so far. */
  failures(): number;
  /** How many reads of part of a file failed so far. */
  readFailures(): number;
}

/**
 * The real disk, except that writes matching `failWhen` throw as a full disk would (nothing is
 * written), and reads of part of a file matching `failReadWhen` as a failing sector would. The
 * only fault injection the unit tests use: everything above the disk is real.
 */
export function faultyIo(
  failWhen: (path: string, text: string) => boolean,
  failReadWhen: (path: string) => boolean = () => false,
): FaultyIo {
  let failures = 0;
  let readFailures = 0;
  const refuse = (path: string, text: string) => {
    if (!failWhen(path, text)) return;
    failures += 1;
    throw Object.assign(new Error(`ENOSPC: no space left on device, write '${path}'`), { code: 'ENOSPC' });
  };
  return {
    io: {
      read: (path) => diskIo.read(path),
      async readRange(path, position, length) {
        if (failReadWhen(path)) {
          readFailures += 1;
          throw Object.assign(new Error(`EIO: i/o error, read '${path}'`), { code: 'EIO' });
        }
        return diskIo.readRange(path, position, length);
      },
      list: (dir) => diskIo.list(dir),
      async writeAtomic(path, text) {
        refuse(path, text);
        await diskIo.writeAtomic(path, text);
      },
      async openAppend(path) {
        const file = await diskIo.openAppend(path);
        return {
          async append(text) {
            refuse(path, text);
            await file.append(text);
          },
          close: () => file.close(),
        };
      },
    },
    failures: () => failures,
    readFailures: () => readFailures,
  };
}

/** Fails the write that would record an order as PAID. */
export function failsPaidWrites(): FaultyIo {
  return faultyIo((_path, text) => /"status":\s*"PAID"/.test(text));
}
