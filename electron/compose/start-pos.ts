import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PosError } from '../../shared/domain/errors';
import type { Notice } from '../../shared/domain/notices';
import { clockFrom, ConfigError, dataDirFrom, liveEndpointsFor, loadConfig, type PosConfig, type TossKeys } from '../core/config';
import { consoleSink, createLogger, fileSink, teeSink, type Logger } from '../core/log/logger';
import { TossEndpoints, type TossEndpoint } from '../core/payments/toss-endpoints';
import { createPosCore, type PosCore } from '../core/pos-core';
import type { SettlerTiming } from '../core/reconcile/background-settler';
import type { ReceiptPrinter } from '../core/receipts/receipt-printer';
import type { KeyCipher } from '../core/secrets/key-cipher';
import { SecretKeyStore, type StoredKey } from '../core/secrets/secret-key-store';
import type { TossModes } from '../core/settings/settings-service';
import { SettingsStore } from '../core/settings/settings-store';
import { lockDataDir } from '../core/store/data-dir-lock';
import { checkWritable } from '../core/store/disk-errors';
import { diskIo, type FileIo } from '../core/store/file-io';
import { startTossSimulator, type SimulatorOptions, type TossSimulator } from '../training/simulator';
import { chaosSwitches } from './chaos-switches';

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
  /** How soon open work is asked about again (tests shorten the waits). */
  settleTiming?: SettlerTiming;
  /** How this shell prints the register's page (Electron's webContents); none in the browser host. */
  printer?: ReceiptPrinter;
  /** Training simulator options (tests slow it down or move its clock). */
  simulator?: Pick<SimulatorOptions, 'confirmDelayMs' | 'sessionTtlMs'>;
}

/** The running app as a shell holds it: the core, its configuration, and the simulator in training mode. */
export interface RunningPos extends PosCore {
  config: PosConfig;
  /** The training simulator the app started with (null when it started live). */
  simulator: TossSimulator | null;
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
 * Training mode runs its own Toss on loopback with throwaway keys (no real money can move), started
 * the first time training is needed and kept until the app closes.
 */
function trainingModes(env: NodeJS.ProcessEnv, options: StartPosOptions, now: () => Date, dataDir: string) {
  let simulator: TossSimulator | null = null;
  let starting: Promise<TossEndpoint> | null = null;
  const modes: TossModes = {
    training: () =>
      (starting ??= (async () => {
        const clientKey = `test_ck_training_${randomBytes(9).toString('hex')}`;
        const secretKey = `test_sk_training_${randomBytes(18).toString('hex')}`;
        // Training payments stay in the data folder, so a training sale can be refunded after a restart.
        simulator = await startTossSimulator({ ledgerFile: join(dataDir, 'training', 'payments.json'), ...options.simulator, clientKey, secretKey, now });
        return { mode: 'training', clientKey, secretKey, apiBase: simulator.apiBase, sdkSrc: simulator.sdkSrc };
      })()),
    live: (keys) => {
      try {
        return { mode: 'live', ...keys, ...liveEndpointsFor(env, options.packaged, keys.secretKey) };
      } catch (error) {
        if (error instanceof ConfigError) throw new PosError('TOSS_CONFIGURATION', error.message);
        throw error;
      }
    },
  };
  return { modes, simulator: () => simulator, close: async () => simulator?.close() };
}

/**
 * The one place that decides what runs: which data folder, which keys (environment, or the pair
 * the owner saved and chose live for), which Toss (real, or the simulator in training mode). Both
 * shells call it; the core never reaches up for any of it.
 */
export async function startPos(options: StartPosOptions): Promise<RunningPos> {
  const env = { ...options.env, POS_DATA_DIR: options.env.POS_DATA_DIR?.trim() || options.defaultDataDir };
  const dataDir = dataDirFrom(env);
  const now = options.now ?? clockFrom(env, options.packaged);
  const chaos = chaosSwitches(env, options.packaged);
  const io = chaos.disk(options.io ?? diskIo);
  let endpoints: TossEndpoints | null = null;
  const log = options.log ?? createLogger(() => endpoints?.knownSecrets() ?? [], teeSink(consoleSink, fileSink(dataDir, now)));
  if (chaos.ignored.length > 0) log.warn('test switches are ignored in an installed app', { ignored: chaos.ignored });
  const unlock = await lockDataDir(dataDir);
  const training = trainingModes(env, options, now, dataDir);
  try {
    await checkWritable(dataDir, io);
    const settings = await SettingsStore.open(dataDir, io);
    const keyStore = new SecretKeyStore({ dataDir, cipher: options.cipher, io, now, log });
    const stored = await keyStore.read();
    const wantsLive = settings.current.toss.mode === 'live';
    const config = loadConfig(env, { packaged: options.packaged, storedKeys: wantsLive ? storedPair(stored, settings.current.toss.clientKey) : undefined });
    const notices: Notice[] = [];

    if (config.mode === 'live') {
      endpoints = new TossEndpoints({ mode: 'live', clientKey: config.clientKey, secretKey: config.secretKey, apiBase: config.apiBase, sdkSrc: config.sdkSrc });
      const alreadyKept = stored.state === 'stored' && stored.key === config.secretKey && settings.current.toss.clientKey === config.clientKey;
      if (config.keysFrom === 'environment' && options.keepEnvironmentKey && !alreadyKept) {
        try {
          await keyStore.save(config.secretKey, { acceptWeakProtection: false });
          await settings.setTossKeys(config.clientKey, null);
          await settings.setTossMode('live', null);
        } catch (error) {
          // The key still works for this run; the owner is told it was not kept, never left guessing.
          log.warn('the secret key from TOSS_SECRET_KEY was not stored', { error });
          notices.push({ code: 'SECRET_KEY_NOT_SAVED', detail: error instanceof Error ? error.message : String(error) });
        }
      }
    } else {
      endpoints = new TossEndpoints(await training.modes.training());
      const notice = wantsLive ? fallbackNotice(stored) : null;
      if (notice) notices.push(notice);
    }

    const core = await createPosCore({
      dataDir,
      endpoints,
      modes: training.modes,
      keysFromEnvironment: config.mode === 'live' && config.keysFrom === 'environment',
      settings,
      keyStore,
      cipher: options.cipher,
      notices,
      now,
      io,
      log,
      fetch: options.fetch,
      tossTimeoutMs: options.tossTimeoutMs,
      settleTiming: options.settleTiming,
      printer: options.printer,
    });
    let closing: Promise<void> | null = null;
    const close = async () => {
      await core.close();
      await training.close();
      await unlock();
    };
    // Every exit path may ask (quit, signal, window closed): the first one closes, the rest wait for it.
    return { ...core, config, simulator: training.simulator(), close: () => (closing ??= close()) };
  } catch (error) {
    await training.close();
    await unlock();
    throw error;
  }
}
