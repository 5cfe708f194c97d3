import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { PosErrorData } from '../../../shared/domain/errors';
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import { startPos, type RunningPos } from '../../../electron/compose/start-pos';
import { TRAINING_DIR } from '../../../electron/core/platform/disk/training-dir';
import { demoCatalog } from '../../../electron/core/shop/catalog/demo-catalog';
import type { Logger } from '../../../electron/core/platform/log/logger';
import type { SettlerTiming } from '../../../electron/core/platform/jobs/background-settler';
import type { RebuildPace } from '../../../electron/core/orders/index/order-index';
import type { Monitors } from '../../../electron/core/shop/displays/monitors';
import type { ReplicationTiming } from '../../../electron/core/orders/shared-store/journal-replicator';
import { TossClient } from '../../../electron/core/toss/toss-client';
import { plainTextCipher, type KeyCipher } from '../../../electron/core/shop/secrets/key-cipher';
import { StaffService } from '../../../electron/core/shop/staff/staff-service';
import { diskIo, type FileIo } from '../../../electron/core/platform/disk/file-io';
import { startTossSimulator, type SimulatorOptions, type TossSimulator } from '../../../electron/training/simulator';
import { onCleanup } from './cleanup';
import { tempDir } from './temp-dir';

/** A core as the renderer sees it: typed calls through the real dispatcher. */
export interface PosHarness {
  core: RunningPos;
  /** The Toss the core talks to (its own training simulator, or one the test started). */
  sim: TossSimulator;
  dataDir: string;
  /** Where the books of the mode the core started in live: the data folder (live), or its `training/`. */
  booksDir: string;
  clientKey: string;
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<IpcResult<ChannelOutput<C>>>;
  /** The call's data; the test fails if main answered with an error. */
  ok<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** The call's error; the test fails if main answered ok. */
  fail<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<PosErrorData>;
  close(): Promise<void>;
}

export interface CoreOptions {
  dataDir?: string;
  now?: () => Date;
  io?: FileIo;
  log?: Logger;
  tossTimeoutMs?: number;
  settleTiming?: SettlerTiming;
  /** Between two days of a background rebuild of history's index: a test slows it to watch one under way. */
  rebuildPace?: RebuildPace;
  /** How main reaches Toss: a test wraps the real fetch to stand between the app and Toss. */
  fetch?: typeof fetch;
  /** How the shell protects the secret key at rest; the browser host's plain-text file by default. */
  cipher?: KeyCipher;
  keepEnvironmentKey?: boolean;
  /** Extra environment (POS_PAGE_ORIGIN, keys …) on top of the data folder. */
  env?: NodeJS.ProcessEnv;
  /**
   * Leave a new folder as a first start finds it (no one set up, nobody at the till). Otherwise a
   * new training folder starts with the training manager signed in at the till (and locked), as
   * its first start leaves it: the register's money channels need someone there.
   */
  firstStart?: boolean;
  /** The shell's monitors (a stand-in for Electron's screen); none, as in the browser host, by default. */
  monitors?: Monitors;
  /** How soon the outbox tries an unreachable shared store again. */
  replicationTiming?: ReplicationTiming;
}

/** The folder a mode's books (orders, coupons, open work, register draft) live in. */
export function booksDirOf(dataDir: string, mode: 'training' | 'live'): string {
  return mode === 'training' ? join(dataDir, TRAINING_DIR) : dataDir;
}

/** A logger that keeps quiet (the dispatcher logs expected failures). */
export const silentLog: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined };

function harness(core: RunningPos, sim: TossSimulator, dataDir: string, clientKey: string): PosHarness {
  let closed = false;
  const close = async () => {
    if (closed) return;
    closed = true;
    await core.close();
  };
  onCleanup(close);
  const call = async <C extends Channel>(channel: C, input: ChannelInput<C>) =>
    (await core.dispatch(channel, input)) as IpcResult<ChannelOutput<C>>;
  return {
    core,
    sim,
    dataDir,
    booksDir: booksDirOf(dataDir, core.mode()),
    clientKey,
    call,
    async ok(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.data;
    },
    async fail(channel, input) {
      const result = await call(channel, input);
      if (result.ok) throw new Error(`${channel} unexpectedly succeeded: ${JSON.stringify(result.data)}`);
      return result.error;
    },
    close,
  };
}

