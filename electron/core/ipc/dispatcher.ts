import type { z } from 'zod';
import { PosError } from '../../../shared/domain/errors';
import { contract, isChannel, type Channel, type ChannelOutput, type Contract } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import type { Logger } from '../log/logger';

/** One handler per contract channel; a missing or extra one is a compile error. */
export type Handlers = {
  [C in Channel]: (input: z.output<Contract[C]['input']>) => Promise<ChannelOutput<C>>;
};

export type Dispatch = (channel: unknown, input: unknown) => Promise<IpcResult<unknown>>;

function failure(error: PosError): IpcResult<never> {
  return { ok: false, error: error.toData() };
}

/**
 * The single door into main, shared by Electron's ipcMain and the browser host: it checks the
 * channel, parses the input, runs the handler and parses the output (which also stops any field
 * the contract does not name, a secret say, from leaving main).
 */
export function createDispatcher(handlers: Handlers, log: Logger): Dispatch {
  return async (channel, rawInput) => {
    if (!isChannel(channel)) return failure(new PosError('FORBIDDEN', 'unknown channel'));
    const input = contract[channel].input.safeParse(rawInput);
    if (!input.success) {
      return failure(new PosError('INVALID_INPUT', input.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')));
    }
    try {
      const handler = handlers[channel] as (input: unknown) => Promise<unknown>;
      const output = contract[channel].output.safeParse(await handler(input.data));
      if (!output.success) {
        log.error('handler output broke the contract', { channel, issues: output.error.issues.map((i) => i.path.join('.')) });
        return failure(new PosError('INTERNAL', 'unexpected answer from main'));
      }
      return { ok: true, data: output.data };
    } catch (error) {
      if (error instanceof PosError) return failure(error);
      // Anything else may carry internals (paths, headers): log it, send a plain message.
      log.error('handler failed', { channel, error });
      return failure(new PosError('INTERNAL', 'internal error'));
    }
  };
}
