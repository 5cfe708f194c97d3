import { describe, expect, it } from 'vitest';
import { MANAGER_IDLE_MS } from '../../../../electron/core/shop/staff/manager-session';
import { HistoryChanges } from '../../../../electron/core/records/history/history-changes';
import { asManager } from '../../helpers/coupons';
import { cashSale } from '../../helpers/sales';
import { withCore } from '../../helpers/pos';

describe('what an open history list follows', () => {
  it('names the orders written since the list asked: a sale, then its refund; none when nothing was', async () => {
    const h = await withCore();
    await asManager(h);
    const { version } = await h.ok('history:changes', { since: -1 });
    expect(await h.ok('history:changes', { since: version })).toEqual({ version, orderIds: [] });
    const sold = await cashSale(h);
    const afterSale = await h.ok('history:changes', { since: version });
    expect(afterSale.orderIds).toEqual([sold.orderId]);
    await h.ok('refund:create', { orderId: sold.orderId, request: { kind: 'full' }, reason: '고객 요청' });
    const afterRefund = await h.ok('history:changes', { since: afterSale.version });
    expect(afterRefund.orderIds).toEqual([sold.orderId]);
    expect(afterRefund.version).toBeGreaterThan(afterSale.version);
  });

  it('asks the list to read again when it holds a number main never gave (main restarted) or one older than what is kept', () => {
    const changes = new HistoryChanges();
    for (let i = 0; i < 300; i += 1) changes.written(`order-${i}`);
    expect(changes.since(-1)).toEqual({ version: 300, orderIds: [] });
    expect(changes.since(301).orderIds).toBeNull();
    expect(changes.since(0).orderIds).toBeNull();
    expect(changes.since(297).orderIds).toEqual(['order-297', 'order-298', 'order-299']);
    changes.written('order-298');
    expect(changes.since(297).orderIds).toEqual(['order-297', 'order-298', 'order-299']);
  });

  it('asking does not keep the manager’s session open: it still locks itself two minutes after the last action', async () => {
    let at = Date.parse('2026-12-01T03:00:00Z');
    const h = await withCore({ now: () => new Date(at) });
    await asManager(h);
    for (let waited = 0; waited < MANAGER_IDLE_MS; waited += 30_000) {
      at += 30_000;
      await h.ok('history:changes', { since: -1 });
    }
    at += 1_000;
    expect((await h.fail('history:changes', { since: -1 })).code).toBe('MANAGER_REQUIRED');
    expect((await h.ok('staff:status', {})).session).toBeNull();
  });
});
