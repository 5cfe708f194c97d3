import { ConfigError, dataDirFrom } from '../core/platform/config';
import { DataDirInUseError } from '../core/platform/disk/data-dir-lock';
import { mendDataDir } from '../core/app/doctor/doctor';
import { diskIo } from '../core/platform/disk/file-io';

/**
 * `npm run doctor` (with Toss POS closed; the data folder from POS_DATA_DIR, as `npm start`):
 * moves the journal lines the app cannot read into `quarantine/`, and reports every document it cannot mend.
 */
try {
  const dataDir = dataDirFrom(process.env);
  console.log(`Toss POS doctor: ${dataDir}`);
  const findings = await mendDataDir(dataDir, diskIo);
  if (findings.length === 0) console.log('Every file reads cleanly: nothing to mend.');
  for (const finding of findings) {
    const where = finding.line === undefined ? finding.file : `${finding.file}, line ${finding.line}`;
    if (finding.unchecked) console.log(`not checked ${where}: ${finding.problem}.`);
    else if (finding.quarantinedTo === undefined)
      console.log(`NOT MENDED  ${where}: ${finding.problem}. Fix the file by hand or restore it from a backup.`);
    else console.log(`moved aside ${where}: ${finding.problem}. The line is kept in ${finding.quarantinedTo}.`);
  }
  process.exitCode = findings.some((finding) => finding.quarantinedTo === undefined && !finding.unchecked) ? 1 : 0;
} catch (error) {
  const expected = error instanceof DataDirInUseError || error instanceof ConfigError;
  console.error(expected ? `Toss POS doctor: ${error.message}` : error);
  process.exitCode = 1;
}
