/**
 * Reading index files as bytes: a lookup or a search finds its lines with byte searches and
 * decodes only those, so looking into an old day neither parses it whole nor keeps it in memory.
 * Rows files hold one JSON object per line, each starting with `{"orderId":"<id>",`, after an
 * optional header `{"covered":N}` when the file was compacted.
 */
import { jsonOrNull } from '../../platform/disk/json-or-null';

const NEWLINE = 0x0a;
const QUOTE = 0x22;
// Stryker disable next-line StringLiteral: utf8 is Buffer.from's own default
const ROW_START = Buffer.from('{"orderId":"', 'utf8');

/** How a rows line for this order id starts. */
export function rowStart(orderId: string): string {
  return `{"orderId":${JSON.stringify(orderId)},`;
}

/** Every whole line of `bytes` that starts with `start`, decoded, last first (a key's latest row comes first). */
export function* linesStartingBackwards(bytes: Buffer | null, start: string): Generator<string> {
  if (bytes === null) return;
  // Stryker disable next-line StringLiteral: as above
  const needle = Buffer.from(start, 'utf8');
  for (let at = bytes.lastIndexOf(needle); at !== -1; at = at === 0 ? -1 : bytes.lastIndexOf(needle, at - 1)) {
    if (at > 0 && bytes[at - 1] !== NEWLINE) continue;
    const end = bytes.indexOf(NEWLINE, at);
    if (end !== -1) yield bytes.toString('utf8', at, end);
  }
}

/** The last whole line of `bytes`, decoded, or null when there is none. */
function lastLine(bytes: Buffer): string | null {
  const end = bytes.lastIndexOf(NEWLINE);
  // Stryker disable next-line ConditionalExpression,UnaryOperator: without a newline the range decoded is empty, and an empty line is no JSON either
  if (end === -1) return null;
  // Stryker disable next-line ConditionalExpression: from a newline at 0, the search back from -1 finds that same newline: an empty line either way
  return bytes.toString('utf8', end === 0 ? 0 : bytes.lastIndexOf(NEWLINE, end - 1) + 1, end);
}

function firstLine(bytes: Buffer): string | null {
  const end = bytes.indexOf(NEWLINE);
  // Stryker disable next-line ConditionalExpression,UnaryOperator: as in lastLine
  return end === -1 ? null : bytes.toString('utf8', 0, end);
}

/** How many bytes of the day's journal a rows file covers: its compaction header, or its last row's end if later. */
export function rowsCover(bytes: Buffer): number {
  const header = jsonOrNull(firstLine(bytes)) as { covered?: unknown } | null;
  const last = jsonOrNull(lastLine(bytes)) as { offset?: unknown; length?: unknown } | null;
  const fromHeader = typeof header?.covered === 'number' ? header.covered : 0;
  const fromLast = typeof last?.offset === 'number' && typeof last.length === 'number' ? last.offset + last.length : 0;
  return Math.max(fromHeader, fromLast);
}

/** The order id a rows line starts with, or null for a line that is not a row. */
function idOfLine(bytes: Buffer, lineStart: number): string | null {
  if (bytes.compare(ROW_START, 0, ROW_START.length, lineStart, lineStart + ROW_START.length) !== 0) return null;
  const from = lineStart + ROW_START.length;
  const to = bytes.indexOf(QUOTE, from);
  return to === -1 ? null : bytes.toString('utf8', from, to);
}

/** The ids of the orders whose rows contain any of `needles` somewhere in their line (a superset of those a search names). */
export function idsOfLinesContaining(bytes: Buffer, needles: readonly string[]): Set<string> {
  const ids = new Set<string>();
  for (const text of needles) {
    // Stryker disable next-line StringLiteral: as above
    const needle = Buffer.from(text, 'utf8');
    for (let at = bytes.indexOf(needle); at !== -1;) {
      const id = idOfLine(bytes, bytes.lastIndexOf(NEWLINE, at) + 1);
      if (id !== null) ids.add(id);
      // On to the next line: one hit per line is enough.
      const end = bytes.indexOf(NEWLINE, at);
      at = end === -1 ? -1 : bytes.indexOf(needle, end);
    }
  }
  return ids;
}

/** For each of `ids`, its latest whole line (decoded) and where the order was first seen (byte position), in one pass. */
export function latestLines(bytes: Buffer, ids: ReadonlySet<string>): Map<string, { line: string; firstSeen: number }> {
  const found = new Map<string, { firstSeen: number; start: number; end: number }>();
  // Stryker disable next-line EqualityOperator: at the end no newline is found, and the loop ends there either way
  for (let start = 0; start < bytes.length;) {
    const newline = bytes.indexOf(NEWLINE, start);
    if (newline === -1) break;
    const id = idOfLine(bytes, start);
    // Stryker disable next-line ConditionalExpression: ids holds no null (the check is for the type checker)
    if (id !== null && ids.has(id)) {
      const seen = found.get(id);
      found.set(id, { firstSeen: seen?.firstSeen ?? start, start, end: newline });
    }
    start = newline + 1;
  }
  return new Map(
    [...found].map(([id, { firstSeen, start, end }]) => [id, { line: bytes.toString('utf8', start, end), firstSeen }]),
  );
}
