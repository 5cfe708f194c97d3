import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { isLiveKey, keyPairProblem } from '../../../shared/domain/toss-keys';
import type { Locale } from '../../../shared/i18n/locale';
import { isPostgresUrl } from './postgres/postgres-url';

export const TOSS_API_BASE = 'https://api.tosspayments.com';
export const TOSS_SDK_SRC = 'https://js.tosspayments.com/v2/standard';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/**
 * Where the Electron window's page comes from. `loopback` (the default): http://127.0.0.1 on a
 * free port, the kind of origin Toss's samples run on and its CORS and frame checks expect.
 * `app`: the privileged app://pos scheme, kept as an option for a shop whose Toss window is
 * known to accept it.
 */
export const pageOrigins = ['loopback', 'app'] as const;
export type PageOrigin = (typeof pageOrigins)[number];

const envSchema = z.object({
  TOSS_CLIENT_KEY: optionalText,
  TOSS_SECRET_KEY: optionalText,
  TOSS_API_BASE: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  TOSS_SDK_SRC: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  POS_DATA_DIR: optionalText,
  POS_PORT: optionalText.pipe(z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().max(65535)).optional()),
  POS_PAGE_ORIGIN: optionalText.pipe(z.enum(pageOrigins).optional()),
  POS_TEST_CLOCK: optionalText.pipe(z.iso.datetime({ offset: true }).optional()),
  POS_REBUILD_PACE_MS: optionalText.pipe(
    z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().max(60_000)).optional(),
  ),
  POS_LANG: optionalText.pipe(z.enum(['ko', 'en'], { error: 'the screen language is ko or en' }).optional()),
  POS_STORE_URL: optionalText.pipe(
    z.string().refine(isPostgresUrl, { error: 'the shared store is a postgres:// connection string' }).optional(),
  ),
});

export type TossKeys = { clientKey: string; secretKey: string };

interface CommonConfig {
  dataDir: string;
  port: number | undefined;
  pageOrigin: PageOrigin;
}

export type PosConfig =
  | (CommonConfig & { mode: 'training' })
  | (CommonConfig & {
      mode: 'live';
      clientKey: string;
      secretKey: string;
      apiBase: string;
      sdkSrc: string;
      keysFrom: 'environment' | 'stored';
    });

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Where Electron keeps `userData` for this app, so the browser host uses the same data folder. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const product = 'Toss POS';
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), product);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', product);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), product);
}

