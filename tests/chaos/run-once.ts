import { setTimeout as sleep } from 'node:timers/promises';
import type { FaultRule } from '../../electron/training/faults';
import type { Order } from '../../shared/domain/order';
import { parsePartOrderId } from '../../shared/domain/part-number';
import { leftToPay, splitEvenly } from '../../shared/domain/payment-parts';
import { AppDied, AppHung, AppRefusedToStart, type AppProcess, type Exit } from './app-process';
import { checkBooks, checkFolder, type Violation } from './invariants';
import type { Rng } from '../support/rng';
import type { RefundStep, RunPlan, SaleStep, Scenario, SplitTender } from './scenarios';
import type { IssuedCoupon } from '../../shared/domain/coupons';
import { allCoupons, OWNER_PIN, type Shop } from './shop';

/** How long a restarted app may take to settle what the run left open before that counts as unsettled (Toss down at restart costs the settler's backoff). */
const SETTLE_DEADLINE_MS = 25_000;

export interface RunResult {
  scenario: string;
  plan: RunPlan;
  violations: Violation[];
  /** The run's data folder, kept when something was found. */
  dataDir: string;
}

/** What the app told the register (its promises), and what the run did at Toss. */
interface RunRecord {
  created: Set<string>;
  paid: Map<string, string>;
  /** Parts of split sales the app answered PAID: a card part's paymentKey, null for cash. */
  paidParts: Array<{ orderId: string; part: number; paymentKey: string | null }>;
  refunded: Array<{ orderId: string; refundId: string; amount: number }>;
  /** Every paymentKey a payment window gave the register. */
  paymentKeys: Set<string>;
  /** The faults queued for this run's payments. */
  faults: FaultRule[];
  /** The register went to training (and back) during the run. */
  detoured: boolean;
}

