import { STAFF_KEY_FILE, type StaffKey } from './staff-key';
import { signatureMatches } from './staff-signature';
import type { FoundStaffFile } from './staff-file';

/**
 * What start-up (and the doctor) make of staff.json as found. `sound`: every record carries this
 * install's signature over its fields as they are (or there is none, on a folder with no sales).
 * `unsigned`: a folder from before signatures, no record signed yet: signed once at open.
 * `refused`: each problem names the record (or the key) that cannot be trusted, or says that a
 * folder with sales has lost its staff.
 */
export type StaffCheck = { verdict: 'sound' } | { verdict: 'unsigned' } | { verdict: 'refused'; problems: string[] };

const NO_STAFF_WITH_SALES =
  'it has no staff, but this data folder has sales: Toss POS will not offer the first-start screen on a shop’s books. Restore staff.json and staff-key.json from a backup';

export async function checkStaffFile(
  found: FoundStaffFile | null,
  key: StaffKey,
  hasSales: () => Promise<boolean>,
): Promise<StaffCheck> {
  const records = found?.staff ?? [];
  const signatures = signatureCheck(records, key);
  if (signatures.verdict === 'refused') return signatures;
  // The training manager of a folder from before the sandbox is no member of the shop's staff.
  if (records.every((record) => record.trainingOnly === true) && (await hasSales()))
    return { verdict: 'refused', problems: [NO_STAFF_WITH_SALES] };
  return signatures;
}

function signatureCheck(records: FoundStaffFile['staff'], key: StaffKey): StaffCheck {
  if (records.length === 0) return { verdict: 'sound' };
  if (key.state === 'unusable' || key.state === 'elsewhere')
    return { verdict: 'refused', problems: [`its signing key (${STAFF_KEY_FILE}) cannot be used: ${key.reason}`] };
  // No record signed: a folder from before signatures (its key, if any, made by a start cut short before the records were signed).
  if (records.every((record) => record.signature === undefined)) return { verdict: 'unsigned' };
  if (key.state !== 'open')
    return {
      verdict: 'refused',
      problems: [
        `its records are signed, but the signing key (${STAFF_KEY_FILE}) is missing: restore it from the same backup as staff.json`,
      ],
    };
  const signingKey = key.key;
  const problems = records.flatMap((record) => {
    const named = `staff record ${record.id} (${record.name})`;
    if (record.signature === undefined) return [`${named} has no signature: it was not written by Toss POS`];
    if (!signatureMatches(signingKey, record))
      return [`${named} does not match its signature: it was added or changed outside Toss POS`];
    return [];
  });
  return problems.length === 0 ? { verdict: 'sound' } : { verdict: 'refused', problems };
}
