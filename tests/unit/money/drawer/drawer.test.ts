import { appendFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mendDataDir } from '../../../../electron/core/app/doctor/doctor';
import { diskIo } from '../../../../electron/core/platform/disk/file-io';
import { emptyCount, type DrawerCount } from '../../../../shared/domain/drawer';
import type { Order } from '../../../../shared/domain/order';
import { asManager } from '../../helpers/coupons';
import { startOwnSimulator, withCore, withLiveCore, type PosHarness } from '../../helpers/pos';
import { tempDir } from '../../helpers/temp-dir';
import { CARD, payWindow } from '../../helpers/toss-window';

/** A clock the test moves, shared by the shop and its Toss. */
function clock(start: string) {
  let at = Date.parse(start);
  return {
    now: () => new Date(at),
    set(iso: string) {
      at = Date.parse(iso);
    },
  };
}

function count(pieces: Partial<DrawerCount>): DrawerCount {
  return { ...emptyCount(), ...pieces };
}

/** 50,000 won: four 10,000 notes, a 5,000 note and five 1,000 notes. */
const FLOAT = count({ 10000: 4, 5000: 1, 1000: 5 });

/** Two americanos and a croissant, 12,900 won, paid with a 20,000 note. */
async function cashSale(h: PosHarness): Promise<Order> {
  const order = await h.ok('sale:create', {
    lines: [
      { productId: 'americano', quantity: 2 },
      { productId: 'croissant', quantity: 1 },
    ],
  });
  return h.ok('cash:sale', { orderId: order.orderId, received: 20_000 });
}

async function cardSale(h: PosHarness): Promise<Order> {
  const order = await h.ok('sale:create', { lines: [{ productId: 'sandwich', quantity: 1 }] });
  const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
  return h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
}

