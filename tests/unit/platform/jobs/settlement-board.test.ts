import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { orderSchema, type Order } from '../../../../shared/domain/order';
import { OpenWork } from '../../../../electron/core/platform/jobs/open-work';
import { SettlementBoard } from '../../../../electron/core/platform/jobs/settlement-board';
import { diskIo } from '../../../../electron/core/platform/disk/file-io';
import { faultyIo } from '../../helpers/faulty-io';
import { tempDir } from '../../helpers/temp-dir';
import { anOrder, oneAmericano } from '../../../support/an-order';

/** An order of 4,500 won whose confirm (begun at `startedAt`) is under way, unless `attempts` says otherwise. */
function confirming(
  orderId: string,
  attempts: Order['attempts'] = [
    { paymentKey: `key-${orderId}`, startedAt: '2026-03-02T12:00:00+09:00', outcome: 'CONFIRMING' },
  ],
): Order {
  return orderSchema.parse(
    anOrder(
      {
        orderId,
        createdAt: '2026-03-02T11:59:00+09:00',
        updatedAt: '2026-03-02T12:00:30+09:00',
        training: false,
        ...oneAmericano(),
        status: 'CONFIRMING',
        attempts,
      },
      '2026-03-02',
    ),
  );
}

function paid(order: Order): Order {
  return { ...order, status: 'PAID' };
}

const ids = (board: SettlementBoard) => board.list().map((s) => s.orderId);

describe('the register’s settlement notice', () => {
  it('shows each try, the problem of the last one while the next is under way, and when the order began paying', () => {
    const board = new SettlementBoard();
    const order = confirming('order-one');
    board.trying(order);
    expect(board.list()).toEqual([
      {
        orderId: 'order-one',
        orderName: '아메리카노',
        amount: 4_500,
        startedAt: '2026-03-02T12:00:00+09:00',
        state: 'SETTLING',
        problem: null,
        tries: 1,
        nextTryAt: null,
      },
    ]);
    board.stillOpen('order-one', 'TOSS_UNREACHABLE');
    board.trying(order);
    expect(board.list()[0]).toMatchObject({ state: 'SETTLING', problem: 'TOSS_UNREACHABLE', tries: 2 });
    board.ended('order-one', paid(order), null);
    expect(board.list()[0]).toMatchObject({ state: 'PAID', problem: null, tries: 2 });
  });

  it('an order with no attempt under way shows when it last changed', () => {
    const board = new SettlementBoard();
    board.trying(
      confirming('order-two', [{ paymentKey: 'k', startedAt: '2026-03-02T11:00:00+09:00', outcome: 'FAILED' }]),
    );
    expect(board.list()[0]?.startedAt).toBe('2026-03-02T12:00:30+09:00');
  });

  it('not paid keeps why; paid drops the last problem', () => {
    const board = new SettlementBoard();
    board.trying(confirming('order-declined'));
    board.trying(confirming('order-paid'));
    board.stillOpen('order-paid', 'TOSS_UNREACHABLE');
    board.ended('order-declined', { ...confirming('order-declined'), status: 'PENDING' }, 'PAYMENT_EXPIRED');
    board.ended('order-paid', paid(confirming('order-paid')), 'TOSS_UNREACHABLE');
    expect(board.list()).toEqual([
      expect.objectContaining({ orderId: 'order-declined', state: 'NOT_PAID', problem: 'PAYMENT_EXPIRED' }),
      expect.objectContaining({ orderId: 'order-paid', state: 'PAID', problem: null }),
    ]);
  });

  it('an order gone from the books while being asked about ends as not paid, with the reason', () => {
    const board = new SettlementBoard();
    board.trying(confirming('order-gone'));
    board.ended('order-gone', null, 'PAYMENT_DECLINED');
    expect(board.list()).toEqual([
      expect.objectContaining({ orderId: 'order-gone', state: 'NOT_PAID', problem: 'PAYMENT_DECLINED' }),
    ]);
  });

  it('an order it was never asked about stays off the notice', () => {
    const board = new SettlementBoard();
    board.stillOpen('order-unknown', 'TOSS_UNREACHABLE');
    board.ended('order-unknown', null, 'PAYMENT_DECLINED');
    board.ended('order-unknown-paid', paid(confirming('order-unknown-paid')), null);
    expect(board.list()).toEqual([]);
  });

  it('says when the next try is due only on payments still being settled', () => {
    const board = new SettlementBoard();
    board.trying(confirming('order-open'));
    board.trying(confirming('order-done'));
    board.ended('order-done', paid(confirming('order-done')), null);
    board.scheduled(new Date('2026-03-02T03:01:00Z'));
    expect(board.list().map((s) => [s.orderId, s.nextTryAt])).toEqual([
      ['order-open', '2026-03-02T12:01:00+09:00'],
      ['order-done', null],
    ]);
    board.scheduled(null);
    expect(board.list().map((s) => s.nextTryAt)).toEqual([null, null]);
  });

  it('the cashier dismisses outcomes; a payment still being settled stays', () => {
    const board = new SettlementBoard();
    board.trying(confirming('order-open'));
    board.trying(confirming('order-done'));
    board.ended('order-done', paid(confirming('order-done')), null);
    expect(board.dismiss('order-open').map((s) => s.orderId)).toEqual(['order-open', 'order-done']);
    expect(board.dismiss('order-done').map((s) => s.orderId)).toEqual(['order-open']);
    expect(board.dismiss('order-never-there').map((s) => s.orderId)).toEqual(['order-open']);
  });

  it('lists the latest change last, and keeps the 50 newest outcomes without ever dropping one still being settled', () => {
    const board = new SettlementBoard();
    board.trying(confirming('order-first'));
    board.trying(confirming('order-second'));
    board.ended('order-first', paid(confirming('order-first')), null);
    expect(ids(board)).toEqual(['order-second', 'order-first']);

    const stuck = confirming('order-stuck');
    const fresh = new SettlementBoard();
    fresh.trying(stuck);
    const outcomes = Array.from({ length: 55 }, (_, i) => `order-${i}`);
    for (const orderId of outcomes) {
      fresh.trying(confirming(orderId));
      fresh.ended(orderId, paid(confirming(orderId)), null);
    }
    expect(ids(fresh)).toEqual(['order-stuck', ...outcomes.slice(6)]);
    expect(fresh.list()).toHaveLength(50);
  });
});

