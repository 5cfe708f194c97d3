import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { PosError } from '../../shared/domain/errors';
import type { Notice } from '../../shared/domain/notices';
import {
  clockFrom,
  ConfigError,
  rebuildPaceMsFrom,
  dataDirFrom,
  storeUrlFrom,
  liveEndpointsFor,
  loadConfig,
  localeFrom,
  type PosConfig,
  type TossKeys,
} from '../core/platform/config';
import { consoleSink, createLogger, fileSink, teeSink, type Logger } from '../core/platform/log/logger';
import { TossEndpoints, type TossEndpoint } from '../core/toss/toss-endpoints';
import { TRAINING_DIR } from '../core/platform/disk/training-dir';
import { createPosCore, type PosCore } from '../core/app/pos-core';
import type { SettlerTiming } from '../core/platform/jobs/background-settler';
import type { ReceiptPrinter } from '../core/shop/receipt/receipt-printer';
import type { Monitors } from '../core/shop/displays/monitors';
import type { KeyCipher } from '../core/shop/secrets/key-cipher';
import { KEYRING_WAIT_AT_START, readWhenKeyringAnswers, type KeyringWait } from '../core/shop/secrets/keyring-wait';
import { SecretKeyFile, type StoredKey } from '../core/shop/secrets/secret-key-file';
import type { TossModes } from '../core/shop/settings/settings-service';
import { SettingsFile } from '../core/shop/settings/settings-file';
import { lockDataDir } from '../core/platform/disk/data-dir-lock';
import { checkWritable } from '../core/platform/disk/disk-errors';
import { diskIo, type FileIo } from '../core/platform/disk/file-io';
import { capYoungGeneration } from '../core/platform/memory/young-generation';
import type { RebuildPace } from '../core/orders/index/order-index';
import { startTossSimulator, type SimulatorOptions, type TossSimulator } from '../training/simulator';
import { chaosSwitches } from './chaos-switches';
import { retryLockedKey } from './locked-key-retry';
import { postgresPassword } from '../core/platform/postgres/postgres-url';
import type { ReplicationTiming } from '../core/orders/shared-store/journal-replicator';

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
  /** Between two days of a background rebuild of history's index (tests slow it to watch one under way). */
  rebuildPace?: RebuildPace;
  /** How this shell prints the register's page (Electron's webContents); none in the browser host. */
  printer?: ReceiptPrinter;
  /** How this shell places the customer window (Electron's screen); none in the browser host. */
  monitors?: Monitors;
  /** Training simulator options (tests slow it down or move its clock). */
  simulator?: Pick<SimulatorOptions, 'confirmDelayMs' | 'sessionTtlMs'>;
  /** How long a locked keyring is waited for at start (tests shorten it). */
  keyringWait?: KeyringWait;
  /** How soon the outbox tries an unreachable shared store again (tests shorten it). */
  replicationTiming?: ReplicationTiming;
}

/** The running app as a shell holds it: the core, its configuration, and the simulator in training mode. */
export interface RunningPos extends PosCore {
  config: PosConfig;
  /** The training simulator: the training books' Toss, running whatever mode the register is in. */
  simulator: TossSimulator;
}

function storedPair(stored: StoredKey, clientKey: string | null): TossKeys | undefined {
  return stored.state === 'stored' && clientKey !== null ? { clientKey, secretKey: stored.key } : undefined;
}

/** What the owner is told when a saved key could not be used and the app fell back to training. */
function fallbackNotice(stored: StoredKey): Notice | null {
  if (stored.state === 'unreadable')
    return {
      code: 'SECRET_KEY_UNREADABLE',
      detail: stored.movedTo ? `${stored.reason}; moved to ${stored.movedTo}` : stored.reason,
    };
  if (stored.state === 'elsewhere') return { code: 'SECRET_KEY_ELSEWHERE' };
  if (stored.state === 'locked') return { code: 'KEYRING_LOCKED', detail: stored.reason };
  return null;
}

/**
 * Training runs its own Toss on loopback with throwaway keys (no real money can move). It is
 * started with the app whatever the mode: the training books' open work is settled with it while
 * the register sells live, and the register can switch to training at any time.
 */
async function startTraining(
  options: StartPosOptions,
  now: () => Date,
  dataDir: string,
): Promise<{ endpoint: TossEndpoint; simulator: TossSimulator }> {
  const clientKey = `test_ck_training_${randomBytes(9).toString('hex')}`;
  const secretKey = `test_sk_training_${randomBytes(18).toString('hex')}`;
  // Training payments stay with the training books, so a training sale can be refunded after a restart.
  const simulator = await startTossSimulator({
    ledgerFile: join(dataDir, TRAINING_DIR, 'payments.json'),
    ...options.simulator,
    clientKey,
    secretKey,
    now,
  });
  return {
    endpoint: { mode: 'training', clientKey, secretKey, apiBase: simulator.apiBase, sdkSrc: simulator.sdkSrc },
    simulator,
  };
}

function liveModes(env: NodeJS.ProcessEnv, packaged: boolean): TossModes {
  return {
    live: (keys) => {
      try {
        return { mode: 'live', ...keys, ...liveEndpointsFor(env, packaged, keys.secretKey) };
      } catch (error) {
        if (error instanceof ConfigError) throw new PosError('TOSS_CONFIGURATION', error.message);
        throw error;
      }
    },
  };
}

/** The saved pair, for settling live work while the register trains; null when it may not be used here. */
function savedLive(modes: TossModes, keys: TossKeys | undefined): TossEndpoint | null {
  if (keys === undefined) return null;
  try {
    return modes.live(keys);
  } catch {
    return null;
  }
}

