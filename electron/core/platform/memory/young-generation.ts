import { PerformanceObserver } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';

const MIB = 1024 * 1024;
/** V8's own factor: new space doubles once as much as it holds has survived scavenges since it last grew. */
const V8_GROWTH_FACTOR = 2;

/** Whether new space may double once more and keep a semi-space within `capMiB`. */
export function mayGrow(semiSpaceBytes: number, capMiB: number): boolean {
  return 2 * semiSpaceBytes <= capMiB * MIB;
}

/** What one semi-space holds (used + free): new space is two of them. */
export function semiSpaceBytes(): number {
  const space = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space');
  return space === undefined ? 0 : space.space_used_size + space.space_available_size;
}

/** Every cap asked for and not stopped yet: the flag is the process's, so the smallest one holds. */
const caps = new Set<{ miB: number }>();
let observer: PerformanceObserver | null = null;
let growing = true;

function setGrowing(wanted: boolean): void {
  if (wanted === growing) return;
  growing = wanted;
  setFlagsFromString(`--semi-space-growth-factor=${wanted ? V8_GROWTH_FACTOR : 1}`);
}

function decide(): void {
  setGrowing(mayGrow(semiSpaceBytes(), Math.min(...[...caps].map((cap) => cap.miB))));
}

/**
 * Keeps V8's young generation at most `semiSpaceMiB` per semi-space, for main's RSS: left alone it
 * grows to 16 MiB each (32 MiB) over a shop day, though the live heap is a fraction of that. The
 * launch flag that caps it (--max-semi-space-size) cannot reach a packaged Electron main, and set
 * at run time it comes after the heap is sized; --semi-space-growth-factor is read at each growth,
 * so after each GC it is 1 (no growth) once doubling would pass the cap, and V8's own 2 again when
 * V8 has shrunk new space (an idle afternoon). GC entries arrive on the next turn of the event
 * loop, one callback per GC; a growth needs as much to survive as new space holds, so main, which
 * yields between requests, is told before it could grow twice. Returns the stop (idempotent).
 */
export function capYoungGeneration(semiSpaceMiB = 8): () => void {
  const cap = { miB: semiSpaceMiB };
  caps.add(cap);
  if (observer === null) {
    observer = new PerformanceObserver(decide);
    observer.observe({ entryTypes: ['gc'] });
  }
  decide();
  return () => {
    if (!caps.delete(cap)) return;
    if (caps.size > 0) return decide();
    observer?.disconnect();
    observer = null;
    setGrowing(true);
  };
}
