import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { isLiveKey, keyPairProblem } from '../../shared/domain/toss-keys';
import { startTossSimulator } from '../training/simulator';

/**
 * `npm run toss-sim [-- --port P --ledger FILE]`: the training Toss as a process of its own, on
 * 127.0.0.1, so its payments outlive an app that is killed (the chaos matrix kills it on purpose).
 * Keys come from TOSS_CLIENT_KEY / TOSS_SECRET_KEY (test keys only) or are made up. It prints one
 * JSON line (origin, apiBase, sdkSrc, clientKey, secretKey) and serves until SIGINT or SIGTERM.
 * Point the app at it with the same keys and TOSS_API_BASE / TOSS_SDK_SRC.
 */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.TOSS_SIM_PORT ?? '0' },
    ledger: { type: 'string', default: process.env.TOSS_SIM_LEDGER },
  },
});

function fail(message: string): never {
  console.error(`toss-sim: ${message}`);
  process.exit(1);
}

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65_535) fail(`--port must be 0-65535, got ${values.port}`);
const clientKey = process.env.TOSS_CLIENT_KEY?.trim() || `test_ck_sim_${randomBytes(9).toString('hex')}`;
const secretKey = process.env.TOSS_SECRET_KEY?.trim() || `test_sk_sim_${randomBytes(18).toString('hex')}`;
// A simulator has no business holding a real key: whoever typed one here meant something else.
if (isLiveKey(clientKey) || isLiveKey(secretKey)) fail('live keys are refused: the simulator takes test keys only');
if (keyPairProblem(clientKey, secretKey) !== null)
  fail('TOSS_CLIENT_KEY and TOSS_SECRET_KEY must be a test_ck_/test_sk_ pair');

const sim = await startTossSimulator({
  clientKey,
  secretKey,
  port,
  ...(values.ledger ? { ledgerFile: values.ledger } : {}),
});
console.log(JSON.stringify({ origin: sim.origin, apiBase: sim.apiBase, sdkSrc: sim.sdkSrc, clientKey, secretKey }));

let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  void sim.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
