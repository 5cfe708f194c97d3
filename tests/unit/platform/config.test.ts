import { describe, expect, it } from 'vitest';
import {
  clockFrom,
  ConfigError,
  TOSS_API_BASE,
  TOSS_SDK_SRC,
  defaultDataDir,
  loadConfig,
  pageOriginFrom,
  rebuildPaceMsFrom,
} from '../../../electron/core/platform/config';

const KEYS = {
  TOSS_CLIENT_KEY: 'test_ck_D5GePWvyJnrK0W0k6q8gLzN97Eoq',
  TOSS_SECRET_KEY: 'test_sk_zXLkKEypNArWmo50nX3lmeaxYG5R',
};
const dev = { packaged: false };
const installed = { packaged: true };

function configError(run: () => unknown): ConfigError {
  try {
    run();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('runs in training mode when no keys are set (or they are blank)', () => {
    expect(loadConfig({ POS_DATA_DIR: '/data' }, dev)).toEqual({
      mode: 'training',
      dataDir: '/data',
      port: undefined,
      pageOrigin: 'loopback',
    });
    expect(loadConfig({ POS_DATA_DIR: '/data', TOSS_CLIENT_KEY: '  ', TOSS_SECRET_KEY: '' }, installed).mode).toBe(
      'training',
    );
  });

  it('runs live with a test or live key pair, with Toss’s real endpoints by default', () => {
    expect(loadConfig({ ...KEYS, POS_DATA_DIR: '/data' }, installed)).toEqual({
      mode: 'live',
      dataDir: '/data',
      port: undefined,
      pageOrigin: 'loopback',
      keysFrom: 'environment',
      clientKey: KEYS.TOSS_CLIENT_KEY,
      secretKey: KEYS.TOSS_SECRET_KEY,
      apiBase: 'https://api.tosspayments.com',
      sdkSrc: 'https://js.tosspayments.com/v2/standard',
    });
    expect(TOSS_API_BASE).toBe('https://api.tosspayments.com');
    expect(TOSS_SDK_SRC).toBe('https://js.tosspayments.com/v2/standard');
    expect(loadConfig({ TOSS_CLIENT_KEY: 'live_ck_abc', TOSS_SECRET_KEY: 'live_sk_def' }, installed).mode).toBe('live');
  });

  const stored = { clientKey: KEYS.TOSS_CLIENT_KEY, secretKey: KEYS.TOSS_SECRET_KEY };

  it('uses the key pair the owner saved on this machine when the environment has none', () => {
    expect(loadConfig({}, { packaged: true, storedKeys: stored })).toMatchObject({
      mode: 'live',
      secretKey: KEYS.TOSS_SECRET_KEY,
      keysFrom: 'stored',
    });
  });

  it('lets a key pair in the environment win over the saved one', () => {
    const other = { TOSS_CLIENT_KEY: 'test_ck_other', TOSS_SECRET_KEY: 'test_sk_other' };
    expect(loadConfig(other, { packaged: true, storedKeys: stored })).toMatchObject({
      clientKey: 'test_ck_other',
      secretKey: 'test_sk_other',
      keysFrom: 'environment',
    });
  });

  it('refuses only one key of the pair', () => {
    expect(configError(() => loadConfig({ TOSS_CLIENT_KEY: KEYS.TOSS_CLIENT_KEY }, dev)).message).toMatch(/together/);
    expect(configError(() => loadConfig({ TOSS_SECRET_KEY: KEYS.TOSS_SECRET_KEY }, dev)).message).toMatch(/together/);
  });

  it.each([
    ['payment-widget keys', 'test_gck_docs_Ovk5rk1EwkEbP0W43n07xlzm', 'test_gsk_docs_OaPz8L5KdmQXkzRz3y47BMw6'],
    ['a widget client key with an API secret key', 'test_gck_abc', 'test_sk_abc'],
    ['the legacy ak secret', 'test_ck_OEP59LybZ8Bdv6A1JxkV6GYo7pRe', 'test_ak_ZORzdMaqN3wQd5k6ygr5AkYXQGwy'],
    ['swapped keys', 'test_sk_abc', 'test_ck_abc'],
    ['keys without a prefix', 'ck_abc', 'sk_abc'],
  ])('refuses %s', (_label, clientKey, secretKey) => {
    expect(
      configError(() => loadConfig({ TOSS_CLIENT_KEY: clientKey, TOSS_SECRET_KEY: secretKey }, dev)).message,
    ).toMatch(/API-individual/);
  });

  it.each([
    ['test_ck_abc', 'live_sk_abc'],
    ['live_ck_abc', 'test_sk_abc'],
  ])('refuses a test/live mix (%s with %s)', (clientKey, secretKey) => {
    expect(
      configError(() => loadConfig({ TOSS_CLIENT_KEY: clientKey, TOSS_SECRET_KEY: secretKey }, dev)).message,
    ).toMatch(/both be test keys or both be live/);
  });

  it('honours TOSS_API_BASE / TOSS_SDK_SRC outside a packaged build (the test seam)', () => {
    const env = {
      ...KEYS,
      TOSS_API_BASE: 'http://127.0.0.1:41234',
      TOSS_SDK_SRC: 'http://127.0.0.1:41234/v2/standard',
    };
    expect(loadConfig(env, dev)).toMatchObject({
      apiBase: 'http://127.0.0.1:41234',
      sdkSrc: 'http://127.0.0.1:41234/v2/standard',
    });
  });

  it.each([
    ['TOSS_API_BASE', 'http://127.0.0.1:41234'],
    ['TOSS_SDK_SRC', 'https://evil.example/v2/standard'],
  ])('refuses %s in an installed app, so nobody can send the secret key elsewhere', (name, value) => {
    expect(configError(() => loadConfig({ ...KEYS, [name]: value }, installed)).message).toMatch(/installed app/);
  });

  it.each([
    ['TOSS_API_BASE', 'http://127.0.0.1:41234'],
    ['TOSS_SDK_SRC', 'http://127.0.0.1:41234/v2/standard'],
  ])('refuses %s with a live key even outside an installed app', (name, value) => {
    const live = { TOSS_CLIENT_KEY: 'live_ck_abc', TOSS_SECRET_KEY: 'live_sk_def' };
    expect(configError(() => loadConfig({ ...live, [name]: value }, dev)).message).toMatch(/live key/);
    expect(
      configError(() =>
        loadConfig(
          { [name]: value },
          { packaged: false, storedKeys: { clientKey: 'live_ck_abc', secretKey: 'live_sk_def' } },
        ),
      ).message,
    ).toMatch(/live key/);
  });

  it('starts the clock at POS_TEST_CLOCK outside an installed app, and runs it on from there', () => {
    const now = clockFrom({ POS_TEST_CLOCK: '2026-12-01T23:59:30+09:00' }, false);
    expect(now().getTime()).toBeGreaterThanOrEqual(Date.parse('2026-12-01T14:59:30Z'));
    expect(now().getTime()).toBeLessThan(Date.parse('2026-12-01T15:00:30Z'));
    expect(Math.abs(clockFrom({}, true)().getTime() - Date.now())).toBeLessThan(1000);
    expect(configError(() => clockFrom({ POS_TEST_CLOCK: '2026-12-01T23:59:30+09:00' }, true)).message).toMatch(
      /installed app/,
    );
    expect(() => clockFrom({ POS_TEST_CLOCK: 'tomorrow' }, false)).toThrow(ConfigError);
  });

  it('slows the index rebuild by POS_REBUILD_PACE_MS outside an installed app only', () => {
    expect(rebuildPaceMsFrom({}, false)).toBeUndefined();
    expect(rebuildPaceMsFrom({}, true)).toBeUndefined();
    expect(rebuildPaceMsFrom({ POS_REBUILD_PACE_MS: ' 1500 ' }, false)).toBe(1500);
    expect(configError(() => rebuildPaceMsFrom({ POS_REBUILD_PACE_MS: '1500' }, true)).message).toMatch(
      /installed app/,
    );
    for (const value of ['slow', '-1', '1.5', '600000'])
      expect(() => rebuildPaceMsFrom({ POS_REBUILD_PACE_MS: value }, false)).toThrow(ConfigError);
  });

  it('serves the page from loopback http unless POS_PAGE_ORIGIN=app', () => {
    expect(loadConfig({}, dev).pageOrigin).toBe('loopback');
    expect(pageOriginFrom({})).toBe('loopback');
    expect(pageOriginFrom({ POS_PAGE_ORIGIN: 'app' })).toBe('app');
    expect(pageOriginFrom({ POS_PAGE_ORIGIN: ' loopback ' })).toBe('loopback');
    expect(() => pageOriginFrom({ POS_PAGE_ORIGIN: 'file' })).toThrow(ConfigError);
  });

  it.each(['ftp://api.tosspayments.com', 'javascript:alert(1)', 'not a url'])(
    'refuses a TOSS_API_BASE that is not an http(s) URL: %s',
    (value) => {
      expect(() => loadConfig({ ...KEYS, TOSS_API_BASE: value }, dev)).toThrow(ConfigError);
    },
  );

  it('reads POS_PORT as a port number', () => {
    expect(loadConfig({ POS_PORT: '5180' }, dev).port).toBe(5180);
    expect(loadConfig({ POS_PORT: ' 8080 ' }, dev).port).toBe(8080);
  });

  it.each(['abc', '-1', '80.5', '65536', '99999', '0x50', '5180abc'])('refuses POS_PORT=%s', (value) => {
    expect(() => loadConfig({ POS_PORT: value }, dev)).toThrow(ConfigError);
  });

  it('puts the data folder in the app’s userData folder unless POS_DATA_DIR says otherwise', () => {
    expect(loadConfig({}, dev).dataDir).toBe(defaultDataDir());
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/home/a/.config' })).toBe('/home/a/.config/Toss POS');
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' })).toMatch(/Toss POS$/);
  });
});
