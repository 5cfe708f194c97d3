import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

export const TOSS_API_BASE = 'https://api.tosspayments.com';
export const TOSS_SDK_SRC = 'https://js.tosspayments.com/v2/standard';

const optionalText = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const envSchema = z.object({
  TOSS_CLIENT_KEY: optionalText,
  TOSS_SECRET_KEY: optionalText,
  TOSS_API_BASE: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  TOSS_SDK_SRC: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  POS_DATA_DIR: optionalText,
  POS_PORT: optionalText.pipe(z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().max(65535)).optional()),
});

export type PosConfig =
  | { mode: 'training'; dataDir: string; port: number | undefined }
  | { mode: 'live'; dataDir: string; port: number | undefined; clientKey: string; secretKey: string; apiBase: string; sdkSrc: string };

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** Where Electron keeps `userData` for this app, so the browser host uses the same store. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const product = 'Toss POS';
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), product);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', product);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), product);
}

/**
 * Reads the configuration. No keys means training mode. The Toss URL overrides are test seams,
 * honoured only outside a packaged build so nobody can point the secret key at another server.
 */
export function loadConfig(env: NodeJS.ProcessEnv, options: { packaged: boolean; storedSecretKey?: string | undefined }): PosConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(`invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const e = parsed.data;
  const dataDir = e.POS_DATA_DIR ?? defaultDataDir();
  const secretKey = e.TOSS_SECRET_KEY ?? options.storedSecretKey;
  if (e.TOSS_CLIENT_KEY === undefined && secretKey === undefined) return { mode: 'training', dataDir, port: e.POS_PORT };
  if (e.TOSS_CLIENT_KEY === undefined || secretKey === undefined) {
    throw new ConfigError('TOSS_CLIENT_KEY and TOSS_SECRET_KEY must be set together (or neither, for training mode)');
  }
  if (!/^(test|live)_ck_/.test(e.TOSS_CLIENT_KEY) || !/^(test|live)_sk_/.test(secretKey)) {
    throw new ConfigError('use an API-individual key pair (…_ck_… and …_sk_…); payment-widget keys (gck/gsk) do not open the payment window');
  }
  if (e.TOSS_CLIENT_KEY.slice(0, 4) !== secretKey.slice(0, 4)) {
    throw new ConfigError('the client key and the secret key must both be test keys or both be live keys');
  }
  if (options.packaged && (e.TOSS_API_BASE !== undefined || e.TOSS_SDK_SRC !== undefined)) {
    throw new ConfigError('TOSS_API_BASE and TOSS_SDK_SRC are test seams and are refused in an installed app (they could redirect the secret key); unset them');
  }
  return {
    mode: 'live',
    dataDir,
    port: e.POS_PORT,
    clientKey: e.TOSS_CLIENT_KEY,
    secretKey,
    apiBase: e.TOSS_API_BASE ?? TOSS_API_BASE,
    sdkSrc: e.TOSS_SDK_SRC ?? TOSS_SDK_SRC,
  };
}
