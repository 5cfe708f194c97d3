import { useState, type FormEvent } from 'react';
import { useAction } from '../../lib/use-action';

/** A form read for sending: the value main is sent, or what is wrong with each field. */
export type FormReading<T, F extends string> = { value: T } | { problems: Partial<Record<F, string>> };

/**
 * A dialog's submit: the form is checked here first (each field's problem shown by it), then
 * sent to main once; main's refusal comes back as `error`, and the dialog stays open for another go.
 */
export function useCheckedSubmit<T, R, F extends string>(
  read: () => FormReading<T, F>,
  send: (value: T) => Promise<R>,
  done: (result: R) => void,
) {
  const [problems, setProblems] = useState<Partial<Record<F, string>>>({});
  const { busy, error, setError, run } = useAction();

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (busy) return;
    const reading = read();
    setError(null);
    if ('problems' in reading) {
      setProblems(reading.problems);
      return;
    }
    setProblems({});
    run(() => send(reading.value), done);
  }

  return { problems, error, busy, submit };
}
