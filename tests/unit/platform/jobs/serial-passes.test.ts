import { describe, expect, it } from 'vitest';
import { SerialPasses } from '../../../../electron/core/platform/jobs/serial-passes';

/** Passes that each wait until released, counting how many started and how many ran at once. */
function gatedPasses() {
  let started = 0;
  let atOnce = 0;
  let mostAtOnce = 0;
  const gates: (() => void)[] = [];
  const passes = new SerialPasses(async () => {
    started += 1;
    atOnce += 1;
    mostAtOnce = Math.max(mostAtOnce, atOnce);
    await new Promise<void>((resolve) => gates.push(resolve));
    atOnce -= 1;
  });
  const release = async (): Promise<void> => {
    while (gates.length === 0) await new Promise((resolve) => setTimeout(resolve, 1));
    gates.shift()?.();
  };
  return { passes, release, started: () => started, mostAtOnce: () => mostAtOnce };
}

describe('serial passes', () => {
  it('runs kicks that come during a pass as one more pass after it, never two at once', async () => {
    const p = gatedPasses();
    p.passes.kick();
    p.passes.kick();
    p.passes.kick();
    p.passes.kick();
    expect(p.started()).toBe(1);
    await p.release();
    await p.release();
    await p.passes.idle();
    expect(p.started()).toBe(2);
    expect(p.mostAtOnce()).toBe(1);
  });

  it('runs a pass after the wait asked for, and a kick meanwhile takes its place', async () => {
    let passes = 0;
    const serial = new SerialPasses(async () => {
      passes += 1;
    });
    serial.later(5);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(passes).toBe(1);
    serial.later(20);
    await serial.flush();
    expect(passes).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(passes).toBe(2);
    await serial.stop();
  });

  it('does nothing once stopped: no kick, no pass later', async () => {
    let passes = 0;
    const serial = new SerialPasses(async () => {
      passes += 1;
    });
    serial.later(5);
    await serial.stop();
    expect(serial.stopped).toBe(true);
    serial.later(1);
    serial.kick();
    await serial.flush();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(passes).toBe(0);
  });

  it('waits, when stopped, for the pass under way, and runs none of the kicks that came during it', async () => {
    const p = gatedPasses();
    p.passes.kick();
    p.passes.kick();
    let stopped = false;
    const stopping = p.passes.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(stopped).toBe(false);
    await p.release();
    await stopping;
    expect(p.started()).toBe(1);
  });
});
