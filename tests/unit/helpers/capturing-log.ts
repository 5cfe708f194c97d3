import type { Logger } from '../../../electron/core/platform/log/logger';

type Said = Array<[message: string, fields: unknown]>;

/** A logger that keeps what it is told, per level and in one list, so a test can assert what the operator's log says. */
export function capturingLog(): { log: Logger; all: Said; info: Said; warn: Said; error: Said } {
  const said = { all: [] as Said, info: [] as Said, warn: [] as Said, error: [] as Said };
  const keep = (level: 'info' | 'warn' | 'error') => (message: string, fields?: unknown) => {
    said[level].push([message, fields]);
    said.all.push([message, fields]);
  };
  return { log: { info: keep('info'), warn: keep('warn'), error: keep('error') }, ...said };
}
