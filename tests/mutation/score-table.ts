/**
 * `npm run mutate`'s verdict: one row per mutated file from Stryker's JSON report, and exit 1 if
 * any file scores under the bar. Score as Stryker counts it: (killed + timeout) over every mutant
 * that ran or had no test (compile and runtime errors and ignored mutants do not count). The
 * ignored ones are shown: each is marked equivalent in the code with a `Stryker disable` comment
 * that says why.
 */
import { readFileSync } from 'node:fs';

const REPORT = 'reports/mutation/mutation.json';
const BAR = 90;

interface Mutant {
  status: string;
}
interface Report {
  files: Record<string, { mutants: Mutant[] }>;
}

interface FileScore {
  file: string;
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  ignored: number;
  /** Null when no mutant of the file counts (nothing to score). */
  score: number | null;
}

function scoreOf(file: string, mutants: readonly Mutant[]): FileScore {
  const count = (status: string) => mutants.filter((m) => m.status === status).length;
  const [killed, survived, noCoverage, timeout, ignored] = [
    count('Killed'),
    count('Survived'),
    count('NoCoverage'),
    count('Timeout'),
    count('Ignored'),
  ];
  const valid = killed + survived + noCoverage + timeout;
  return {
    file,
    killed,
    survived,
    noCoverage,
    timeout,
    ignored,
    score: valid === 0 ? null : (100 * (killed + timeout)) / valid,
  };
}

function table(rows: readonly FileScore[]): string {
  const head = ['file', 'killed', 'survived', 'no coverage', 'timeout', 'ignored', 'score %'];
  const cells = rows.map((r) => [
    r.file,
    String(r.killed),
    String(r.survived),
    String(r.noCoverage),
    String(r.timeout),
    String(r.ignored),
    r.score === null ? 'n/a' : r.score.toFixed(1),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]) =>
    c.map((v, i) => (i === 0 ? v.padEnd(widths[i] ?? 0) : v.padStart(widths[i] ?? 0))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n');
}

const report = JSON.parse(readFileSync(REPORT, 'utf8')) as Report;
const rows = Object.entries(report.files)
  .map(([file, { mutants }]) => scoreOf(file, mutants))
  .sort((a, b) => a.file.localeCompare(b.file));
const all = scoreOf(
  'all files',
  Object.values(report.files).flatMap((f) => f.mutants),
);
console.log(table([...rows, all]));

const below = rows.filter((r) => r.score !== null && r.score < BAR);
if (below.length > 0) {
  console.log(`\nmutation: ${below.length} file(s) under ${BAR}%: ${below.map((r) => r.file).join(', ')}`);
  process.exit(1);
}
console.log(`\nmutation: every file at ${BAR}% or more`);