function parseEnv(env: NodeJS.ProcessEnv): z.infer<typeof envSchema> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      `invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

/** The data folder alone: the app locks it before reading anything in it. */
export function dataDirFrom(env: NodeJS.ProcessEnv): string {
  return parseEnv(env).POS_DATA_DIR ?? defaultDataDir();
}

/**
 * The app's clock. `POS_TEST_CLOCK` (a test seam, refused in an installed app) starts it at a
 * given instant, from which it runs on in real time: e2e specs use it to cross a business day.
 */
export function clockFrom(env: NodeJS.ProcessEnv, packaged: boolean): () => Date {
  const start = parseEnv(env).POS_TEST_CLOCK;
  if (start === undefined) return () => new Date();
  if (packaged) throw new ConfigError('POS_TEST_CLOCK is a test seam and is refused in an installed app; unset it');
  const offset = Date.parse(start) - Date.now();
  return () => new Date(Date.now() + offset);
}

/**
 * How long a background rebuild of history's index waits between two days, in ms. `POS_REBUILD_PACE_MS`
 * (a test seam, refused in an installed app) slows it so an e2e spec sees the history screen while it
 * catches up; undefined leaves the app's own pace.
 */
export function rebuildPaceMsFrom(env: NodeJS.ProcessEnv, packaged: boolean): number | undefined {
  const ms = parseEnv(env).POS_REBUILD_PACE_MS;
  if (ms !== undefined && packaged)
    throw new ConfigError('POS_REBUILD_PACE_MS is a test seam and is refused in an installed app; unset it');
  return ms;
}

/** The page-origin choice alone: Electron needs it before the app is ready, before anything else is read. */
export function pageOriginFrom(env: NodeJS.ProcessEnv): PageOrigin {
  return parseEnv(env).POS_PAGE_ORIGIN ?? 'loopback';
}

/** The screen language this start asks for (`POS_LANG`), if any: it becomes the kept preference. */
export function localeFrom(env: NodeJS.ProcessEnv): Locale | undefined {
  return parseEnv(env).POS_LANG;
}

/** The shop's shared store from the environment (`POS_STORE_URL`), if any: it wins over the saved setting. */
export function storeUrlFrom(env: NodeJS.ProcessEnv): string | undefined {
  return parseEnv(env).POS_STORE_URL;
}

function environmentKeys(e: z.infer<typeof envSchema>): TossKeys | undefined {
  if (e.TOSS_CLIENT_KEY === undefined && e.TOSS_SECRET_KEY === undefined) return undefined;
  if (e.TOSS_CLIENT_KEY === undefined || e.TOSS_SECRET_KEY === undefined) {
    throw new ConfigError('TOSS_CLIENT_KEY and TOSS_SECRET_KEY must be set together (or neither, for training mode)');
  }
  return { clientKey: e.TOSS_CLIENT_KEY, secretKey: e.TOSS_SECRET_KEY };
}

function liveEndpointsFrom(
  e: z.infer<typeof envSchema>,
  packaged: boolean,
  secretKey: string,
): { apiBase: string; sdkSrc: string } {
  const seams = e.TOSS_API_BASE !== undefined || e.TOSS_SDK_SRC !== undefined;
  if (seams && packaged) {
    throw new ConfigError(
      'TOSS_API_BASE and TOSS_SDK_SRC are test seams and are refused in an installed app (they could redirect the secret key); unset them',
    );
  }
  if (seams && isLiveKey(secretKey)) {
    throw new ConfigError(
      'TOSS_API_BASE and TOSS_SDK_SRC are test seams and are refused with a live key (they could redirect it); unset them',
    );
  }
  return { apiBase: e.TOSS_API_BASE ?? TOSS_API_BASE, sdkSrc: e.TOSS_SDK_SRC ?? TOSS_SDK_SRC };
}

/** Where live payments go for this secret key: Toss, or a test seam only for test keys outside an installed app. */
export function liveEndpointsFor(
  env: NodeJS.ProcessEnv,
  packaged: boolean,
  secretKey: string,
): { apiBase: string; sdkSrc: string } {
  return liveEndpointsFrom(parseEnv(env), packaged, secretKey);
}

/**
 * Reads the configuration. Keys come from the environment (both or neither), else from what
 * the owner saved on this machine; no keys means training mode. The Toss URL overrides are test
 * seams: refused in an installed app and whenever the key is a live one, so nobody can point a
 * real secret key at another server.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv,
  options: { packaged: boolean; storedKeys?: TossKeys | undefined },
): PosConfig {
  const e = parseEnv(env);
  const common: CommonConfig = {
    dataDir: e.POS_DATA_DIR ?? defaultDataDir(),
    port: e.POS_PORT,
    pageOrigin: e.POS_PAGE_ORIGIN ?? 'loopback',
  };
  const fromEnv = environmentKeys(e);
  const keys = fromEnv ?? options.storedKeys;
  if (keys === undefined) return { ...common, mode: 'training' };

  const problem = keyPairProblem(keys.clientKey, keys.secretKey);
  if (problem === 'NOT_API_INDIVIDUAL') {
    throw new ConfigError(
      'use an API-individual key pair (…_ck_… and …_sk_…); payment-widget keys (gck/gsk) do not open the payment window',
    );
  }
  if (problem === 'MIXED_TEST_AND_LIVE')
    throw new ConfigError('the client key and the secret key must both be test keys or both be live keys');
  const endpoints = liveEndpointsFrom(e, options.packaged, keys.secretKey);
  return {
    ...common,
    mode: 'live',
    clientKey: keys.clientKey,
    secretKey: keys.secretKey,
    ...endpoints,
    keysFrom: fromEnv ? 'environment' : 'stored',
  };
}