/** A rebuild pace that waits `ms` between two days (a pending wait never keeps the process alive). */
function pausing(ms: number | undefined): RebuildPace | undefined {
  if (ms === undefined) return undefined;
  return () => new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * The one place that decides what runs: which data folder, which keys (environment, or the pair
 * the owner saved and chose live for), which Toss (real, or the simulator in training mode). Both
 * shells call it; the core never reaches up for any of it.
 */
export async function startPos(options: StartPosOptions): Promise<RunningPos> {
  const env = { ...options.env, POS_DATA_DIR: options.env.POS_DATA_DIR?.trim() || options.defaultDataDir };
  const dataDir = dataDirFrom(env);
  const locale = localeFrom(env);
  const now = options.now ?? clockFrom(env, options.packaged);
  const rebuildPace = options.rebuildPace ?? pausing(rebuildPaceMsFrom(env, options.packaged));
  const chaos = chaosSwitches(env, options.packaged);
  const io = chaos.disk(options.io ?? diskIo);
  let endpoints: TossEndpoints | null = null;
  const storeUrl = storeUrlFrom(env);
  let settingsFile: SettingsFile | null = null;
  // The shared store's password is a secret like the Toss key: whatever repeats it in the log is scrubbed.
  const storeSecrets = () =>
    [storeUrl, settingsFile?.sharedStore().url]
      .map((url) => (url ? postgresPassword(url) : null))
      .filter((password): password is string => password !== null);
  const log =
    options.log ??
    createLogger(
      () => [...(endpoints?.knownSecrets() ?? []), ...storeSecrets()],
      teeSink(consoleSink, fileSink(dataDir, now)),
    );
  if (chaos.ignored.length > 0) log.warn('test switches are ignored in an installed app', { ignored: chaos.ignored });
  const unlock = await lockDataDir(dataDir);
  const uncapYoungGeneration = capYoungGeneration();
  let simulator: TossSimulator | null = null;
  try {
    await checkWritable(dataDir, io);
    const settings = await SettingsFile.open(dataDir, io);
    settingsFile = settings;
    // POS_LANG is a choice like the one on screen: kept, so the next start opens in it too.
    if (locale !== undefined && settings.preferences().locale !== locale) await settings.updatePreferences({ locale });
    const keyStore = new SecretKeyFile({ dataDir, cipher: options.cipher, io, now, log });
    const stored = await readWhenKeyringAnswers(keyStore, options.keyringWait ?? KEYRING_WAIT_AT_START, log);
    const saved = storedPair(stored, settings.current.toss.clientKey);
    const wantsLive = settings.current.toss.mode === 'live';
    const config = loadConfig(env, { packaged: options.packaged, storedKeys: wantsLive ? saved : undefined });
    const notices: Notice[] = [];
    const modes = liveModes(env, options.packaged);
    const training = await startTraining(options, now, dataDir);
    simulator = training.simulator;

    if (config.mode === 'live') {
      endpoints = new TossEndpoints(training.endpoint, {
        live: {
          mode: 'live',
          clientKey: config.clientKey,
          secretKey: config.secretKey,
          apiBase: config.apiBase,
          sdkSrc: config.sdkSrc,
        },
        mode: 'live',
      });
      const alreadyKept =
        stored.state === 'stored' &&
        stored.key === config.secretKey &&
        settings.current.toss.clientKey === config.clientKey;
      if (config.keysFrom === 'environment' && options.keepEnvironmentKey && !alreadyKept) {
        try {
          await keyStore.save(config.secretKey, { acceptWeakProtection: false });
          await settings.setTossKeys(config.clientKey, null);
          await settings.setTossMode('live', null);
        } catch (error) {
          // The key still works for this run; the owner is told it was not kept, never left guessing.
          log.warn('the secret key from TOSS_SECRET_KEY was not stored', { error });
          notices.push({
            code: 'SECRET_KEY_NOT_SAVED',
            detail: error instanceof Error ? error.message : String(error),
          });
        }
      }
    } else {
      endpoints = new TossEndpoints(training.endpoint, { live: savedLive(modes, saved), mode: 'training' });
      const notice = wantsLive ? fallbackNotice(stored) : null;
      if (notice) notices.push(notice);
    }

    const core = await createPosCore({
      dataDir,
      endpoints,
      modes,
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
      rebuildPace,
      printer: options.printer,
      monitors: options.monitors,
      storeUrl,
      replicationTiming: options.replicationTiming,
    });
    const liveEndpoints = endpoints;
    // The key was left in place behind a locked keyring: once it opens, live work settles with it.
    const retry =
      config.mode === 'training' && stored.state === 'locked'
        ? retryLockedKey({
            read: () => keyStore.read(),
            everyMs: (options.keyringWait ?? KEYRING_WAIT_AT_START).retryEveryMs,
            opened: (opened) => {
              const live = savedLive(modes, storedPair(opened, settings.current.toss.clientKey));
              if (live === null) return;
              liveEndpoints.setLive(live);
              void core.settleNow();
            },
            log,
          })
        : null;
    let closing: Promise<void> | null = null;
    const close = async () => {
      retry?.stop();
      await core.close();
      await training.simulator.close();
      await unlock();
      uncapYoungGeneration();
    };
    // Every exit path may ask (quit, signal, window closed): the first one closes, the rest wait for it.
    return { ...core, config, simulator: training.simulator, close: () => (closing ??= close()) };
  } catch (error) {
    await simulator?.close();
    await unlock();
    uncapYoungGeneration();
    throw error;
  }
}
