import { setTimeout as sleep } from 'node:timers/promises';
import type { Order } from '../../shared/domain/order';
import type { FaultRule } from '../../electron/training/faults';
import { AppDied, AppHung, AppRefusedToStart, type AppProcess, type Exit } from './app-process';
import { checkBooks, checkFolder, type Violation } from './invariants';
import type { Rng } from './prng';
import type { RefundStep, RunPlan, SaleStep, Scenario } from './scenarios';
import { allCoupons, OWNER_PIN, type Shop } from './shop';

/** How long a restarted app may take to settle what the run left open before that counts as unsettled. */
const SETTLE_DEADLINE_MS = 20_000;

export interface RunResult {
  scenario: string;
  plan: RunPlan;
  violations: Violation[];
  /** The run's data folder, kept when something was found. */
  dataDir: string;
}

interface Mutable {
  created: Set<string>;
  paid: Map<string, string>;
  refunded: Array<{ orderId: string; refundId: string; amount: number }>;
  /** The faults queued for this run's payments. */
  faults: FaultRule[];
}

interface Sold {
  orderId: string;
  amount: number;
}

async function queueFault(shop: Shop, rule: FaultRule, told: Mutable): Promise<void> {
  await shop.sim.addFault(rule);
  told.faults.push(rule);
}

