import type { RunningPos } from '../../electron/compose/start-pos';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';

/** One call through the core's dispatcher, as the renderer makes it; a refusal stops the bench. */
export async function call<C extends Channel>(
  core: RunningPos,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.data as ChannelOutput<C>;
}

/** The p-th percentile of the timings (the value at rank ⌊p% · n⌋ of the sorted list). */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
