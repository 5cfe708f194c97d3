import { ConfigError } from '../config';
import type { AppendFile, FileIo } from './file-io';

export const DISK_FAULT_CODES = ['ENOSPC', 'EIO', 'EROFS'] as const;
export type DiskFaultCode = (typeof DISK_FAULT_CODES)[number];

/**
 * Which disk operations fail. `append` (a journal line) and `write` (an atomic document write)
 * fail before any byte is written; `append-sync` and `write-sync` let the bytes through and
 * then fail, as a sync that could not vouch for them does (the caller must treat the write as
 * not made, though it may be on disk); `any` refuses every write, opening a journal included:
 * a folder gone read-only. `read` fails a read of part of a file (a journal's tail), as a
 * failing sector does.
 */
export const DISK_FAULT_OPS = ['append', 'append-sync', 'write', 'write-sync', 'any', 'read'] as const;
export type DiskFaultOp = (typeof DISK_FAULT_OPS)[number];

export interface DiskFault {
  code: DiskFaultCode;
  op: DiskFaultOp;
  /** The first matching operation that fails (1-based). */
  from: number;
  /** How many fail from there; null: every one after (a full disk stays full). */
  count: number | null;
}

/** `<code>:<op>[:<from>[:<count>]]`, e.g. `ENOSPC:append:3` (the third append and all after) or `EIO:append-sync:1:1`. */
export function parseDiskFault(text: string): DiskFault {
  const [code, op, from = '1', count, ...rest] = text.trim().split(':');
  const knownCode = DISK_FAULT_CODES.find((c) => c === code);
  const knownOp = DISK_FAULT_OPS.find((o) => o === op);
  const whole = (value: string | undefined) => value !== undefined && /^[1-9]\d{0,5}$/.test(value);
  if (
    knownCode === undefined ||
    knownOp === undefined ||
    !whole(from) ||
    (count !== undefined && !whole(count)) ||
    rest.length > 0
  ) {
    throw new ConfigError(
      `POS_DISK_FAULT must be <code>:<op>[:<from>[:<count>]] with a code among ${DISK_FAULT_CODES.join(', ')} and an op among ${DISK_FAULT_OPS.join(', ')}; got "${text}"`,
    );
  }
  return { code: knownCode, op: knownOp, from: Number(from), count: count === undefined ? null : Number(count) };
}

const MESSAGES: Record<DiskFaultCode, string> = {
  ENOSPC: 'no space left on device',
  EIO: 'i/o error',
  EROFS: 'read-only file system',
};

function diskError(code: DiskFaultCode, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${MESSAGES[code]}, ${syscall} '${path}'`), { code, syscall, path });
}

/** The real disk, except that the operations `fault` names fail the way a sick disk fails them. */
export function faultyDisk(io: FileIo, fault: DiskFault): FileIo {
  let seen = 0;
  /** Counts an operation the fault applies to; true when this one fails. A read-only folder refuses before writing, so its syncs never come into it. */
  const fails = (op: Exclude<DiskFaultOp, 'any'>): boolean => {
    if (fault.op !== op && (fault.op !== 'any' || op.endsWith('-sync') || op === 'read')) return false;
    seen += 1;
    return seen >= fault.from && (fault.count === null || seen < fault.from + fault.count);
  };
  const check = (op: Exclude<DiskFaultOp, 'any'>, syscall: string, path: string) => {
    if (fails(op)) throw diskError(fault.code, syscall, path);
  };
  return {
    read: (path) => io.read(path),
    async readRange(path, position, length) {
      check('read', 'read', path);
      return io.readRange(path, position, length);
    },
    list: (dir) => io.list(dir),
    async writeAtomic(path, text) {
      check('write', 'write', path);
      await io.writeAtomic(path, text);
      check('write-sync', 'fsync', path);
    },
    async openAppend(path) {
      if (fault.op === 'any') check('write', 'open', path);
      const file: AppendFile = await io.openAppend(path);
      return {
        async append(text) {
          check('append', 'write', path);
          await file.append(text);
          check('append-sync', 'fdatasync', path);
        },
        close: () => file.close(),
      };
    },
  };
}
