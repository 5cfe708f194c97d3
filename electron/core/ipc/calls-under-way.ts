import type { Dispatch } from './dispatcher';

/** The IPC calls main is still answering, so quitting can let them finish first. */
export class CallsUnderWay {
  private readonly running = new Set<Promise<unknown>>();

  track(dispatch: Dispatch): Dispatch {
    return (channel, input) => {
      const call = dispatch(channel, input);
      this.running.add(call);
      void call.finally(() => this.running.delete(call));
      return call;
    };
  }

  /** Resolves once every call under way has been answered, or after `limitMs`, whichever is first. */
  async settled(limitMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, limitMs);
    });
    await Promise.race([Promise.allSettled([...this.running]), limit]);
    clearTimeout(timer);
  }
}
