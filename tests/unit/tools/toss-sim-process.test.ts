import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TossClient } from '../../../electron/core/toss/toss-client';
import type { TossPayment } from '../../../electron/training/payment-object';
import { onCleanup } from '../helpers/cleanup';
import { tempDir } from '../helpers/temp-dir';
import { CARD } from '../helpers/toss-window';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));
const TOOL = ['--import', 'tsx', 'electron/tools/toss-sim.ts'];

interface Printed {
  origin: string;
  apiBase: string;
  sdkSrc: string;
  clientKey: string;
  secretKey: string;
}

/** `npm run toss-sim` as a process of its own: what it printed, and a way to kill it as a crash would. */
async function simProcess(
  args: string[],
  env: NodeJS.ProcessEnv = {},
): Promise<{ printed: Printed; kill(): Promise<void> }> {
  const child = spawn(process.execPath, [...TOOL, ...args], {
    cwd: REPO,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const kill = async () => {
    child.kill('SIGKILL');
    await exited;
  };
  onCleanup(kill);
  const printed = await new Promise<Printed>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('\n')) resolve(JSON.parse(out.split('\n')[0] ?? '') as Printed);
    });
    child.once('exit', (code) => reject(new Error(`toss-sim exited with ${code}`)));
  });
  return { printed, kill };
}

async function ledger(origin: string): Promise<TossPayment[]> {
  return ((await (await fetch(`${origin}/__sim/ledger`)).json()) as { payments: TossPayment[] }).payments;
}

describe('npm run toss-sim', () => {
  it('prints where it listens and its keys, takes payments, and its ledger (read at /__sim/ledger) outlives the process', async () => {
    const file = join(await tempDir('toss-sim'), 'ledger.json');
    const first = await simProcess(['--ledger', file]);
    const { origin, apiBase, sdkSrc, clientKey, secretKey } = first.printed;
    expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect({ apiBase, sdkSrc }).toEqual({ apiBase: origin, sdkSrc: `${origin}/v2/standard` });
    expect([clientKey.startsWith('test_ck_'), secretKey.startsWith('test_sk_')]).toEqual([true, true]);

    const order = { orderId: `sim-process-${Date.now()}`, orderName: '아메리카노', amount: 4_500 };
    const window = await fetch(`${origin}/sim/authorize`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ clientKey, ...order, cardNumber: CARD.approves }),
    });
    const { paymentKey } = (await window.json()) as { paymentKey: string };
    const toss = new TossClient({ endpoint: () => ({ apiBase, secretKey }) });
    await toss.confirm({ paymentKey, orderId: order.orderId, amount: order.amount }, 'confirm-1');
    await toss.cancel(paymentKey, { cancelReason: '고객 변심', cancelAmount: 1_000 }, 'cancel-1');
    const expected = [
      expect.objectContaining({
        paymentKey,
        orderId: order.orderId,
        status: 'PARTIAL_CANCELED',
        totalAmount: 4_500,
        balanceAmount: 3_500,
        cancels: [expect.objectContaining({ cancelAmount: 1_000 })],
      }),
    ];
    expect(await ledger(origin)).toEqual(expected);

    await first.kill();
    const second = await simProcess(['--ledger', file], { TOSS_CLIENT_KEY: clientKey, TOSS_SECRET_KEY: secretKey });
    expect(second.printed.clientKey).toBe(clientKey);
    expect(await ledger(second.printed.origin)).toEqual(expected);
  });

  it('refuses live keys', () => {
    const refused = spawnSync(process.execPath, TOOL, {
      cwd: REPO,
      env: { ...process.env, TOSS_CLIENT_KEY: 'live_ck_abc', TOSS_SECRET_KEY: 'live_sk_abc' },
      encoding: 'utf8',
    });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('live keys are refused');
  });
});
