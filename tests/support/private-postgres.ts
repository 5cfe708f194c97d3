import { execFile, execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { chown, mkdtemp, readdir, readFile, rm, writeFile, appendFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A PostgreSQL server of a test's own, in a temp folder on a port of its own, that the test may
 * really stop and start again (the shop's server going away mid-day). The shared test server
 * (POS_TEST_PG_URL) is everyone's and is never stopped; this one is nobody else's.
 */
export interface PrivatePostgres {
  /** The shop's database on it, as a register is given it: `postgres://pos:pos@127.0.0.1:<port>/shop`. */
  url: string;
  port: number;
  /** Stops the server (fast shutdown: open connections are ended, as when the shop's server goes down). */
  stop(): Promise<void>;
  /** Starts it again on the same folder and port, its data as it was. */
  start(): Promise<void>;
  /** Stops it and deletes its folder. */
  destroy(): Promise<void>;
}

/** What a test that needs its own server is told when this machine cannot give it one: it fails, never skips. */
export const NO_PRIVATE_POSTGRES = [
  'A private PostgreSQL could not be started: this test stops and starts a server of its own (never the shared one).',
  "It needs PostgreSQL's server binaries (Debian: apt-get install -y postgresql; .ci/run installs it) and, run as root,",
  "the 'postgres' user to run them as (runuser -u postgres --); POS_PG_BIN names the bin folder if it is elsewhere.",
].join('\n');

const ROLE = 'pos';
const PASSWORD = 'pos';
const DATABASE = 'shop';

/** The newest installed server's bin folder (Debian keeps each major version under /usr/lib/postgresql). */
async function binDir(): Promise<string> {
  const given = process.env.POS_PG_BIN?.trim();
  if (given) return given;
  const versions = await readdir('/usr/lib/postgresql').catch(() => [] as string[]);
  const newest = versions.filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a))[0];
  if (newest === undefined) throw new Error(`${NO_PRIVATE_POSTGRES}\n(no /usr/lib/postgresql/<version>/bin here)`);
  return join('/usr/lib/postgresql', newest, 'bin');
}

/** PostgreSQL's tools refuse to run as root: as root they run as `postgres`, otherwise as whoever runs the test. */
function asServerUser(bin: string, command: string, args: string[]): [string, string[]] {
  const tool = join(bin, command);
  return userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', tool, ...args]] : [tool, args];
}

async function tool(bin: string, command: string, args: string[]): Promise<string> {
  const [file, argv] = asServerUser(bin, command, args);
  try {
    const { stdout } = await run(file, argv, { timeout: 60_000 });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new Error(
      `${NO_PRIVATE_POSTGRES}\n${command} ${args.join(' ')} failed: ${e.stderr || e.stdout || e.message}`,
      { cause: error },
    );
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/** Makes a fresh cluster (initdb), starts it, and creates the shop's role and database on it. */
export async function startPrivatePostgres(label: string): Promise<PrivatePostgres> {
  const bin = await binDir();
  const folder = await mkdtemp(join(tmpdir(), `toss-pos-pg-${label.replace(/[^a-z0-9-]/gi, '-')}-`));
  const data = join(folder, 'data');
  const log = join(folder, 'server.log');
  try {
    const passwordFile = join(folder, 'password');
    await writeFile(passwordFile, `${PASSWORD}\n`);
    if (userInfo().uid === 0) {
      const { stdout } = await run('id', ['-u', 'postgres']).catch(() => {
        throw new Error(`${NO_PRIVATE_POSTGRES}\n(there is no 'postgres' user to run the server as)`);
      });
      const uid = Number(stdout.trim());
      const gid = Number((await run('id', ['-g', 'postgres'])).stdout.trim());
      await chown(folder, uid, gid);
      await chown(passwordFile, uid, gid);
    }
    await tool(bin, 'initdb', [
      '-D',
      data,
      '-U',
      ROLE,
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '--no-locale',
      '--encoding=UTF8',
      '--no-sync',
    ]);
    const port = await freePort();
    // A throwaway cluster: durability is not what it is for, speed and staying out of others' way are.
    await appendFile(
      join(data, 'postgresql.conf'),
      [
        `port = ${port}`,
        "listen_addresses = '127.0.0.1'",
        `unix_socket_directories = '${folder}'`,
        'fsync = off',
        'synchronous_commit = off',
        'full_page_writes = off',
        'shared_buffers = 16MB',
        'max_connections = 40',
        '',
      ].join('\n'),
    );
    const start = async () => {
      await tool(bin, 'pg_ctl', ['-D', data, '-l', log, '-w', '-t', '60', 'start']).catch(async (error: Error) => {
        const tail = await readFile(log, 'utf8').catch(() => '');
        throw new Error(`${error.message}\n${tail.slice(-2000)}`);
      });
    };
    const stop = async () => {
      await tool(bin, 'pg_ctl', ['-D', data, '-w', '-t', '60', '-m', 'fast', 'stop']);
    };
    await start();
    const admin = new pg.Client({ host: '127.0.0.1', port, user: ROLE, password: PASSWORD, database: 'postgres' });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE ${DATABASE}`);
    } finally {
      await admin.end();
    }
    let destroyed = false;
    // A test process that ends without its teardown (an error thrown past it, a worker told to quit)
    // must not leave a server running on a machine others share.
    const stopOnExit = () => {
      const [file, argv] = asServerUser(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      try {
        execFileSync(file, argv, { stdio: 'ignore', timeout: 10_000 });
      } catch {
        // Already stopped: only its folder is left.
      }
      rmSync(folder, { recursive: true, force: true });
    };
    process.once('exit', stopOnExit);
    return {
      url: `postgres://${ROLE}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
      port,
      stop,
      start,
      destroy: async () => {
        if (destroyed) return;
        destroyed = true;
        process.off('exit', stopOnExit);
        await stop().catch(() => undefined);
        await rm(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await tool(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
