import { fork } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { PosErrorData } from '../../shared/domain/errors';
import type { Channel, ChannelInput, ChannelOutput } from '../../shared/ipc/contract';
import type { IpcResult } from '../../shared/ipc/result';

/** The app died (killed, or it killed itself at a crash point) before answering. */
export class AppDied extends Error {
  override readonly name = 'AppDied';
}

/** The app did not answer a call in time: a hang, which the matrix counts as a fault of the app. */
export class AppHung extends Error {
  override readonly name = 'AppHung';
}

/** The app refused to start, with its reason (a read-only data folder, say). */
export class AppRefusedToStart extends Error {
  override readonly name = 'AppRefusedToStart';
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** One running app, driven as the renderer drives it. */
export interface AppProcess {
  call<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<IpcResult<ChannelOutput<C>>>;
  /** The call's data; throws when main answered with an error. */
  ok<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  /** Quits the way a closed app does (writes under way reach the disk). */
  close(): Promise<Exit>;
  /** kill -9. */
  kill(): Promise<Exit>;
  exited: Promise<Exit>;
}

export class CallFailed extends Error {
  override readonly name = 'CallFailed';
  constructor(
    readonly channel: string,
    readonly error: PosErrorData,
  ) {
    super(`${channel}: ${error.code} ${error.message}`);
  }
}

/** The child entry bundled once for plain Node: each start then costs a process, not a compile. */
let bundled: Promise<string> | null = null;
function childScript(): Promise<string> {
  bundled ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'toss-pos-chaos-child-'));
    const outfile = join(dir, 'app-child.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./app-child.ts', import.meta.url))],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      outfile,
      logLevel: 'warning',
      // Bundled CommonJS packages may still call require() for Node's own modules.
      banner: {
        js: "import { createRequire as __chaosRequire } from 'node:module'; const require = __chaosRequire(import.meta.url);",
      },
    });
    return outfile;
  })();
  return bundled;
}

type ChildMessage =
  | { type: 'ready'; mode: string }
  | { type: 'refused'; name: string; message: string }
  | { type: 'result'; id: number; result: IpcResult<unknown> };

/**
 * Starts the app on `dataDir` with `env` on top of this process's environment. Resolves once it
 * is ready; throws AppRefusedToStart when the app said why it would not start, AppDied when it
 * died first.
 */
export async function startApp(options: { env: NodeJS.ProcessEnv; callTimeoutMs: number }): Promise<AppProcess> {
  const child = fork(await childScript(), [], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    execArgv: [],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-4_000);
  });
  const exited = new Promise<Exit>((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const pending = new Map<number, (result: IpcResult<unknown> | Error) => void>();
  let nextId = 1;
  let dead = false;

  const ready = new Promise<void>((resolve, reject) => {
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') resolve();
      else if (message.type === 'refused') reject(new AppRefusedToStart(`${message.name}: ${message.message}`));
      else pending.get(message.id)?.(message.result);
    });
    void exited.then((exit) => {
      dead = true;
      const died = new AppDied(
        `the app died (${exit.signal ?? `exit ${exit.code}`})${stderr ? `: ${stderr.trim().split('\n').slice(-3).join(' | ')}` : ''}`,
      );
      reject(died);
      for (const answer of pending.values()) answer(died);
      pending.clear();
    });
  });
  await ready;

  const call = <C extends Channel>(channel: C, input: ChannelInput<C>): Promise<IpcResult<ChannelOutput<C>>> => {
    if (dead) return Promise.reject(new AppDied(`the app is not running (${channel})`));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        reject(new AppHung(`${channel} was not answered in ${options.callTimeoutMs} ms`));
      }, options.callTimeoutMs);
      pending.set(id, (answer) => {
        clearTimeout(timer);
        pending.delete(id);
        if (answer instanceof Error) reject(answer);
        else resolve(answer as IpcResult<ChannelOutput<C>>);
      });
      child.send({ type: 'call', id, channel, input });
    });
  };

  return {
    call,
    async ok(channel, input) {
      const result = await call(channel, input);
      if (!result.ok) throw new CallFailed(channel, result.error);
      return result.data;
    },
    async close() {
      if (!dead) child.send({ type: 'close' });
      return exited;
    },
    async kill() {
      if (!dead) child.kill('SIGKILL');
      return exited;
    },
    exited,
  };
}
