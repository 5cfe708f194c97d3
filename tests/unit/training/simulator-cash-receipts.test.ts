import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seoulDay, seoulIso } from '../../../shared/domain/time';
import { TAX_OFFICE_REFUSES_ENDING } from '../../../electron/training/cash-receipts';
import { startOwnSimulator, withCore } from '../helpers/pos';
import { tempDir } from '../helpers/temp-dir';

const FULL_NUMBER = '01023456789';

function issue(
  own: Awaited<ReturnType<typeof startOwnSimulator>>,
  orderId: string,
  customerIdentityNumber = FULL_NUMBER,
) {
  return own.toss.issueCashReceipt(
    { amount: 4_500, orderId, orderName: '아메리카노', customerIdentityNumber, type: '소득공제' },
    `key-${orderId}`,
  );
}

describe('the training simulator’s 현금영수증 ledger', () => {
  it('keeps the customer’s number masked, as the register does: never the full number in its file', async () => {
    const h = await withCore();
    const order = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    const paid = await h.ok('cash:sale', {
      orderId: order.orderId,
      received: 5_000,
      cashReceipt: { type: '소득공제', identity: '010-2345-6789' },
    });
    expect(paid.cash?.cashReceipt?.status).toBe('ISSUED');

    const ledger = await readFile(join(h.dataDir, 'training', 'payments-cash-receipts.json'), 'utf8');
    expect(ledger).toContain('010-****-6789');
    expect(ledger).not.toContain(FULL_NUMBER);
    expect(ledger).not.toMatch(/010-?2345/);
  });

  it('masks what an earlier version left whole in its file, at start', async () => {
    const dir = await tempDir('sim');
    const file = join(dir, 'payments-cash-receipts.json');
    const old = {
      receiptKey: 'tcr_old',
      issueNumber: '123456789',
      issueStatus: 'COMPLETED',
      type: '소득공제',
      transactionType: 'CONFIRM',
      orderId: 'order-from-before',
      orderName: '아메리카노',
      amount: 4_500,
      remainingAmount: 4_500,
      businessNumber: '1234567891',
      customerIdentityNumber: FULL_NUMBER,
      receiptUrl: 'http://127.0.0.1:1/receipt/cash/tcr_old',
      requestedAt: seoulIso(new Date()),
    };
    await writeFile(file, JSON.stringify({ receipts: [old] }));
    await startOwnSimulator({ ledgerFile: join(dir, 'payments.json') });

    const ledger = await readFile(file, 'utf8');
    expect(ledger).not.toContain(FULL_NUMBER);
    expect(ledger).toContain('010-****-6789');
  });

  it('answers the day’s receipts at GET /v1/cash-receipts, a page at a time, with the number masked', async () => {
    const own = await startOwnSimulator();
    const first = await issue(own, 'sim-receipt-order-1');
    await issue(own, 'sim-receipt-order-2', '123-45-67891');
    const listed = await own.toss.listCashReceipts(seoulDay(new Date()), 1);
    expect(listed.map((receipt) => [receipt.orderId, receipt.type, receipt.customerIdentityNumber])).toEqual([
      ['sim-receipt-order-1', '소득공제', '010-****-6789'],
      ['sim-receipt-order-2', '소득공제', '123-45-*****'],
    ]);
    expect(listed[0]).toMatchObject({
      receiptKey: first.receiptKey,
      issueNumber: first.issueNumber,
      amount: 4_500,
      issueStatus: 'IN_PROGRESS',
    });
    expect(await own.toss.listCashReceipts('2001-01-01')).toEqual([]);
  });

  it('has the tax office settle a receipt the next day by its clock: COMPLETED, or FAILED with the reason for a number ending in 0404', async () => {
    let clock = Date.parse('2026-12-01T20:00:00+09:00');
    const own = await startOwnSimulator({ now: () => new Date(clock) });
    const kept = await issue(own, 'sim-status-order-1');
    const refused = await issue(own, 'sim-status-order-2', `010-1234-${TAX_OFFICE_REFUSES_ENDING}`);
    expect([kept.issueStatus, refused.issueStatus]).toEqual(['IN_PROGRESS', 'IN_PROGRESS']);
    clock = Date.parse('2026-12-01T23:59:00+09:00');
    expect((await own.toss.listCashReceipts('2026-12-01')).map((r) => r.issueStatus)).toEqual([
      'IN_PROGRESS',
      'IN_PROGRESS',
    ]);

    clock = Date.parse('2026-12-02T00:01:00+09:00');
    const listed = await own.toss.listCashReceipts('2026-12-01');
    expect(listed.map((r) => [r.orderId, r.issueStatus])).toEqual([
      ['sim-status-order-1', 'COMPLETED'],
      ['sim-status-order-2', 'FAILED'],
    ]);
    expect(listed[0]?.failure ?? null).toBeNull();
    expect(listed[1]?.failure?.message).toMatch(/국세청/);
  });
});
