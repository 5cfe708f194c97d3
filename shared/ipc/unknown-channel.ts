import type { IpcResult } from './result';

/** The answer to a channel the contract does not name, given without asking main (the preload uses it, and carries no schema library). */
export const unknownChannelResult: IpcResult<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'unknown channel', retryable: false },
};
