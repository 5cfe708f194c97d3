import { useCallback, useEffect, useState } from 'react';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import { call } from './ipc';

/**
 * What main answers on `channel`, asked at once and then every `everyMs`. A failed ask keeps the
 * last answer until the next one (main unreachable for a moment). `set` puts in an answer main
 * gave elsewhere (after an action), until the next poll.
 */
export function usePolled<C extends Channel>(
  channel: C,
  input: ChannelInput<C>,
  initial: ChannelOutput<C>,
  everyMs: number,
): [ChannelOutput<C>, (next: ChannelOutput<C>) => void] {
  const [answer, setAnswer] = useState<ChannelOutput<C>>(initial);
  useEffect(() => {
    let current = true;
    const refresh = () =>
      void call(channel, input).then(
        (next) => current && setAnswer(() => next),
        () => undefined,
      );
    refresh();
    const timer = window.setInterval(refresh, everyMs);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
    // The input is a constant of the caller's: asking again when its identity changes would poll per render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [channel, everyMs]);
  const set = useCallback((next: ChannelOutput<C>) => setAnswer(() => next), []);
  return [answer, set];
}
