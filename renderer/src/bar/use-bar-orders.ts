import { useEffect, useState } from 'react';
import type { PosErrorData } from '../../../shared/domain/errors';
import type { ChannelOutput } from '../../../shared/ipc/contract';
import { call, toPosError } from '../lib/ipc';

/** Asked again after a failed watch (main restarting, a network blip in the browser host). */
const RETRY_MS = 1_000;

export interface BarOrders {
  view: ChannelOutput<'bar:watch'> | null;
  /** The order a ready call is under way for. */
  calling: string | null;
  error: PosErrorData | null;
  ready(orderId: string): void;
}

/** Follows main's orders being made (each answer the newest), and calls one ready. */
export function useBarOrders(): BarOrders {
  const [view, setView] = useState<ChannelOutput<'bar:watch'> | null>(null);
  const [calling, setCalling] = useState<string | null>(null);
  const [error, setError] = useState<PosErrorData | null>(null);
  useEffect(() => {
    let since = 0;
    let stopped = false;
    async function follow(): Promise<void> {
      while (!stopped) {
        try {
          const answer = await call('bar:watch', { since });
          since = answer.version;
          if (!stopped) setView(answer);
        } catch {
          await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        }
      }
    }
    void follow();
    return () => {
      stopped = true;
    };
  }, []);

  async function ready(orderId: string): Promise<void> {
    setCalling(orderId);
    setError(null);
    try {
      await call('bar:ready', { orderId });
    } catch (failure) {
      setError(toPosError(failure));
    } finally {
      setCalling(null);
    }
  }

  return { view, calling, error, ready: (orderId) => void ready(orderId) };
}
