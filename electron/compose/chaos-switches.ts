import { armCrashPoint, parseCrashAt } from '../core/platform/chaos/crash-points';
import { faultyDisk, parseDiskFault } from '../core/platform/disk/disk-faults';
import type { FileIo } from '../core/platform/disk/file-io';

/** The environment switches that make a test run crash or its disk fail (see `npm run chaos`). */
const SWITCHES = ['POS_CRASH_AT', 'POS_DISK_FAULT'] as const;

export interface ChaosSwitches {
  /** The store's disk, failing as POS_DISK_FAULT says (the disk itself when it is not set). */
  disk(io: FileIo): FileIo;
  /** Switches that were set but ignored because this is an installed app. */
  ignored: string[];
}

/**
 * Reads and arms the chaos switches once, at start. An installed app ignores them: a stray
 * variable on a shop's machine must never kill a register or fail its disk. Elsewhere a switch
 * that does not parse stops the start (ConfigError), so a typo never makes a chaos run that
 * cannot fail.
 */
export function chaosSwitches(env: NodeJS.ProcessEnv, packaged: boolean): ChaosSwitches {
  const set = SWITCHES.filter((name) => (env[name] ?? '').trim() !== '');
  if (packaged) return { disk: (io) => io, ignored: set };
  const crashAt = env.POS_CRASH_AT?.trim();
  const diskFault = env.POS_DISK_FAULT?.trim();
  if (crashAt) armCrashPoint(parseCrashAt(crashAt));
  const fault = diskFault ? parseDiskFault(diskFault) : null;
  return { disk: (io) => (fault === null ? io : faultyDisk(io, fault)), ignored: [] };
}
