import { describe, expect, it } from 'vitest';
import { TossClient } from '../../../electron/core/toss/toss-client';
import { TossUnreachableError } from '../../../electron/core/toss/toss-errors';
import { TossEndpoints, type TossEndpoint } from '../../../electron/core/toss/toss-endpoints';

const training: TossEndpoint = {
  mode: 'training',
  clientKey: 'test_ck_sim',
  secretKey: 'test_sk_sim',
  apiBase: 'http://127.0.0.1:5123',
  sdkSrc: 'http://127.0.0.1:5123/sdk.js',
};
const live: TossEndpoint = {
  mode: 'live',
  clientKey: 'live_ck_shop',
  secretKey: 'live_sk_shop',
  apiBase: 'https://api.tosspayments.com',
  sdkSrc: 'https://js.tosspayments.com/v2/standard',
};

describe('which Toss the app talks to', () => {
  it('answers the register mode’s endpoint now; a mode switched takes effect at once', () => {
    const endpoints = new TossEndpoints(training, { live, mode: 'training' });
    expect(endpoints.current()).toBe(training);
    endpoints.setMode('live');
    expect(endpoints.mode()).toBe('live');
    expect(endpoints.current()).toBe(live);
  });

  it('keeps the live Toss while the register trains, so live work is never asked of the simulator', () => {
    const endpoints = new TossEndpoints(training, { live, mode: 'live' });
    endpoints.setMode('training');
    expect(endpoints.of('live')).toBe(live);
    expect(endpoints.of('training')).toBe(training);
  });

  it('refuses live without a key pair, and takes a pair saved while training', () => {
    const endpoints = new TossEndpoints(training, { live: null, mode: 'training' });
    expect(endpoints.of('live')).toBeNull();
    expect(() => endpoints.setMode('live')).toThrow(expect.objectContaining({ code: 'LIVE_KEYS_MISSING' }));
    expect(endpoints.mode()).toBe('training');
    expect(() => new TossEndpoints(training, { live: null, mode: 'live' })).toThrow(
      expect.objectContaining({ code: 'LIVE_KEYS_MISSING' }),
    );
    endpoints.setLive(live);
    expect(endpoints.of('live')).toBe(live);
    expect(endpoints.current()).toBe(training);
  });

  it('scrubs the live secret it starts with, though the register starts in training', () => {
    expect(new TossEndpoints(training, { live, mode: 'training' }).knownSecrets()).toEqual([
      'test_sk_sim',
      'live_sk_shop',
    ]);
  });

  it('a mode without keys sends nothing: its client answers that Toss cannot be reached, so work stays open', async () => {
    let sent = 0;
    const client = new TossClient({ endpoint: () => null, fetch: async () => ((sent += 1), new Response('{}')) });
    await expect(client.getPayment('tsim_any')).rejects.toEqual(
      expect.objectContaining({ name: 'TossUnreachableError', reason: 'no-keys' }),
    );
    await expect(client.getPayment('tsim_any')).rejects.toBeInstanceOf(TossUnreachableError);
    expect(sent).toBe(0);
  });

  it('keeps every secret used in this run on the scrub list, each once, also one only being checked', () => {
    const endpoints = new TossEndpoints(training, { live: null, mode: 'training' });
    expect(endpoints.knownSecrets()).toEqual(['test_sk_sim']);
    endpoints.remember('live_sk_being_checked');
    endpoints.setLive(live);
    endpoints.setLive(live);
    endpoints.remember('live_sk_shop');
    expect(endpoints.knownSecrets()).toEqual(['test_sk_sim', 'live_sk_being_checked', 'live_sk_shop']);
  });
});
