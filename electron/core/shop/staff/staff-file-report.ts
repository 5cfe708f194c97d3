import type { Logger } from '../../platform/log/logger';
import { plainTextCipher } from '../secrets/key-cipher';
import { StoreFileCorruptError } from '../../platform/disk/corrupt-file-error';
import type { FileIo } from '../../platform/disk/file-io';
import { checkStaffFile } from './staff-check';
import { STAFF_KEY_FILE, StaffKeyFile } from './staff-key';
import { readStaffFile } from './staff-file';

/** What is wrong with staff.json, as start-up would refuse it; `unchecked` when its signatures cannot be checked here at all. */
export interface StaffFileProblem {
  problem: string;
  unchecked?: true;
}

/** Reading a plain-text key never writes (only a keychain re-encrypts), so nothing here is said or changed. */
const quiet: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

/**
 * staff.json checked as start-up checks it, without changing anything (`npm run doctor`, with the
 * app closed): the file's form, every record's signature, and staff on a folder with sales. A key
 * sealed by the desktop app's keychain cannot be opened outside it: its signatures are reported
 * unchecked, not bad.
 */
export async function staffFileProblems(
  dataDir: string,
  io: FileIo,
  hasSales: () => Promise<boolean>,
): Promise<StaffFileProblem[]> {
  let found;
  try {
    found = await readStaffFile(dataDir, io);
  } catch (error) {
    if (error instanceof StoreFileCorruptError) return [{ problem: error.problem }];
    throw error;
  }
  const key = await new StaffKeyFile({ dataDir, cipher: plainTextCipher, io, log: quiet }).read();
  if (key.state === 'elsewhere' && (found?.staff.length ?? 0) > 0) {
    return [
      {
        problem: `its signatures were not checked: its signing key (${STAFF_KEY_FILE}) is sealed by the desktop app's keychain, which the doctor cannot open; the app checks them at every start`,
        unchecked: true,
      },
    ];
  }
  const check = await checkStaffFile(found, key, hasSales);
  return check.verdict === 'refused' ? check.problems.map((problem) => ({ problem })) : [];
}
