/** Past this many tabs only one of them is a Tab stop (the chosen one) and the arrow keys walk the rest. */
const EVERY_TAB_A_STOP_UP_TO = 12;

/**
 * Which tabs Tab stops at: each of a café's few tabs, as ever; of a mart's many, only the chosen
 * one (the first while none is), so Tab goes from the search to the products in a few presses.
 */
export function tabStopsOf(count: number, selected: number): (index: number) => 0 | -1 | undefined {
  if (count <= EVERY_TAB_A_STOP_UP_TO) return () => undefined;
  const stop = selected < 0 ? 0 : selected;
  return (index) => (index === stop ? 0 : -1);
}
