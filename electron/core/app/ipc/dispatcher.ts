import type { z } from 'zod';
import { PosError } from '../../../../shared/domain/errors';
import { contract, isChannel } from '../../../../shared/ipc/contract';
import type { Handlers } from '../../../../shared/ipc/handlers';
import type { IpcResult } from '../../../../shared/ipc/result';
import type { Logger } from '../../platform/log/logger';
import { StoreFileCorruptError } from '../../platform/disk/corrupt-file-error';
import { diskRefusal } from '../../platform/disk/disk-errors';
import { CheckedAnswers } from './checked-answers';
import type { Cashier, Manager } from '../../../../shared/domain/staff';

export type Dispatch = (channel: unknown, input: unknown) => Promise<IpcResult<unknown>>;

/** Main's view of the manager session: whose it is (null when none is open), and a use of it. */
export interface SessionGate {
  current(): Manager | null;
  touch(): void;
}

/** Main's view of the till session: who is signed in at the register (null when nobody is). */
export interface TillGate {
  current(): Cashier | null;
}

/** What the contract's error schema holds of a message. */
const MESSAGE_MAX = 600;

/** The schema's complaints in words; a payload with many faults (or long unknown keys) names as many as fit, so the answer stays inside the contract. */
function inputProblems(issues: readonly z.core.$ZodIssue[]): string {
  const text = issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
  return text.length <= MESSAGE_MAX ? text : `${text.slice(0, MESSAGE_MAX - 1)}…`;
}

function failure(error: PosError): IpcResult<never> {
  return { ok: false, error: error.toData() };
}

/**
 * The single door into main, shared by Electron's ipcMain and the browser host: it checks the
 * channel, then the caller's role (a manager channel needs an open manager session, checked
 * before the input is even parsed), parses the input, runs the handler and parses the output
 * (which also stops any field the contract does not name, a secret say, from leaving main; a
 * frozen answer given again is not parsed again, see CheckedAnswers).
 */
export function createDispatcher(
  handlers: () => Handlers,
  deps: { log: Logger; session: SessionGate; till: TillGate },
): Dispatch {
  const answers = new CheckedAnswers();
  return async (channel, rawInput) => {
    if (!isChannel(channel)) return failure(new PosError('FORBIDDEN', 'unknown channel'));
    const spec = contract[channel];
    const manager = deps.session.current();
    if (spec.role === 'manager' && manager === null)
      return failure(new PosError('MANAGER_REQUIRED', `${channel} needs a manager session`));
    if ('outlivesTraining' in spec && manager?.trainingOnly === true)
      return failure(new PosError('TRAINING_MANAGER_LIMITED', `${channel} changes the live shop`));
    const cashier = deps.till.current();
    if ('tillSignIn' in spec && cashier === null)
      return failure(new PosError('SIGN_IN_NEEDED', `${channel} needs someone signed in at the till`));
    const input = spec.input.safeParse(rawInput);
    if (!input.success) return failure(new PosError('INVALID_INPUT', inputProblems(input.error.issues)));
    if (spec.role === 'manager' && !('watch' in spec)) deps.session.touch();
    try {
      const handler = handlers()[channel] as (
        input: unknown,
        call: { manager: Manager | null; cashier: Cashier | null },
      ) => Promise<unknown>;
      const output = answers.check(channel, spec.output, await handler(input.data, { manager, cashier }));
      if (!output.success) {
        deps.log.error('handler output broke the contract', {
          channel,
          issues: output.error.issues.map((i) => i.path.join('.')),
        });
        return failure(new PosError('INTERNAL', 'unexpected answer from main'));
      }
      return { ok: true, data: output.data };
    } catch (error) {
      if (error instanceof PosError) return failure(error);
      const refusal = diskRefusal(error);
      if (refusal !== null) {
        deps.log.error('the disk refused a write', { channel, error });
        const details = {
          reason: refusal.reason,
          ...(refusal.path === null ? {} : { path: refusal.path.slice(-200) }),
        };
        return failure(
          new PosError('STORE_WRITE_REFUSED', `the disk refused the write (${refusal.reason})`, {
            details,
            retryable: true,
          }),
        );
      }
      if (error instanceof StoreFileCorruptError) {
        deps.log.error('a data file is damaged', {
          channel,
          path: error.path,
          line: error.line,
          problem: error.problem,
        });
        const details = { file: error.fileName, ...(error.line === undefined ? {} : { line: error.line }) };
        return failure(
          new PosError(
            'STORE_FILE_CORRUPT',
            `${error.fileName}${error.line === undefined ? '' : `, line ${error.line}`}: ${error.problem}`.slice(
              0,
              600,
            ),
            { details },
          ),
        );
      }
      // Anything else may carry internals (paths, headers): log it, send a plain message.
      deps.log.error('handler failed', { channel, error });
      return failure(new PosError('INTERNAL', 'internal error'));
    }
  };
}
