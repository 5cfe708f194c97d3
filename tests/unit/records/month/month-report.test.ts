import { describe, expect, it } from 'vitest';
import type { CartLineRequest } from '../../../../electron/core/shop/catalog/pricing';
import type { Order } from '../../../../shared/domain/order';
import { asManager } from '../../helpers/coupons';
import { startOwnSimulator, withLiveCore, type PosHarness } from '../../helpers/pos';
import { CARD, payWindow } from '../../helpers/toss-window';

async function paid(h: PosHarness, lines: CartLineRequest[]): Promise<Order> {
  const order = await h.ok('sale:create', { lines });
  const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
  return h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
}

describe('the month for the 세무사', () => {
  it('lists each business day with its Z report’s figures, and a total that adds them up', async () => {
    let at = Date.parse('2026-12-01T10:00:00+09:00');
    const now = () => new Date(at);
    const h = await withLiveCore(await startOwnSimulator({ now }), { now });
    const move = async (iso: string) => {
      at = Date.parse(iso);
      await asManager(h);
    };
    await move('2026-12-01T10:00:00+09:00');
    await h.ok('catalog:save-product', {
      categoryId: 'goods',
      name: { ko: '유기농 바나나', en: 'Organic bananas' },
      price: 3_000,
      barcode: null,
      taxFree: true,
    });
    const first = await paid(h, [
      { productId: 'americano', quantity: 1 },
      { productId: 'organic-bananas', quantity: 1 },
    ]);
    const cash = await h.ok('sale:create', { lines: [{ productId: 'croissant', quantity: 1 }] });
    await h.ok('cash:sale', { orderId: cash.orderId, received: 10_000 });
    await h.ok('cash:receipt', { orderId: cash.orderId, request: { type: '소득공제', identity: '01012345678' } });
    await paid(h, [{ productId: 'cafe-latte', quantity: 2 }]);
    await move('2026-12-01T21:00:00+09:00');
    const z1 = await h.ok('day:close', { day: '2026-12-01' });

    await move('2026-12-02T11:00:00+09:00');
    await h.ok('refund:create', {
      orderId: first.orderId,
      request: { kind: 'lines', lines: [{ lineKey: 'organic-bananas', quantity: 1 }] },
      reason: '상품 불량',
    });
    const plainCash = await h.ok('sale:create', { lines: [{ productId: 'organic-bananas', quantity: 2 }] });
    await h.ok('cash:sale', { orderId: plainCash.orderId, received: 10_000 });
    await move('2026-12-02T21:00:00+09:00');
    const z2 = await h.ok('day:close', { day: '2026-12-02' });

    const month = await h.ok('month:report', { month: '2026-12' });
    expect(month.days.map((d) => d.day)).toEqual(['2026-12-01', '2026-12-02']);
    expect(month.days[0]?.taxes).toEqual(z1.figures.taxes);
    expect(month.days[1]?.taxes).toEqual(z2.figures.taxes);
    expect(z1.figures.taxes).toMatchObject({
      card: 7_500 + 10_000,
      cashWithReceipt: cash.amount,
      cashWithoutReceipt: 0,
      sales: { taxFree: 3_000 },
    });
    expect(z2.figures.taxes).toMatchObject({
      cashWithoutReceipt: 6_000,
      refunds: 3_000,
      refunded: { taxable: 0, vat: 0, taxFree: 3_000 },
      net: { taxFree: 3_000 },
    });
    const total = month.total;
    const days = [z1.figures.taxes, z2.figures.taxes];
    expect(total.card).toBe(days.reduce((s, d) => s + (d?.card ?? 0), 0));
    expect(total.net.vat).toBe(days.reduce((s, d) => s + (d?.net.vat ?? 0), 0));
    expect(total.net.taxFree).toBe(3_000 + 6_000 - 3_000);
    expect(total.net.taxable + total.net.vat + total.net.taxFree).toBe(
      z1.figures.sales + z2.figures.sales - z1.figures.refunds.amount - z2.figures.refunds.amount,
    );

    const { fileName, csv } = await h.ok('month:export', { month: '2026-12' });
    expect(fileName).toBe('toss-pos-month-2026-12.csv');
    const rows = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(rows[0]).toBe(
      'business_day,closed,card_toss,cash_with_cash_receipt,cash_without_cash_receipt,refunds,taxable_supply,vat,tax_free',
    );
    expect(rows[1]?.startsWith('2026-12-01,Z,17500,')).toBe(true);
    expect(rows.at(-1)).toBe(
      [
        'total',
        '',
        total.card,
        total.cashWithReceipt,
        total.cashWithoutReceipt,
        total.refunds,
        total.net.taxable,
        total.net.vat,
        total.net.taxFree,
      ].join(','),
    );
  });
});
