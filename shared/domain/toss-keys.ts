/**
 * Toss's key pairs for the payment window (API-individual keys): `test_ck_`/`test_sk_` or
 * `live_ck_`/`live_sk_`. Widget keys (gck/gsk) cannot open it; a test and a live key never pair.
 */
export type KeyPairProblem = 'NOT_API_INDIVIDUAL' | 'MIXED_TEST_AND_LIVE';

const CLIENT_KEY = /^(test|live)_ck_[A-Za-z0-9_]{1,200}$/;
const SECRET_KEY = /^(test|live)_sk_[A-Za-z0-9_]{1,200}$/;

export function keyPairProblem(clientKey: string, secretKey: string): KeyPairProblem | null {
  if (!CLIENT_KEY.test(clientKey) || !SECRET_KEY.test(secretKey)) return 'NOT_API_INDIVIDUAL';
  return clientKey.slice(0, 5) === secretKey.slice(0, 5) ? null : 'MIXED_TEST_AND_LIVE';
}

export function isLiveKey(key: string): boolean {
  return key.startsWith('live_');
}

/** What the owner may see of a key: its kind and last four characters (`live_sk_…a1b2`). */
export function maskKey(key: string): string {
  const kind = /^(test|live)_(ck|sk)_/.exec(key)?.[0] ?? '';
  return `${kind}…${key.slice(-4)}`;
}

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}
