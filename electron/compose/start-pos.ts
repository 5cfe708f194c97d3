import { randomBytes } from 'node:crypto';
import type { Notice } from '../../shared/domain/notices';
import { dataDirFrom, loadConfig, type PosConfig, type TossKeys } from '../core/config';
import { consoleSink, createLogger, fileSink, teeSink, type Logger } from '../core/log/logger';
import { createPosCore, type PosCore, type TossSetup } from '../core/pos-core';
import type { KeyCipher } from '../core/secrets/key-cipher';
import { SecretKeyStore, type StoredKey } from '../core/secrets/secret-key-store';
import { SettingsStore } from '../core/settings/settings-store';
import { lockDataDir } from '../core/store/data-dir-lock';
import { diskIo, type FileIo } from '../core/store/file-io';
import { startTossSimulator, type SimulatorOptions, type TossSimulator } from '../training/simulator';

export interface StartPosOptions {
  env: NodeJS.ProcessEnv;
  packaged: boolean;
  /** The shell's own data folder (Electron's userData); POS_DATA_DIR wins over it. */
  defaultDataDir?: string;
  /** How this shell protects the secret key at rest (safeStorage in Electron). */
  cipher: KeyCipher;
  /** Electron keeps a key given once in TOSS_SECRET_KEY, so the owner need not leave it in the environment. */
  keepEnvironmentKey: boolean;
  now?: () => Date;
  fetch?: typeof fetch;
  io?: FileIo;
  log?: Logger;
  tossTimeoutMs?: number;
  /** Training simulator options (tests slow it down or move its clock). */
  simulator?: Pick<SimulatorOptions, 'confirmDelayMs' | 'sessionTtlMs'>;
}

/** The running app as a shell holds it: the core, its configuration, and the simulator in training mode. */
export interface RunningPos extends PosCore {
  config: PosConfig;
  simulator: TossSimulator | null;
}

/** Training mode runs its own Toss on loopback with throwaway keys: no real money can move. */
async function trainingToss(now: () => Date, options: StartPosOptions['simulator']): Promise<{ toss: TossSetup; simulator: TossSimulator }> {
  const clientKey = `test_ck_training_${randomBytes(9).toString('hex')}`;
  const secretKey = `test_sk_training_${randomBytes(18).toString('hex')}`;
  const simulator = await startTossSimulator({ ...options, clientKey, secretKey, now });
  return { toss: { mode: 'training', clientKey, secretKey, apiBase: simulator.apiBase, sdkSrc: simulator.sdkSrc }, simulator };
}

function storedPair(stored: StoredKey, clientKey: string | null): TossKeys | undefined {
  return stored.state === 'stored' && clientKey !== null ? { clientKey, secretKey: stored.key } : undefined;
}

/** What the owner is told when a saved key could not be used and the app fell back to training. */
function fallbackNotice(stored: StoredKey): Notice | null {
  if (stored.state === 'unreadable') return { code: 'SECRET_KEY_UNREADABLE', detail: stored.movedTo ? `${stored.reason}; moved to ${stored.movedTo}` : stored.reason };
  if (stored.state === 'elsewhere') return { code: 'SECRET_KEY_ELSEWHERE' };
  return null;
}

/**
 * The one place that decides what runs: which data folder, which keys (environment or saved),
 * which Toss (real, or the simulator in training mode). Both shells call it; the core never
 * reaches up for any of it.
 */
export async function startPos(options: StartPosOptions): Promise<RunningPos> {
  const env = { ...options.env, POS_DATA_DIR: options.env.POS_DATA_DIR?.trim() || options.defaultDataDir };
  const dataDir = dataDirFrom(env);
  const now = options.now ?? (() => new Date());
  const io = options.io ?? diskIo;
  const secrets: string[] = [];
  const log = options.log ?? createLogger(() => secrets, teeSink(consoleSink, fileSink(dataDir, now)));
  const unlock = await lockDataDir(dataDir);
  let simulator: TossSimulator | null = null;
  try {
    const settings = await SettingsStore.open(dataDir, io);
    const keyStore = new SecretKeyStore({ dataDir, cipher: options.cipher, io, now, log });
    const stored = await keyStore.read();
    const config = loadConfig(env, { packaged: options.packaged, storedKeys: storedPair(stored, settings.current.toss.clientKey) });
    const notices: Notice[] = [];

    let toss: TossSetup;
    if (config.mode === 'live') {
      toss = { mode: 'live', clientKey: config.clientKey, secretKey: config.secretKey, apiBase: config.apiBase, sdkSrc: config.sdkSrc };
      secrets.push(config.secretKey);
      const alreadyKept = stored.state === 'stored' && stored.key === config.secretKey && settings.current.toss.clientKey === config.clientKey;
      if (config.keysFrom === 'environment' && options.keepEnvironmentKey && !alreadyKept) {
        try {
          await keyStore.save(config.secretKey, { acceptWeakProtection: false });
          await settings.setTossClientKey(config.clientKey);
        } catch (error) {
          // The key still works for this run; the owner is told it was not kept, never left guessing.
          log.warn('the secret key from TOSS_SECRET_KEY was not stored', { error });
          notices.push({ code: 'SECRET_KEY_NOT_SAVED', detail: error instanceof Error ? error.message : String(error) });
        }
      }
    } else {
      const training = await trainingToss(now, options.simulator);
      ({ toss, simulator } = training);
      secrets.push(toss.secretKey);
      const notice = fallbackNotice(stored);
      if (notice) notices.push(notice);
    }

    const core = await createPosCore({ dataDir, toss, settings, notices, now, io, log, fetch: options.fetch, tossTimeoutMs: options.tossTimeoutMs });
    const running = simulator;
    let closing: Promise<void> | null = null;
    const close = async () => {
      await core.close();
      await running?.close();
      await unlock();
    };
    // Every exit path may ask (quit, signal, window closed): the first one closes, the rest wait for it.
    return { ...core, config, simulator: running, close: () => (closing ??= close()) };
  } catch (error) {
    await simulator?.close();
    await unlock();
    throw error;
  }
}
