import { z } from 'zod';
import { contract, type Channel, type ChannelInput, type ChannelOutput } from '../../../shared/ipc/contract';
import { ipcFailureSchema, type PosApi } from '../../../shared/ipc/result';
import type { PosErrorData } from '../../../shared/domain/errors';

declare global {
  interface Window {
    /** Injected by the preload (Electron) or the browser host. Only this module may touch it. */
    readonly pos?: PosApi;
  }
}

/** Main said no, or its answer could not be trusted. Carries the error as data. */
export class IpcError extends Error {
  readonly data: PosErrorData;

  constructor(data: PosErrorData) {
    super(data.message);
    this.name = 'IpcError';
    this.data = data;
  }
}

const successSchema = z.object({ ok: z.literal(true), data: z.unknown() });

function internal(message: string, retryable = false): PosErrorData {
  return { code: 'INTERNAL', message, retryable };
}

/**
 * Calls main through the contract. Resolves with output parsed by the contract's schema (the
 * renderer trusts no shape it did not check); rejects with `IpcError` for every failure.
 */
export async function call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const pos = window.pos;
  if (pos === undefined) throw new IpcError(internal('window.pos is missing: no preload or host bridge'));

  let answer: unknown;
  try {
    answer = await pos.invoke(channel, input);
  } catch {
    throw new IpcError(internal(`${channel}: the bridge to main failed`, true));
  }

  const failure = ipcFailureSchema.safeParse(answer);
  if (failure.success) throw new IpcError(failure.data.error);

  const success = successSchema.safeParse(answer);
  const output = success.success ? contract[channel].output.safeParse(success.data.data) : undefined;
  if (output === undefined || !output.success) {
    throw new IpcError(internal(`${channel}: main answered outside the contract`));
  }
  return output.data as ChannelOutput<C>;
}

/** Any thrown value as error data, so the UI has one shape to show. */
export function toPosError(error: unknown): PosErrorData {
  if (error instanceof IpcError) return error.data;
  return internal(error instanceof Error ? error.message : String(error));
}