/** One sale as the register makes it: order, payment window, confirm; pressed again (or a new window) while the outcome is unknown. */
async function sell(app: AppProcess, shop: Shop, step: SaleStep, codes: string[], told: Mutable, rng: Rng): Promise<Sold | null> {
  const couponCode = step.coupon ? codes.shift() : undefined;
  const created = await app.call('order:create', { lines: step.lines, ...(couponCode === undefined ? {} : { couponCode }) });
  if (!created.ok) return null;
  const order = created.data;
  told.created.add(order.orderId);
  let paymentKey = await shop.sim.authorize(order, step.card);
  if (paymentKey === null) return null;
  if (step.fault) await queueFault(shop, { ...step.fault, paymentKey }, told);
  for (let press = 0; press < 3; press += 1) {
    const answer = await app.call('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
    if (answer.ok) {
      if (answer.data.status === 'PAID') told.paid.set(order.orderId, answer.data.payment?.paymentKey ?? paymentKey);
      return { orderId: order.orderId, amount: order.amount };
    }
    if (answer.error.code !== 'TOSS_UNREACHABLE') return { orderId: order.orderId, amount: order.amount };
    await sleep(150);
    // Some cashiers open the payment window again instead of pressing Pay again.
    if (rng.chance(0.3)) paymentKey = (await shop.sim.authorize(order, step.card)) ?? paymentKey;
  }
  return { orderId: order.orderId, amount: order.amount };
}

async function refund(app: AppProcess, shop: Shop, step: RefundStep, sold: ReadonlyArray<Sold | null>, told: Mutable): Promise<void> {
  const sale = sold[step.sale];
  const paymentKey = sale ? told.paid.get(sale.orderId) : undefined;
  if (!sale || paymentKey === undefined) return;
  if (step.fault) await queueFault(shop, { ...step.fault, paymentKey }, told);
  const request = step.kind === 'full' ? { kind: 'full' as const } : { kind: 'amount' as const, amount: Math.floor(sale.amount / 2) };
  const answer = await app.call('refund:create', { orderId: sale.orderId, request, reason: '고객 변심' });
  const entry = answer.ok ? answer.data.refunds.at(-1) : undefined;
  if (entry?.status === 'DONE') told.refunded.push({ orderId: sale.orderId, refundId: entry.refundId, amount: entry.amount });
}

/** The run's work until it is done or the app dies (or hangs). */
async function drive(app: AppProcess, shop: Shop, plan: RunPlan, told: Mutable, rng: Rng): Promise<'done' | 'died' | 'hung'> {
  const codes = [...shop.couponCodes];
  try {
    await app.ok('staff:unlock', { pin: OWNER_PIN });
    const sold: Array<Sold | null> = [];
    for (const step of plan.sales) sold.push(await sell(app, shop, step, codes, told, rng));
    for (const step of plan.refunds) await refund(app, shop, step, sold, told);
    return 'done';
  } catch (error) {
    if (error instanceof AppDied) return 'died';
    if (error instanceof AppHung) return 'hung';
    throw error;
  }
}

function unsettled(order: Order): boolean {
  return order.status === 'CONFIRMING' || order.refunds.some((refund) => refund.status === 'REFUNDING');
}

/** The orders as the app answers for them, once none is left mid-confirm or mid-refund (or the deadline passed). */
async function settledOrders(app: AppProcess, orderIds: ReadonlySet<string>, found: Violation[]): Promise<Map<string, Order>> {
  const until = Date.now() + SETTLE_DEADLINE_MS;
  for (;;) {
    const orders = new Map<string, Order>();
    const problems: string[] = [];
    for (const orderId of orderIds) {
      const answer = await app.call('order:get', { orderId });
      if (answer.ok) orders.set(orderId, answer.data);
      else if (answer.error.code !== 'ORDER_NOT_FOUND') problems.push(`order:get ${orderId}: ${answer.error.code} ${answer.error.message}`);
    }
    if (![...orders.values()].some(unsettled) || Date.now() > until) {
      for (const problem of problems) found.push({ kind: 'app-fault', detail: problem });
      return orders;
    }
    await sleep(200);
  }
}

/** What ended the first life of the app, judged against the plan. */
function judgeEnd(plan: RunPlan, ended: 'done' | 'died' | 'hung', exit: Exit, found: Violation[]): void {
  if (ended === 'hung') found.push({ kind: 'app-fault', detail: 'the app stopped answering' });
  if (plan.expectCrash) {
    if (ended === 'done') found.push({ kind: 'not-exercised', detail: `crash point ${plan.crashAt} was never reached` });
    else if (ended === 'died' && exit.signal !== 'SIGKILL') found.push({ kind: 'app-fault', detail: `the app died (${exit.signal ?? `exit ${exit.code}`}) instead of at ${plan.crashAt}` });
  } else if (ended === 'died') {
    found.push({ kind: 'app-fault', detail: `the app died on its own (${exit.signal ?? `exit ${exit.code}`})` });
  } else if (ended === 'done' && plan.end === 'close' && exit.code !== 0 && plan.diskFault === undefined) {
    found.push({ kind: 'app-fault', detail: `the app did not close cleanly (exit ${exit.code})` });
  }
}

/**
 * One run: a fresh copy of the shop, the app started with the plan's switches and driven until
 * it dies or the work is done; then the app started again on the same folder, given time to
 * settle, and the books checked against Toss's ledger and against everything the register was told.
 */
export async function runOnce(shop: Shop, scenario: Scenario, rng: Rng): Promise<RunResult> {
  const plan = scenario.plan(rng.fork());
  const steps = rng.fork();
  const dataDir = await shop.newFolder();
  const told: Mutable = { created: new Set(), paid: new Map(), refunded: [], faults: [] };
  const found: Violation[] = [];

  const switches = { ...(plan.crashAt ? { POS_CRASH_AT: plan.crashAt } : {}), ...(plan.diskFault ? { POS_DISK_FAULT: plan.diskFault } : {}) };
  let first: AppProcess | null = null;
  try {
    first = await shop.start(dataDir, switches);
  } catch (error) {
    // A folder that refuses every write from the start stops the app with its reason: what it must do.
    const refusedForTheDisk = error instanceof AppRefusedToStart && plan.diskFault !== undefined && /cannot be written/.test(error.message);
    if (!refusedForTheDisk) found.push({ kind: 'app-fault', detail: `the app did not start: ${error instanceof Error ? error.message : String(error)}` });
  }
  if (first) {
    const ended = await drive(first, shop, plan, told, steps);
    const exit = ended === 'done' ? await (plan.end === 'kill' || plan.expectCrash ? first.kill() : first.close()) : await (ended === 'hung' ? first.kill() : first.exited);
    judgeEnd(plan, ended, exit, found);
  }
  found.push(...(await checkFolder(dataDir)));
  // A fault no call met proves nothing: the sale or refund it was for never reached Toss.
  const met = new Set((await shop.sim.requests()).flatMap((r) => (r.fault === undefined ? [] : [`${r.paymentKey}/${r.fault}`])));
  for (const rule of told.faults) if (!met.has(`${rule.paymentKey}/${rule.fault.kind}`)) found.push({ kind: 'not-exercised', detail: `the ${rule.fault.kind} fault on ${rule.route} was never met` });
  await shop.sim.clearFaults();

  let again: AppProcess;
  try {
    again = await shop.start(dataDir);
  } catch (error) {
    found.push({ kind: 'app-fault', detail: `the app did not start again: ${error instanceof Error ? error.message : String(error)}` });
    return { scenario: scenario.name, plan, violations: found, dataDir };
  }
  try {
    await again.ok('staff:unlock', { pin: OWNER_PIN });
    // Orders holding a coupon count too, told of or not (one stored just before a crash, say).
    const holders = (await allCoupons(again)).flatMap((c) => [c.orderId, c.reservedBy].filter((id): id is string => id !== null));
    const orders = await settledOrders(again, new Set([...told.created, ...holders]), found);
    // Read after settling: a coupon follows its order once the order is settled.
    const coupons = await allCoupons(again);
    const payments = (await shop.sim.ledger()).filter((payment) => told.created.has(payment.orderId));
    const exit = await again.close();
    if (exit.code !== 0) found.push({ kind: 'app-fault', detail: `the restarted app did not close cleanly (exit ${exit.code})` });
    found.push(...checkBooks({ payments, orders, coupons, told }));
  } catch (error) {
    await again.kill();
    found.push({ kind: 'app-fault', detail: `the restarted app failed the check: ${error instanceof Error ? error.message : String(error)}` });
  }
  found.push(...(await checkFolder(dataDir)));
  return { scenario: scenario.name, plan, violations: found, dataDir };
}
