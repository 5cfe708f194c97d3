import { basename } from 'node:path';

/** What is wrong with a record, in words: not JSON, or which field breaks which rule. */
export function problemOf(cause: unknown): string {
  if (cause instanceof SyntaxError) return `it is not JSON (${cause.message})`;
  const issues = (cause as { issues?: Array<{ path?: PropertyKey[]; message?: string }> } | null)?.issues;
  const issue = Array.isArray(issues) ? issues[0] : undefined;
  if (issue !== undefined) {
    const field = (issue.path ?? []).map(String).join('.');
    return `${field === '' ? 'the record' : field}: ${issue.message ?? 'not allowed'}${issues && issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''}`;
  }
  return cause instanceof Error ? cause.message : String(cause);
}

/**
 * Thrown when a data file exists but is not what we wrote: never overwrite it blindly. Says
 * which file, which line (of a journal), what is wrong, and what to do.
 */
export class StoreFileCorruptError extends Error {
  readonly problem: string;

  constructor(
    readonly path: string,
    cause: unknown,
    /** The line of a journal (1 is the first), when the file is one record per line. */
    readonly line?: number,
  ) {
    const problem = problemOf(cause);
    const where = line === undefined ? path : `${path}, line ${line}`;
    const todo =
      line === undefined
        ? `Fix the file or restore it from a backup, then start Toss POS again.`
        : `Close Toss POS and run "npm run doctor": it moves the bad line aside into a quarantine file (never deleting it) and the rest of the file is read again.`;
    super(`data file is unreadable: ${where}: ${problem}. The file is left as it is. ${todo}`, { cause });
    this.name = 'StoreFileCorruptError';
    this.problem = problem;
  }

  /** The file's name, for messages that must not show the whole path. */
  get fileName(): string {
    return basename(this.path);
  }
}
