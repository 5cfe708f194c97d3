import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { HistoryService } from '../../../electron/core/records/history/history-service';
import { diskIo } from '../../../electron/core/platform/disk/file-io';
import { JournalOrderBook } from '../../../electron/core/orders/journal-order-book';
import type { Order } from '../../../shared/domain/order';
import { commitOrders } from './generator';
import { emptySamples, ranges, rssMiB, timed, type Answers, type BenchPlan, type RunnerResult } from './plan';

/**
 * The first open after the journals were written: no index yet, so the book reads every journal
 * once (in the background after `ready()`, done at `rebuilt()`) and writes `orders/index/`; `close()` flushes it. Answers both times and the peak RSS (MiB)
 * of this process, which a child process makes the build's own.
 */
export async function buildIndex(dataDir: string): Promise<{ buildMs: number; closeMs: number; peakRssMiB: number }> {
  await rm(join(dataDir, 'orders', 'index'), { recursive: true, force: true });
  const store = new JournalOrderBook(dataDir, diskIo);
  // The rebuild runs in the background once the newest day is built: the build is timed to its end.
  const build = await timed(async () => {
    await store.ready();
    await store.rebuilt();
  });
  const close = await timed(() => store.close());
  return { buildMs: build.ms, closeMs: close.ms, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

/** Runs the plan against our store: the same ops, inputs and order as the SQLite runner. */
export async function runOurs(plan: BenchPlan): Promise<RunnerResult> {
  const samples = emptySamples();
  const extra: Record<string, number[]> = {};
  const answers: Answers = { page30: [], byId: {}, byApproval: {}, search30: {}, totals365: {} };
  const { from30, windows } = ranges(plan);

  // Open on a cleanly closed store: the index is read, no journal is.
  const open = async () => {
    const store = new JournalOrderBook(plan.dataDir, diskIo);
    await store.ready();
    return store;
  };
  let rssOpen = 0;
  for (let i = 0; i < plan.opens; i += 1) {
    const { ms, value: store } = await timed(open);
    samples.open.push(ms);
    if (i === 0) rssOpen = rssMiB();
    await store.close();
  }

  const commits = commitOrders(plan.commits + 1, plan.commitSeq, plan.today);
  // A usable register: open, then the first sale (it reads today's journal and lists the day dirty).
  const first = await timed(async () => {
    const store = await open();
    await store.insert(commits[0] as Order);
    return store;
  });
  extra['open+first insert'] = [first.ms];
  const store = first.value;
  const history = new HistoryService(store);
  for (const order of commits.slice(1)) samples.commit.push((await timed(() => store.insert(order))).ms);

  for (const id of plan.warmIds)
    (extra['by_id warm-up'] ??= []).push((await timed(() => history.order(id).catch(() => null))).ms);
  for (let i = 0; i < plan.repeats; i += 1) {
    const id = plan.oldIds[i % plan.oldIds.length] ?? '';
    const { ms, value } = await timed(() => history.order(id).catch(() => null));
    samples.by_id.push(ms);
    answers.byId[id] = value;
  }

  for (const approveNo of plan.warmApprovals)
    (extra['by_approval warm-up'] ??= []).push(
      (await timed(() => history.list({ from: plan.oldest, to: plan.today, search: approveNo }, undefined, 50))).ms,
    );
  for (let i = 0; i < plan.repeats; i += 1) {
    const approveNo = plan.approvals[i % plan.approvals.length] ?? '';
    const { ms, value } = await timed(() =>
      history.list({ from: plan.oldest, to: plan.today, search: approveNo }, undefined, 50),
    );
    samples.by_approval.push(ms);
    answers.byApproval[approveNo] = value.rows.map((row) => row.orderId);
  }

  for (let i = 0; i < plan.repeats; i += 1) {
    const { ms, value } = await timed(() => history.list({ from: from30, to: plan.today }, undefined, 50));
    samples.page30.push(ms);
    answers.page30 = value.rows;
  }

  for (let i = 0; i < plan.repeats; i += 1) {
    const { term, rarity } = plan.searchTerms[i % plan.searchTerms.length] ?? { term: '', rarity: '' };
    const { ms, value } = await timed(() =>
      history.list({ from: from30, to: plan.today, search: term }, undefined, 50),
    );
    samples.search30.push(ms);
    (extra[`search30 ${rarity}`] ??= []).push(ms);
    answers.search30[term] = value.rows.map((row) => row.orderId);
  }

  for (const { from, to } of windows) {
    const { ms, value } = await timed(() => history.totals(from, to));
    samples.totals365.push(ms);
    answers.totals365[`${from}..${to}`] = value;
  }

  const afterQueries = rssMiB();
  await store.close();
  return { store: 'ours', samples, extra, rss: { open: rssOpen, afterQueries }, answers };
}
