import type { Dispatch } from './dispatcher';

/** The IPC calls main is still answering, so quitting can let them finish first, and a mode switch can wait for a payment. */
export class CallsUnderWay {
  private readonly running = new Map<Promise<unknown>, unknown>();

  track(dispatch: Dispatch): Dispatch {
    return (channel, input) => {
      const call = dispatch(channel, input);
      this.running.set(call, channel);
      void call.finally(() => this.running.delete(call));
      return call;
    };
  }

  /** A call on one of these channels is being answered now. */
  answering(channels: ReadonlySet<string>): boolean {
    return [...this.running.values()].some((channel) => typeof channel === 'string' && channels.has(channel));
  }

  /** Resolves once every call under way has been answered, or after `limitMs`, whichever is first. */
  async settled(limitMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, limitMs);
    });
    await Promise.race([Promise.allSettled([...this.running.keys()]), limit]);
    clearTimeout(timer);
  }
}