describe('the cash drawer (시재)', () => {
  it('expects the float plus the shift’s cash sales, less its cash refunds, plus paid in, less paid out; the count shows the shortage, and the Z report and its CSV keep it', async () => {
    const time = clock('2026-12-03T08:50:00+09:00');
    const own = await startOwnSimulator({ now: time.now });
    const h = await withLiveCore(own, { now: time.now });
    const at = async (iso: string) => {
      time.set(iso);
      await asManager(h);
    };
    await at('2026-12-03T08:50:00+09:00');
    // Before the drawer is open: taken, and no shift counts it.
    await cashSale(h);
    expect(await h.ok('drawer:view', {})).toEqual({ open: null, today: [] });

    await at('2026-12-03T09:00:00+09:00');
    const opened = await h.ok('drawer:open', { float: FLOAT });
    expect(opened.open).toMatchObject({ shiftId: '2026-12-03-1', floatTotal: 50_000, openedBy: '김토스' });

    await at('2026-12-03T09:10:00+09:00');
    const sold = await cashSale(h);
    await cardSale(h);
    await at('2026-12-03T09:20:00+09:00');
    await h.ok('refund:create', {
      orderId: sold.orderId,
      request: { kind: 'amount', amount: 3_000 },
      reason: '고객 변심',
    });
    await at('2026-12-03T09:30:00+09:00');
    await h.ok('drawer:move', { kind: 'out', amount: 8_000, reason: '식자재 구입' });
    await at('2026-12-03T09:35:00+09:00');
    const moved = await h.ok('drawer:move', { kind: 'in', amount: 5_000, reason: '거스름돈 보충' });
    expect(moved.open?.movements.map((m) => [m.kind, m.amount, m.reason])).toEqual([
      ['out', 8_000, '식자재 구입'],
      ['in', 5_000, '거스름돈 보충'],
    ]);
    expect(moved.open?.takings).toEqual({
      cashSales: 12_900,
      cashSaleCount: 1,
      cashRefunds: 3_000,
      paidIn: 5_000,
      paidOut: 8_000,
      expected: 50_000 + 12_900 - 3_000 + 5_000 - 8_000,
    });

    // The books say 56,900 is in the drawer: more cannot be handed out.
    const refused = await h.fail('drawer:move', { kind: 'out', amount: 60_000, reason: '식자재 구입' });
    expect(refused).toMatchObject({ code: 'DRAWER_SHORT_FOR_PAID_OUT', details: { holds: 56_900 } });

    await at('2026-12-03T18:00:00+09:00');
    // 55,900 counted: a 1,000 note short.
    const closed = await h.ok('drawer:close', { counted: count({ 10000: 5, 1000: 5, 500: 1, 100: 4 }) });
    expect(closed.open).toBeNull();
    expect(closed.today).toEqual([
      expect.objectContaining({
        shiftId: '2026-12-03-1',
        counted: 55_900,
        overShort: -1_000,
        closedBy: '김토스',
        closedAt: '2026-12-03T18:00:00+09:00',
      }),
    ]);

    // A sale after the count changes nothing in the closed shift.
    await cashSale(h);
    const z = await h.ok('day:close', { day: '2026-12-03' });
    expect(z.drawers).toHaveLength(1);
    expect(z.drawers[0]).toMatchObject({ floatTotal: 50_000, counted: 55_900, overShort: -1_000 });
    expect(z.drawers[0]?.takings).toMatchObject({ cashSales: 12_900, expected: 56_900 });
    const { csv } = await h.ok('day:export', { day: '2026-12-03' });
    expect(csv).toContain('drawer,shift 2026-12-03-1 float,,,50000,,,');
    expect(csv).toContain('drawer,shift 2026-12-03-1 cash_sales,1,,12900,,,');
    expect(csv).toContain('drawer,shift 2026-12-03-1 cash_refunds,,,,3000,,');
    expect(csv).toContain('drawer,shift 2026-12-03-1 paid_out,,,8000,,,');
    expect(csv).toContain('drawer,shift 2026-12-03-1 expected,,,,,56900,');
    // The CSV writes a leading minus with a quote, as for every cell, so a spreadsheet never reads a formula.
    expect(csv).toContain("drawer,shift 2026-12-03-1 over_short,,,,,'-1000,");
    expect(csv).toContain('drawer,shift 2026-12-03-1 paid_out 2026-12-03 09:30 식자재 구입 by 김토스,,,8000,,,');
    expect(csv).toContain('drawer,shift 2026-12-03-1 closed 2026-12-03 18:00 by 김토스');
  });

  it('hands over: a drawer closed by one shift is opened by the next, each counting only its own cash; one shift open at a time', async () => {
    const time = clock('2026-12-04T09:00:00+09:00');
    const h = await withCore({ now: time.now });
    expect(await h.fail('drawer:move', { kind: 'in', amount: 1_000, reason: '거스름돈 보충' })).toMatchObject({
      code: 'DRAWER_NOT_OPEN',
    });
    expect(await h.fail('drawer:close', { counted: FLOAT })).toMatchObject({ code: 'DRAWER_NOT_OPEN' });

    await h.ok('drawer:open', { float: FLOAT });
    expect(await h.fail('drawer:open', { float: FLOAT })).toMatchObject({ code: 'DRAWER_ALREADY_OPEN' });
    time.set('2026-12-04T11:00:00+09:00');
    await cashSale(h);
    time.set('2026-12-04T14:00:00+09:00');
    // Counted as expected: 62,900.
    const first = await h.ok('drawer:close', { counted: count({ 10000: 6, 1000: 2, 500: 1, 100: 4 }) });
    expect(first.today[0]).toMatchObject({ overShort: 0, counted: 62_900 });

    time.set('2026-12-04T14:05:00+09:00');
    await h.ok('drawer:open', { float: count({ 10000: 3 }) });
    time.set('2026-12-04T15:00:00+09:00');
    await cashSale(h);
    await h.ok('drawer:move', { kind: 'out', amount: 2_000, reason: '소모품 구입' });
    const view = await h.ok('drawer:view', {});
    expect(view.open).toMatchObject({ shiftId: '2026-12-04-2', floatTotal: 30_000 });
    expect(view.open?.takings).toMatchObject({ cashSales: 12_900, cashSaleCount: 1, expected: 40_900 });
    expect(view.today.map((shift) => [shift.shiftId, shift.takings.cashSales, shift.closedAt !== null])).toEqual([
      ['2026-12-04-1', 12_900, true],
      ['2026-12-04-2', 12_900, false],
    ]);
  });

  it('an open shift outlives a restart, and a line torn by a crash mid-write is as if never written', async () => {
    const time = clock('2026-12-05T09:00:00+09:00');
    const dataDir = await tempDir('drawer');
    const first = await withCore({ dataDir, now: time.now });
    await first.ok('drawer:open', { float: FLOAT });
    time.set('2026-12-05T10:00:00+09:00');
    await first.ok('drawer:move', { kind: 'out', amount: 8_000, reason: '식자재 구입' });
    await first.close();
    // The app died writing the next change: half a line at the end of the day's journal.
    const journal = join(first.booksDir, 'drawer', '2026-12-05.jsonl');
    const whole = await readFile(journal, 'utf8');
    await appendFile(journal, whole.split('\n')[1]?.slice(0, 40) ?? '{"shiftId":');

    const again = await withCore({ dataDir, now: time.now });
    const view = await again.ok('drawer:view', {});
    expect(view.open).toMatchObject({ shiftId: '2026-12-05-1', floatTotal: 50_000 });
    expect(view.open?.movements.map((m) => m.amount)).toEqual([8_000]);
    expect(view.open?.takings.expected).toBe(42_000);
    const closed = await again.ok('drawer:close', { counted: count({ 10000: 4, 1000: 2 }) });
    expect(closed.today[0]?.overShort).toBe(0);
    expect(await readFile(journal, 'utf8')).toMatch(/\n$/);
  });

  it('refuses a count that is negative or not whole, and a paid in or out without an amount or a reason', async () => {
    const h = await withCore();
    for (const bad of [{ 1000: -1 }, { 500: 1.5 }])
      expect(await h.fail('drawer:open', { float: count(bad) })).toMatchObject({ code: 'INVALID_INPUT' });
    await h.ok('drawer:open', { float: FLOAT });
    expect(await h.fail('drawer:move', { kind: 'out', amount: 0, reason: '식자재 구입' })).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(await h.fail('drawer:move', { kind: 'in', amount: 1_000, reason: '  ' })).toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect((await h.ok('drawer:view', {})).open?.movements).toEqual([]);
  });

  it('a damaged line in a drawer journal is refused in words naming the file; the doctor moves it aside and the shift reads as its line before', async () => {
    const time = clock('2026-12-06T09:00:00+09:00');
    const dataDir = await tempDir('drawer-doctor');
    const first = await withCore({ dataDir, now: time.now });
    await first.ok('drawer:open', { float: FLOAT });
    await first.ok('drawer:move', { kind: 'in', amount: 10_000, reason: '거스름돈 보충' });
    await first.close();
    const journal = join(first.booksDir, 'drawer', '2026-12-06.jsonl');
    const [opened = ''] = (await readFile(journal, 'utf8')).split('\n');
    await writeFile(journal, `${opened}\n{"shiftId": "2026-12-06-1", "floatTotal": "lots"}\n`);

    const damaged = await withCore({ dataDir, now: time.now });
    expect(await damaged.fail('drawer:view', {})).toMatchObject({
      code: 'STORE_FILE_CORRUPT',
      details: { file: '2026-12-06.jsonl', line: 2 },
    });
    await damaged.close();

    const findings = await mendDataDir(dataDir, diskIo, () => new Date('2026-12-06T01:00:00Z'));
    expect(findings).toEqual([
      expect.objectContaining({ file: join('training', 'drawer', '2026-12-06.jsonl'), line: 2 }),
    ]);
    const mended = await withCore({ dataDir, now: time.now });
    const view = await mended.ok('drawer:view', {});
    expect(view.open).toMatchObject({ shiftId: '2026-12-06-1', floatTotal: 50_000, movements: [] });
  });
});
