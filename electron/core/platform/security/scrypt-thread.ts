import { Worker } from 'node:worker_threads';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

interface Job {
  resolve: (key: Buffer) => void;
  reject: (error: Error) => void;
}

type Reply = { id: number; key: Uint8Array } | { id: number; error: string; code?: string };

const MAXMEM = 64 * 1024 * 1024;

/**
 * Inline, so the bundled main (Electron's and the browser host's) needs no second entry file. It
 * runs scryptSync on its own thread, one call after another: the 16 MiB buffer scrypt asks for is
 * then kept by one malloc arena and reused. On libuv's shared pool each of its threads kept one.
 * glibc maps the first such buffer on its own and returns it, but then raises its threshold, so
 * the second lands in the arena and stays: a throwaway hash right after the first answer takes
 * that step at once, not at some later unlock in the middle of the day.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { scryptSync } = require('node:crypto');
let primed = false;
parentPort.on('message', ({ id, secret, salt, keylen, cost }) => {
  try {
    parentPort.postMessage({ id, key: scryptSync(secret, salt, keylen, cost) });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message), code: error && error.code });
    return;
  }
  if (primed) return;
  primed = true;
  scryptSync('', Buffer.alloc(16), 32, cost);
});
`;

let worker: Worker | null = null;
let nextId = 0;
const jobs = new Map<number, Job>();
let closeWhenIdle = false;

function failAll(error: Error): void {
  for (const job of jobs.values()) job.reject(error);
  jobs.clear();
}

function settle(reply: Reply): void {
  const job = jobs.get(reply.id);
  if (job === undefined) return;
  jobs.delete(reply.id);
  if ('key' in reply) job.resolve(Buffer.from(reply.key.buffer, reply.key.byteOffset, reply.key.byteLength));
  else job.reject(Object.assign(new Error(reply.error), reply.code === undefined ? {} : { code: reply.code }));
  if (jobs.size === 0) idle();
}

/** Idle, it holds nothing open; closed meanwhile, it goes now. */
function idle(): void {
  if (worker === null) return;
  if (closeWhenIdle) {
    void worker.terminate();
    worker = null;
    closeWhenIdle = false;
  } else worker.unref();
}

function started(): Worker {
  if (worker !== null) return worker;
  // No flags of the process (--input-type=module, a loader): the source above is plain CommonJS.
  // A small heap: it only passes short messages (scrypt's buffer is malloc's, not V8's), about 6 MB less.
  const thread = new Worker(WORKER_SOURCE, {
    eval: true,
    execArgv: [],
    resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 8 },
  });
  thread.on('message', settle);
  thread.on('error', (error) => {
    if (worker === thread) worker = null;
    failAll(error);
  });
  thread.on('exit', (code) => {
    if (worker !== thread) return;
    worker = null;
    failAll(new Error(`the scrypt thread stopped (exit code ${code})`));
  });
  worker = thread;
  return thread;
}

/** scrypt on the one thread kept for it (started on first use), with the same result as node:crypto's scrypt. */
export function scryptOnThread(secret: string, salt: Buffer, keylen: number, cost: ScryptCost): Promise<Buffer> {
  const thread = started();
  closeWhenIdle = false;
  const id = nextId++;
  return new Promise((resolve, reject) => {
    jobs.set(id, { resolve, reject });
    // Held open only while a call waits on it: a script awaiting a hash must not exit under it.
    thread.ref();
    // A copy of the salt alone: a pooled Buffer's view would carry its whole pool across.
    thread.postMessage({
      id,
      secret,
      salt: Uint8Array.from(salt),
      keylen,
      cost: { N: cost.N, r: cost.r, p: cost.p, maxmem: MAXMEM },
    });
  });
}

/** Ends the thread once the calls under way are answered; a later call starts it again. */
export function closeScryptThread(): void {
  closeWhenIdle = true;
  if (jobs.size === 0) idle();
}
