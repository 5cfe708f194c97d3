import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { FaultRule } from '../../electron/training/faults';
import type { TossPayment } from '../../electron/training/payment-object';
import type { SimRequestRecord } from '../../electron/training/simulator';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

/** The training Toss running as its own process (`npm run toss-sim`): it outlives every app the matrix kills. */
export interface SimProcess {
  origin: string;
  apiBase: string;
  sdkSrc: string;
  clientKey: string;
  secretKey: string;
  /** Queues a fault for the next matching calls (`POST /__sim/faults`). */
  addFault(rule: FaultRule): Promise<void>;
  /** Every /v1 call Toss received, with the fault (if any) that met it. */
  requests(): Promise<SimRequestRecord[]>;
  clearFaults(): Promise<void>;
  /** Every payment as Toss holds it (`GET /__sim/ledger`). */
  ledger(): Promise<TossPayment[]>;
  /** The buyer pays in the payment window with `cardNumber`: the paymentKey the SDK would hand the register, or null when the window refused. */
  authorize(order: { orderId: string; orderName: string; amount: number }, cardNumber: string): Promise<string | null>;
  stop(): Promise<void>;
}

interface Started {
  origin: string;
  apiBase: string;
  sdkSrc: string;
  clientKey: string;
  secretKey: string;
}

async function expectOk(response: Response, what: string): Promise<void> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
}

/** Starts `electron/tools/toss-sim.ts` (as `npm run toss-sim` does) and reads the line it prints. */
export async function startSimProcess(ledgerFile: string): Promise<SimProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'electron/tools/toss-sim.ts', '--ledger', ledgerFile], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const started = await new Promise<Started>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const newline = out.indexOf('\n');
      if (newline !== -1) resolve(JSON.parse(out.slice(0, newline)) as Started);
    });
    child.once('exit', (code) => reject(new Error(`toss-sim exited (${code}) before it was ready`)));
  });
  const json = { 'Content-Type': 'application/json' };
  return {
    ...started,
    async addFault(rule) {
      await expectOk(
        await fetch(`${started.origin}/__sim/faults`, { method: 'POST', headers: json, body: JSON.stringify(rule) }),
        'adding a fault',
      );
    },
    async requests() {
      const response = await fetch(`${started.origin}/__sim/requests`);
      await expectOk(response, 'reading the requests');
      return (await response.json()) as SimRequestRecord[];
    },
    async clearFaults() {
      await expectOk(await fetch(`${started.origin}/__sim/faults`, { method: 'DELETE' }), 'clearing faults');
    },
    async ledger() {
      const response = await fetch(`${started.origin}/__sim/ledger`);
      await expectOk(response, 'reading the ledger');
      return ((await response.json()) as { payments: TossPayment[] }).payments;
    },
    async authorize(order, cardNumber) {
      const response = await fetch(`${started.origin}/sim/authorize`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({
          clientKey: started.clientKey,
          orderId: order.orderId,
          orderName: order.orderName,
          amount: order.amount,
          cardNumber,
        }),
      });
      const body = (await response.json()) as { paymentKey?: unknown };
      return response.status === 200 && typeof body.paymentKey === 'string' ? body.paymentKey : null;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
