import type { ChannelGroup } from './channel';

/** Compiles only when B shares no channel name with A; otherwise it names the duplicate. */
type NoDuplicate<A, B> = [Extract<keyof A, keyof B>] extends [never]
  ? unknown
  : { duplicateChannel: Extract<keyof A, keyof B> };

export interface ContractBuilder<A extends ChannelGroup> {
  /** Adds a domain's channels. A name already taken is a compile error (and, at run time, a throw). */
  with<B extends ChannelGroup>(group: B & NoDuplicate<A, B>): ContractBuilder<A & B>;
  readonly channels: A;
}

/**
 * Merges the domains' channel groups into one contract. A plain object spread would let a later
 * domain silently overwrite an earlier channel of the same name; this refuses it.
 */
export function mergeContract<A extends ChannelGroup>(first: A): ContractBuilder<A> {
  return {
    channels: first,
    with<B extends ChannelGroup>(group: B & NoDuplicate<A, B>) {
      for (const name of Object.keys(group)) {
        if (Object.hasOwn(first, name)) throw new Error(`duplicate IPC channel ${name}`);
      }
      return mergeContract({ ...first, ...group } as A & B);
    },
  };
}