interface Sold {
  orderId: string;
  amount: number;
  /** A split sale's parts the app answered PAID, by number. */
  paidParts?: number[];
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function queueFault(shop: Shop, rule: FaultRule, record: RunRecord): Promise<void> {
  await shop.sim.addFault(rule);
  record.faults.push(rule);
}

/** One sale as the register makes it: order, payment window, confirm (double-clicked, sometimes); pressed again, or a new window, while the outcome is unknown. */
async function sell(
  app: AppProcess,
  shop: Shop,
  step: SaleStep,
  codes: string[],
  record: RunRecord,
  rng: Rng,
): Promise<Sold | null> {
  const couponCode = step.coupon ? codes.shift() : undefined;
  const created = await app.call('sale:create', {
    lines: step.lines,
    ...(couponCode === undefined ? {} : { couponCode }),
  });
  if (!created.ok) return null;
  const order = created.data;
  record.created.add(order.orderId);
  if (step.split) return sellInParts(app, shop, step, step.split, order, record, rng);
  const sold = { orderId: order.orderId, amount: order.amount };
  let paymentKey = await shop.sim.authorize(order, step.card);
  if (paymentKey === null) return null;
  record.paymentKeys.add(paymentKey);
  if (step.fault) await queueFault(shop, { ...step.fault, paymentKey }, record);
  for (let press = 0; press < 3; press += 1) {
    const request = { orderId: order.orderId, paymentKey, amount: order.amount };
    const answers = await Promise.all(
      [...Array(step.doublePress && press === 0 ? 2 : 1)].map(() => app.call('payment:confirm', request)),
    );
    for (const answer of answers)
      if (answer.ok && answer.data.status === 'PAID')
        record.paid.set(order.orderId, answer.data.payment?.paymentKey ?? paymentKey);
    if (
      record.paid.has(order.orderId) ||
      answers.every((answer) => !answer.ok && answer.error.code !== 'TOSS_UNREACHABLE')
    )
      return sold;
    await sleep(150);
    // Some cashiers open the payment window again instead of pressing Pay again.
    if (rng.chance(0.3)) {
      paymentKey = (await shop.sim.authorize(order, step.card)) ?? paymentKey;
      record.paymentKeys.add(paymentKey);
    }
  }
  return sold;
}

/** Notes a part the app answered PAID (once). */
function toldPaidPart(record: RunRecord, sold: Sold, order: Order, part: number): void {
  const paid = order.parts.find((p) => p.part === part && p.status === 'PAID');
  if (!paid || sold.paidParts?.includes(part)) return;
  sold.paidParts = [...(sold.paidParts ?? []), part];
  record.paidParts.push({ orderId: order.orderId, part, paymentKey: paid.payment?.paymentKey ?? null });
}

/** The rest of a split sale in cash ("다른 방법으로 결제"), as the order now stands. */
async function restInCash(app: AppProcess, sold: Sold, record: RunRecord): Promise<void> {
  const now = await app.call('sale:get', { orderId: sold.orderId });
  if (!now.ok || now.data.status !== 'PENDING') return;
  const amount = leftToPay(now.data);
  if (amount === 0) return;
  const paid = await app.call('cash:pay-part', { orderId: sold.orderId, amount, received: amount });
  if (paid.ok) toldPaidPart(record, sold, paid.data, paid.data.parts.length);
}

/**
 * A sale paid in parts, split evenly: each card part opened, paid in its own window and confirmed
 * (double-clicked, pressed again or paid in a new window while its outcome is unknown), a cash part
 * paid at the counter. A card part declined or given up has the rest paid in cash.
 */
async function sellInParts(
  app: AppProcess,
  shop: Shop,
  step: SaleStep,
  tenders: readonly SplitTender[],
  order: { orderId: string; orderName: string; amount: number },
  record: RunRecord,
  rng: Rng,
): Promise<Sold> {
  const sold: Sold = { orderId: order.orderId, amount: order.amount };
  const amounts = splitEvenly(order.amount, tenders.length);
  for (const [i, tender] of tenders.entries()) {
    const amount = amounts[i] ?? 0;
    if (tender.method === 'cash') {
      const paid = await app.call('cash:pay-part', { orderId: order.orderId, amount, received: amount });
      if (paid.ok) toldPaidPart(record, sold, paid.data, paid.data.parts.length);
      continue;
    }
    const opened = await app.call('payment:open-part', { orderId: order.orderId, amount });
    if (!opened.ok) return sold;
    const { part } = opened.data;
    const window = { orderId: part.tossOrderId ?? '', orderName: order.orderName, amount: part.amount };
    let paymentKey = await shop.sim.authorize(window, tender.card);
    if (paymentKey === null) {
      await app.call('payment:drop-part', { orderId: order.orderId, part: part.part });
      await restInCash(app, sold, record);
      return sold;
    }
    record.paymentKeys.add(paymentKey);
    if (tender.fault) await queueFault(shop, { ...tender.fault, paymentKey }, record);
    let settled = false;
    for (let press = 0; press < 3 && !settled; press += 1) {
      const request = { orderId: window.orderId, paymentKey, amount: part.amount };
      const answers = await Promise.all(
        [...Array(step.doublePress && press === 0 ? 2 : 1)].map(() => app.call('payment:confirm', request)),
      );
      for (const answer of answers) if (answer.ok) toldPaidPart(record, sold, answer.data, part.part);
      if (sold.paidParts?.includes(part.part)) settled = true;
      else if (answers.every((answer) => !answer.ok && answer.error.code !== 'TOSS_UNREACHABLE')) {
        // Declined: the rest another way.
        await restInCash(app, sold, record);
        return sold;
      } else {
        await sleep(150);
        if (rng.chance(0.3)) {
          paymentKey = (await shop.sim.authorize(window, tender.card)) ?? paymentKey;
          record.paymentKeys.add(paymentKey);
        }
      }
    }
    // Still unknown after three presses: the settler finds out; the rest waits.
    if (!settled) return sold;
  }
  return sold;
}

async function refund(
  app: AppProcess,
  shop: Shop,
  step: RefundStep,
  sold: ReadonlyArray<Sold | null>,
  record: RunRecord,
): Promise<void> {
  const sale = sold[step.sale];
  if (step.part !== undefined) return refundPart(app, step, step.part, sale, record);
  const paymentKey = sale ? record.paid.get(sale.orderId) : undefined;
  if (!sale || paymentKey === undefined) return;
  if (step.fault) await queueFault(shop, { ...step.fault, paymentKey }, record);
  const request =
    step.kind === 'full' ? { kind: 'full' as const } : { kind: 'amount' as const, amount: Math.floor(sale.amount / 2) };
  const answer = await app.call('refund:create', { orderId: sale.orderId, request, reason: '고객 변심' });
  const entry = answer.ok ? answer.data.refunds.at(-1) : undefined;
  if (entry?.status === 'DONE')
    record.refunded.push({ orderId: sale.orderId, refundId: entry.refundId, amount: entry.amount });
}

/** A refund of one part of a split sale (one the app answered PAID): all of it, or half. */
async function refundPart(
  app: AppProcess,
  step: RefundStep,
  part: number,
  sale: Sold | null | undefined,
  record: RunRecord,
): Promise<void> {
  if (!sale?.paidParts?.includes(part)) return;
  const order = await app.call('sale:get', { orderId: sale.orderId });
  const amount = order.ok ? order.data.parts.find((p) => p.part === part)?.amount : undefined;
  if (amount === undefined) return;
  const request =
    step.kind === 'full' ? { kind: 'full' as const } : { kind: 'amount' as const, amount: Math.floor(amount / 2) };
  const answer = await app.call('refund:create', { orderId: sale.orderId, request, part, reason: '고객 변심' });
  const entry = answer.ok ? answer.data.refunds.at(-1) : undefined;
  if (entry?.status === 'DONE')
    record.refunded.push({ orderId: sale.orderId, refundId: entry.refundId, amount: entry.amount });
}

/** Sets the register's mode, waiting out a payment being answered; false when the switch is refused otherwise (a disk that refuses writes). */
async function setMode(app: AppProcess, mode: 'training' | 'live'): Promise<boolean> {
  for (;;) {
    const answer = await app.call('settings:set-mode', { mode, confirm: true });
    if (answer.ok) return true;
    if (answer.error.code !== 'PAYMENT_IN_FLIGHT') return false;
    await sleep(50);
  }
}

/**
 * A manager switches the register to training and back, at the run's moment: whatever a fault
 * or a crash left open of the live work goes on being settled with the live Toss meanwhile.
 * False when the register could not be brought back to live (its disk refused): the run's work ends there.
 */
async function trainingDetour(app: AppProcess, rng: Rng, record: RunRecord): Promise<boolean> {
  if (!(await setMode(app, 'training'))) return true;
  record.detoured = true;
  await sleep(rng.int(0, 400));
  return setMode(app, 'live');
}

/** The run's work until it is done or the app dies (or hangs); a switch to training and back comes at one random step. */
async function drive(
  app: AppProcess,
  shop: Shop,
  plan: RunPlan,
  record: RunRecord,
  rng: Rng,
): Promise<'done' | 'died' | 'hung'> {
  const codes = [...shop.couponCodes];
  const detourAt = rng.int(0, plan.sales.length + plan.refunds.length);
  try {
    await app.ok('staff:unlock', { pin: OWNER_PIN });
    const sold: Array<Sold | null> = [];
    let step = 0;
    const live = async () => step++ !== detourAt || (await trainingDetour(app, rng, record));
    for (const sale of plan.sales) {
      if (!(await live())) return 'done';
      sold.push(await sell(app, shop, sale, codes, record, rng));
    }
    for (const refundStep of plan.refunds) {
      if (!(await live())) return 'done';
      await refund(app, shop, refundStep, sold, record);
    }
    await live();
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
async function settledOrders(
  app: AppProcess,
  orderIds: ReadonlySet<string>,
  found: Violation[],
): Promise<Map<string, Order>> {
  const until = Date.now() + SETTLE_DEADLINE_MS;
  for (;;) {
    const orders = new Map<string, Order>();
    const problems: string[] = [];
    for (const orderId of orderIds) {
      const answer = await app.call('sale:get', { orderId });
      if (answer.ok) orders.set(orderId, answer.data);
      else if (answer.error.code !== 'ORDER_NOT_FOUND')
        problems.push(`sale:get ${orderId}: ${answer.error.code} ${answer.error.message}`);
    }
    if (![...orders.values()].some(unsettled) || Date.now() > until) {
      for (const problem of problems) found.push({ kind: 'app-fault', detail: problem });
      return orders;
    }
    await sleep(200);
  }
}

/** How long coupons may take to follow orders just settled: sale:get answers as soon as the order's line is written. */
const COUPON_FOLLOW_MS = 5_000;

/** The coupons as the app answers for them, once they agree with the settled orders (or the deadline passed, and the check says where they do not). */
async function couponsFollowing(
  app: AppProcess,
  orders: Map<string, Order>,
  record: RunRecord,
): Promise<IssuedCoupon[]> {
  const until = Date.now() + COUPON_FOLLOW_MS;
  for (;;) {
    const coupons = await allCoupons(app);
    const conflicts = checkBooks({ payments: [], orders, coupons, told: record }).filter(
      (violation) => violation.kind === 'coupon-conflict',
    );
    if (conflicts.length === 0 || Date.now() > until) return coupons;
    await sleep(200);
  }
}

/** What ended the first life of the app, judged against the plan. */
function judgeEnd(plan: RunPlan, ended: 'done' | 'died' | 'hung', exit: Exit, found: Violation[]): void {
  if (ended === 'hung') found.push({ kind: 'app-fault', detail: 'the app stopped answering' });
  if (plan.expectCrash) {
    if (ended === 'done')
      found.push({ kind: 'not-exercised', detail: `crash point ${plan.crashAt} was never reached` });
    else if (ended === 'died' && exit.signal !== 'SIGKILL')
      found.push({
        kind: 'app-fault',
        detail: `the app died (${exit.signal ?? `exit ${exit.code}`}) instead of at ${plan.crashAt}`,
      });
  } else if (ended === 'died' && plan.killAfterMs === undefined) {
    found.push({ kind: 'app-fault', detail: `the app died on its own (${exit.signal ?? `exit ${exit.code}`})` });
  } else if (ended === 'done' && plan.end === 'close' && exit.code !== 0 && plan.diskFault === undefined) {
    found.push({ kind: 'app-fault', detail: `the app did not close cleanly (exit ${exit.code})` });
  }
}

function switchesOf(life: { crashAt?: string | undefined; diskFault?: string | undefined }): NodeJS.ProcessEnv {
  return {
    ...(life.crashAt ? { POS_CRASH_AT: life.crashAt } : {}),
    ...(life.diskFault ? { POS_DISK_FAULT: life.diskFault } : {}),
  };
}

/** The app's first life: started with the plan's switches, driven until the work is done or it dies, then ended as the plan says. */
async function firstLife(
  shop: Shop,
  plan: RunPlan,
  dataDir: string,
  record: RunRecord,
  rng: Rng,
  found: Violation[],
): Promise<void> {
  let app: AppProcess;
  try {
    app = await shop.start(dataDir, switchesOf(plan));
  } catch (error) {
    // A folder that refuses every write from the start stops the app with its reason: what it must do.
    const refusedForTheDisk =
      error instanceof AppRefusedToStart && plan.diskFault !== undefined && /cannot be written/.test(error.message);
    if (!refusedForTheDisk) found.push({ kind: 'app-fault', detail: `the app did not start: ${message(error)}` });
    return;
  }
  const killer = plan.killAfterMs === undefined ? null : setTimeout(() => void app.kill(), plan.killAfterMs);
  const ended = await drive(app, shop, plan, record, rng);
  if (killer) clearTimeout(killer);
  // A run whose work was done without its switch to training proves nothing about switching (a disk that refused the switch excepted).
  if (ended === 'done' && !record.detoured && plan.diskFault === undefined)
    found.push({ kind: 'not-exercised', detail: 'the switch to training never happened' });
  const exit =
    ended === 'done'
      ? await (plan.end === 'kill' || plan.expectCrash ? app.kill() : app.close())
      : await (ended === 'hung' ? app.kill() : app.exited);
  judgeEnd(plan, ended, exit, found);
}

/** A life that only recovers: it settles what the last one left (maybe meeting a crash point or a sick disk on the way), then is killed. */
async function recoveryLife(
  shop: Shop,
  plan: NonNullable<RunPlan['recovery']>,
  dataDir: string,
  record: RunRecord,
  found: Violation[],
): Promise<void> {
  if (plan.tossDown)
    for (const paymentKey of record.paymentKeys)
      await shop.sim.addFault({ route: 'any', paymentKey, times: plan.tossDown.times, fault: plan.tossDown.fault });
  let app: AppProcess;
  try {
    app = await shop.start(dataDir, switchesOf(plan));
  } catch (error) {
    if (!(error instanceof AppDied) && !(error instanceof AppRefusedToStart && plan.diskFault !== undefined))
      found.push({ kind: 'app-fault', detail: `the recovering app did not start: ${message(error)}` });
    return;
  }
  const dead = app.exited.then(() => null);
  const settling = settledOrders(app, record.created, []).catch(() => null);
  const orders = await Promise.race([dead, settling]);
  // With Toss back, the running app settles on its own, retrying with backoff: no restart needed.
  const open = orders === null ? [] : [...orders.values()].filter(unsettled);
  if (plan.tossDown && orders !== null)
    for (const order of open)
      found.push({
        kind: 'unsettled',
        detail: `order ${order.orderId} was not settled by the running app once Toss came back`,
      });
  await app.kill();
}

/** The last life: no switches, Toss healthy; once settled, the books are read and checked. */
async function checkingLife(shop: Shop, dataDir: string, record: RunRecord, found: Violation[]): Promise<void> {
  let app: AppProcess;
  try {
    app = await shop.start(dataDir);
  } catch (error) {
    found.push({ kind: 'app-fault', detail: `the app did not start again: ${message(error)}` });
    return;
  }
  try {
    await app.ok('staff:unlock', { pin: OWNER_PIN });
    // Orders holding a coupon count too, told of or not (one stored just before a crash, say).
    const holders = (await allCoupons(app)).flatMap((c) =>
      [c.orderId, c.reservedBy].filter((id): id is string => id !== null),
    );
    const orders = await settledOrders(app, new Set([...record.created, ...holders]), found);
    const coupons = await couponsFollowing(app, orders, record);
    // A card part's payment is under the part's Toss orderId, which names its order.
    const payments = (await shop.sim.ledger()).filter((payment) =>
      record.created.has(parsePartOrderId(payment.orderId)?.orderId ?? payment.orderId),
    );
    const exit = await app.close();
    if (exit.code !== 0)
      found.push({ kind: 'app-fault', detail: `the restarted app did not close cleanly (exit ${exit.code})` });
    found.push(...checkBooks({ payments, orders, coupons, told: record }));
  } catch (error) {
    await app.kill();
    found.push({ kind: 'app-fault', detail: `the restarted app failed the check: ${message(error)}` });
  }
}

/** A fault no call met proves nothing: the sale or refund it was for never reached Toss. */
async function unmetFaults(shop: Shop, record: RunRecord): Promise<Violation[]> {
  const met = new Set(
    (await shop.sim.requests()).flatMap((r) => (r.fault === undefined ? [] : [`${r.paymentKey}/${r.fault}`])),
  );
  return record.faults
    .filter((rule) => !met.has(`${rule.paymentKey}/${rule.fault.kind}`))
    .map((rule) => ({ kind: 'not-exercised', detail: `the ${rule.fault.kind} fault on ${rule.route} was never met` }));
}

/**
 * One run: a fresh copy of the shop, the app started with the plan's switches and driven until
 * it dies or the work is done; perhaps a life that recovers and is hit again; then the app
 * started on the same folder with nothing wrong, given time to settle, and its books checked
 * against Toss's ledger and against everything the register was told.
 */
export async function runOnce(shop: Shop, scenario: Scenario, rng: Rng): Promise<RunResult> {
  const plan = scenario.plan(rng.fork());
  const steps = rng.fork();
  const dataDir = await shop.newFolder();
  const record: RunRecord = {
    created: new Set(),
    paid: new Map(),
    paidParts: [],
    refunded: [],
    paymentKeys: new Set(),
    faults: [],
    detoured: false,
  };
  const found: Violation[] = [];

  await firstLife(shop, plan, dataDir, record, steps, found);
  found.push(...(await checkFolder(dataDir)), ...(await unmetFaults(shop, record)));
  await shop.sim.clearFaults();
  if (plan.recovery) {
    await recoveryLife(shop, plan.recovery, dataDir, record, found);
    found.push(...(await checkFolder(dataDir)));
    await shop.sim.clearFaults();
  }
  await checkingLife(shop, dataDir, record, found);
  found.push(...(await checkFolder(dataDir)));
  return { scenario: scenario.name, plan, violations: found, dataDir };
}
