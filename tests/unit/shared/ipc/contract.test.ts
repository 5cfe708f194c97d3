import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { defineChannels } from '../../../../shared/ipc/channel';
import { channels, contract } from '../../../../shared/ipc/contract';
import { mergeContract } from '../../../../shared/ipc/merge-contract';

const ping = defineChannels({ 'demo:ping': { role: 'cashier', input: z.strictObject({}), output: z.literal('pong') } });
const pong = defineChannels({ 'demo:pong': { role: 'manager', input: z.strictObject({}), output: z.literal('ping') } });
const pingAgain = defineChannels({
  'demo:ping': { role: 'manager', input: z.strictObject({ all: z.boolean() }), output: z.literal('pong') },
});

describe('the contract, merged from one file per domain', () => {
  it('keeps every domain’s channels', () => {
    const merged = mergeContract(ping).with(pong).channels;
    expect(Object.keys(merged)).toEqual(['demo:ping', 'demo:pong']);
    expect(merged['demo:pong'].role).toBe('manager');
  });

  it('refuses a channel name two domains both claim: at compile time, and at run time', () => {
    // @ts-expect-error — a duplicate channel must not compile (a spread would silently keep the second one)
    expect(() => mergeContract(ping).with(pong).with(pingAgain)).toThrow('duplicate IPC channel demo:ping');
  });

  it('names every channel domain:action, once', () => {
    expect(new Set(channels).size).toBe(channels.length);
    for (const channel of channels) expect(channel).toMatch(/^[a-z]+:[a-z-]+$/);
    for (const domain of ['app', 'preferences', 'catalog', 'sale', 'payment', 'staff', 'settings']) {
      expect(
        channels.some((channel) => channel.startsWith(`${domain}:`)),
        domain,
      ).toBe(true);
    }
    expect(Object.keys(contract)).toEqual(channels);
  });
});
