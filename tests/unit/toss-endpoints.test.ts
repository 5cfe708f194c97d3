import { describe, expect, it } from 'vitest';
import { TossEndpoints, type TossEndpoint } from '../../electron/core/payments/toss-endpoints';

const training: TossEndpoint = { mode: 'training', clientKey: 'test_ck_sim', secretKey: 'test_sk_sim', apiBase: 'http://127.0.0.1:5123', sdkSrc: 'http://127.0.0.1:5123/sdk.js' };
const live: TossEndpoint = { mode: 'live', clientKey: 'live_ck_shop', secretKey: 'live_sk_shop', apiBase: 'https://api.tosspayments.com', sdkSrc: 'https://js.tosspayments.com/v2/standard' };

describe('which Toss the app talks to', () => {
  it('answers the endpoint now in use; a key saved (a mode switched) takes effect at once', () => {
    const endpoints = new TossEndpoints(training);
    expect(endpoints.current()).toBe(training);
    endpoints.set(live);
    expect(endpoints.current()).toBe(live);
  });

  it('keeps every secret used in this run on the scrub list, each once, also one only being checked', () => {
    const endpoints = new TossEndpoints(training);
    expect(endpoints.knownSecrets()).toEqual(['test_sk_sim']);
    endpoints.remember('live_sk_being_checked');
    endpoints.set(live);
    endpoints.set(training);
    endpoints.remember('live_sk_shop');
    expect(endpoints.knownSecrets()).toEqual(['test_sk_sim', 'live_sk_being_checked', 'live_sk_shop']);
  });
});