function startCore(env: NodeJS.ProcessEnv, options: CoreOptions): Promise<RunningPos> {
  return startPos({
    env: { ...options.env, ...env },
    packaged: false,
    cipher: options.cipher ?? plainTextCipher,
    keepEnvironmentKey: options.keepEnvironmentKey ?? false,
    log: options.log ?? silentLog,
    now: options.now,
    io: options.io,
    tossTimeoutMs: options.tossTimeoutMs,
    settleTiming: options.settleTiming,
    rebuildPace: options.rebuildPace,
    fetch: options.fetch,
    monitors: options.monitors,
    replicationTiming: options.replicationTiming,
  });
}

/** A training-mode core (its own simulator, random keys) on a temp data folder. */
export async function withCore(options: CoreOptions = {}): Promise<PosHarness> {
  const dataDir = options.dataDir ?? (await tempDir('core'));
  const core = await startCore({ POS_DATA_DIR: dataDir }, options);
  const h = harness(core, core.simulator, dataDir, 'unknown');
  const info = await h.ok('app:info', {});
  h.clientKey = info.clientKey;
  if (options.firstStart !== true && (await h.ok('staff:status', {})).trainingManagerOffered) {
    await h.ok('staff:use-training-manager', {});
    await h.ok('staff:lock', {});
  }
  return h;
}

/** A simulator the test owns, so its keys are known and its options (delay, clock) chosen. */
export interface OwnSimulator {
  sim: TossSimulator;
  clientKey: string;
  secretKey: string;
  /** A Toss client with the right secret, to look at payments the way the shop's backend would. */
  toss: TossClient;
}

export async function startOwnSimulator(options: Partial<SimulatorOptions> = {}): Promise<OwnSimulator> {
  const clientKey = options.clientKey ?? `test_ck_unit_${randomBytes(6).toString('hex')}`;
  const secretKey = options.secretKey ?? `test_sk_unit_${randomBytes(12).toString('hex')}`;
  const sim = await startTossSimulator({ ...options, clientKey, secretKey });
  onCleanup(() => sim.close());
  return { sim, clientKey, secretKey, toss: new TossClient({ endpoint: () => ({ apiBase: sim.apiBase, secretKey }) }) };
}

/**
 * A live-mode core, configured the way an installed shop is, but pointed at a simulator the test
 * started (or at `apiBase`, e.g. a closed port, to make Toss unreachable).
 */
export async function withLiveCore(
  own: OwnSimulator,
  options: CoreOptions & { apiBase?: string } = {},
): Promise<PosHarness> {
  const dataDir = options.dataDir ?? (await tempDir('live'));
  await withCatalog(dataDir);
  await withOwner(dataDir, options.cipher ?? plainTextCipher);
  const env = {
    POS_DATA_DIR: dataDir,
    TOSS_CLIENT_KEY: own.clientKey,
    TOSS_SECRET_KEY: own.secretKey,
    TOSS_API_BASE: options.apiBase ?? own.sim.apiBase,
    TOSS_SDK_SRC: own.sim.sdkSrc,
  };
  const core = await startCore(env, options);
  return harness(core, own.sim, dataDir, own.clientKey);
}

/** The shop's catalog in the folder (the demo café's), as a shop going live has one: a live start never makes one up. */
export async function withCatalog(dataDir: string): Promise<void> {
  await writeFile(join(dataDir, 'catalog.json'), JSON.stringify(demoCatalog), { flag: 'wx' }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
}

/**
 * The shop's owner (김토스, PIN 482913, left locked), as a shop that has gone live has one: a folder
 * with sales never opens without its staff. A folder that has a staff.json keeps it as it is.
 */
export async function withOwner(dataDir: string, cipher: KeyCipher): Promise<void> {
  if ((await diskIo.read(join(dataDir, 'staff.json'))) !== null) return;
  const staff = await StaffService.open({
    dataDir,
    io: diskIo,
    now: () => new Date(),
    log: silentLog,
    training: () => false,
    cipher,
    hasSales: async () => false,
  });
  await staff.setupOwner('김토스', '482913');
}

/** A loopback URL nobody listens on: connections are refused. */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${address.port}`;
}
