import { useCallback, useEffect, useRef, useState } from 'react';
import type { PosErrorData } from '../../../shared/domain/errors';
import { toPosError } from './ipc';

export interface Action {
  /** A task is running: `run` refuses another until it ends. */
  busy: boolean;
  /** Why the last task failed; cleared when the next one starts. */
  error: PosErrorData | null;
  setError: (error: PosErrorData | null) => void;
  /**
   * Runs `task` unless one is running (says whether it started). `done` gets the result, `failed`
   * the error once it is in `error`; both run even if the component has gone meanwhile (a parent
   * may still need the answer), while this hook's own state is left alone then.
   */
  run: <T>(task: () => Promise<T>, done?: (result: T) => void, failed?: (error: PosErrorData) => void) => boolean;
}

/** A button's or a form's work with main: one task at a time, its busy state and its error. */
export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PosErrorData | null>(null);
  // A ref, not `busy`: two clicks in one frame both see the state from before the first.
  const running = useRef(false);
  const mounted = useRef(true);

  // Set in the effect too: in development StrictMode runs its cleanup and then the effect again.
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(
    <T>(task: () => Promise<T>, done?: (result: T) => void, failed?: (error: PosErrorData) => void): boolean => {
      if (running.current) return false;
      running.current = true;
      setBusy(true);
      setError(null);
      new Promise<T>((resolve) => resolve(task())).then(
        (result) => {
          running.current = false;
          if (mounted.current) setBusy(false);
          done?.(result);
        },
        (reason: unknown) => {
          const problem = toPosError(reason);
          running.current = false;
          if (mounted.current) {
            setBusy(false);
            setError(problem);
          }
          failed?.(problem);
        },
      );
      return true;
    },
    [],
  );

  return { busy, error, setError, run };
}
