import { createHash } from 'node:crypto';
import { mkdir, realpath, unlink } from 'node:fs/promises';
import { createConnection, createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OWNER_ONLY_DIR } from './file-io';

export class DataDirInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`the data folder ${dataDir} is already open in another Toss POS (process ${pid}); close it first`);
    this.name = 'DataDirInUseError';
  }
}

/**
 * Where the lock of a data folder lives: a local socket named after the folder's real path. On
 * Linux an abstract socket and on Windows a named pipe, which the kernel takes away with the
 * process that held them: a lock is never left behind, whatever killed the app. On macOS a socket
 * file in the temp folder, which a crash leaves behind and the next start clears.
 */
export function lockAddress(realDataDir: string, platform: NodeJS.Platform = process.platform): string {
  const id = createHash('sha256').update(realDataDir).digest('hex').slice(0, 32);
  if (platform === 'linux') return `\0toss-pos-${id}`;
  if (platform === 'win32') return `\\\\?\\pipe\\toss-pos-${id}`;
  return join(tmpdir(), `toss-pos-${id}.sock`);
}

function listen(address: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    // Whoever asks who holds the folder is told the pid.
    const server = createServer((socket) => socket.end(String(process.pid)));
    server.once('error', reject);
    server.listen(address, () => {
      server.off('error', reject);
      server.unref();
      resolve(server);
    });
  });
}

/** Listens on the lock's address, or null when another process is listening there already. */
function take(address: string): Promise<Server | null> {
  // Stryker disable next-line BlockStatement: an abstract socket's listen fails otherwise only out of handles or memory, which no test here can make (docs/mutation-survivors.md)
  return listen(address).catch((error: unknown) => {
    // Stryker disable next-line ConditionalExpression: as above
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return null;
  });
}

/** The pid of the app holding the lock, or null when nothing answers there (a socket file left by a crash). */
function ownerOf(address: string): Promise<number | null> {
  return new Promise((resolve) => {
    let said = '';
    const socket = createConnection(address);
    socket.setTimeout(2_000, () => socket.destroy());
    socket.on('data', (chunk: Buffer) => (said += chunk.toString('utf8')));
    socket.on('error', () => resolve(null));
    socket.on('close', () => {
      const pid = Number.parseInt(said, 10);
      resolve(Number.isInteger(pid) ? pid : null);
    });
  });
}

/**
 * One app per data folder: two processes appending to the same journals would interleave sales. The
 * lock is a listening local socket (see `lockAddress`): binding it is atomic, so of any number
 * of apps starting at once exactly one gets it, and the others are told the holder's pid. The
 * answer releases it; so does the end of the process, however it ends.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  await mkdir(dataDir, { recursive: true, mode: OWNER_ONLY_DIR });
  const address = lockAddress(await realpath(dataDir));
  for (let attempt = 1; ; attempt += 1) {
    const server = await take(address);
    if (server !== null) {
      // The lock file of earlier versions, if one was left behind.
      await unlink(join(dataDir, 'pos.lock')).catch(() => undefined);
      return () => new Promise<void>((resolve) => server.close(() => resolve()));
    }
    const owner = await ownerOf(address);
    if (owner !== null) throw new DataDirInUseError(dataDir, owner);
    // Taken but not answering: a socket file left by a crash (macOS), or a holder letting go right now.
    if (attempt >= 3) throw new DataDirInUseError(dataDir, 0);
    // Stryker disable next-line all: the socket file is macOS' alone; Linux's abstract socket and Windows' pipe leave no file to clear
    if (!address.startsWith('\0') && !address.startsWith('\\\\')) await unlink(address).catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
  }
}
