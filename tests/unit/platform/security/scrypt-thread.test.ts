import { execFile } from 'node:child_process';
import { randomBytes, scryptSync } from 'node:crypto';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { closeScryptThread, scryptOnThread } from '../../../../electron/core/platform/security/scrypt-thread';
import { pinMatches } from '../../../../electron/core/shop/staff/pin-hash';

const COST = { N: 16_384, r: 8, p: 1 };

describe('scrypt on its own thread', () => {
  it('gives the key node:crypto gives, so PINs hashed before it still unlock', async () => {
    const salt = randomBytes(16);
    const before = scryptSync('482913', salt, 32, { ...COST, maxmem: 64 * 1024 * 1024 });
    expect((await scryptOnThread('482913', salt, 32, COST)).equals(before)).toBe(true);
    const stored = {
      algorithm: 'scrypt' as const,
      ...COST,
      salt: salt.toString('base64'),
      hash: before.toString('base64'),
    };
    expect(await pinMatches('482913', stored)).toBe(true);
    expect(await pinMatches('482914', stored)).toBe(false);
  });

  it('answers the calls under way when the core closes, and starts again for the next one', async () => {
    const salt = randomBytes(16);
    const under = [scryptOnThread('1111', salt, 32, COST), scryptOnThread('2222', salt, 32, COST)];
    closeScryptThread();
    const [one, two] = await Promise.all(under);
    expect(one?.equals(scryptSync('1111', salt, 32, COST))).toBe(true);
    expect(two?.equals(scryptSync('2222', salt, 32, COST))).toBe(true);
    expect((await scryptOnThread('1111', salt, 32, COST)).equals(one ?? Buffer.alloc(0))).toBe(true);
    closeScryptThread();
  });

  it('turns down a cost scrypt refuses, as node:crypto does', async () => {
    await expect(scryptOnThread('1111', randomBytes(16), 32, { N: 3, r: 8, p: 1 })).rejects.toThrow();
  });

  it('keeps a script alive while it waits on a hash, and never holds it open after', async () => {
    const script = [
      "import { scryptOnThread } from './electron/core/platform/security/scrypt-thread.ts';",
      "const key = await scryptOnThread('1234', Buffer.alloc(16), 32, { N: 16384, r: 8, p: 1 });",
      "console.log(key.toString('hex'));",
    ].join('\n');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        timeout: 20_000,
      },
    );
    expect(stdout.trim()).toBe(scryptSync('1234', Buffer.alloc(16), 32, COST).toString('hex'));
  });
});