describe('the open-work list', () => {
  it('a folder written before confirms and 현금영수증 cancels were listed opens with none of them open, and keeps its refunds', async () => {
    const dataDir = await tempDir('open-work');
    await writeFile(join(dataDir, 'open-work.json'), JSON.stringify({ refunds: ['refunding-order'] }));
    const work = await OpenWork.open(dataDir, diskIo);
    expect(work.of('confirms').list()).toEqual([]);
    expect(work.of('cashReceiptCancels').list()).toEqual([]);
    expect(work.of('refunds').list()).toEqual(['refunding-order']);
  });

  it('lists an order once, tells its listener of each new entry, and keeps the list across a restart', async () => {
    const dataDir = await tempDir('open-work');
    const work = await OpenWork.open(dataDir, diskIo);
    let added = 0;
    work.onAdded(() => (added += 1));
    const confirms = work.of('confirms');
    await confirms.add('order-a');
    await confirms.add('order-a');
    await confirms.add('order-b');
    expect(added).toBe(2);
    confirms.list().pop();
    expect(confirms.list()).toEqual(['order-a', 'order-b']);
    expect(work.of('refunds').list()).toEqual([]);
    expect(work.of('cashReceiptCancels').list()).toEqual([]);

    await confirms.remove('order-a');
    const reopened = await OpenWork.open(dataDir, diskIo);
    expect(reopened.of('confirms').list()).toEqual(['order-b']);
    expect(JSON.parse(await readFile(join(dataDir, 'open-work.json'), 'utf8'))).toMatchObject({
      confirms: ['order-b'],
      refunds: [],
    });
  });

  it('crossing off an order that is not listed needs no write, so a full disk does not stop it', async () => {
    const dataDir = await tempDir('open-work');
    const disk = faultyIo(() => true);
    const work = await OpenWork.open(dataDir, disk.io);
    await work.of('confirms').remove('never-listed');
    expect(disk.failures()).toBe(0);
    await expect(work.of('confirms').add('order-a')).rejects.toThrow(/ENOSPC/);
    expect(work.of('confirms').list()).toEqual([]);
  });
});
