import { describe, expect, it } from 'vitest';
import type { Order } from '../../../../shared/domain/order';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { taxSplit } from '../../../../shared/domain/tax-split';
import { asManager } from '../../helpers/coupons';
import { startOwnSimulator, withCore, type PosHarness } from '../../helpers/pos';
import { CARD, payWindow } from '../../helpers/toss-window';

/** A 면세 product (bananas, 3,000원) added through the product dialog's channel, next to the demo café's taxable ones. */
async function withBananas(h: PosHarness): Promise<void> {
  await asManager(h);
  const saved = await h.ok('catalog:save-product', {
    categoryId: 'goods',
    name: { ko: '유기농 바나나', en: 'Organic bananas' },
    price: 3_000,
    barcode: null,
    taxFree: true,
  });
  expect(saved).toMatchObject({ id: 'organic-bananas', taxFree: true });
}

const MIXED = [
  { productId: 'americano', quantity: 2 }, // 9,000 과세
  { productId: 'organic-bananas', quantity: 2 }, // 6,000 면세
];

async function paidByCard(h: PosHarness, request: ChannelInput<'sale:create'>): Promise<Order> {
  const order = await h.ok('sale:create', request);
  const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
  return h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
}

function posts(h: PosHarness, ending: RegExp) {
  return h.sim.requests().filter((r) => r.method === 'POST' && ending.test(r.path));
}

describe('과세/면세 split', () => {
  it('adds up to the amount, with VAT only on the taxable part', () => {
    expect(taxSplit(15_000, 6_000)).toEqual({ taxable: 8_182, vat: 818, taxFree: 6_000 });
    expect(taxSplit(3_000, 3_000)).toEqual({ taxable: 0, vat: 0, taxFree: 3_000 });
    expect(taxSplit(11_000, 0)).toEqual({ taxable: 10_000, vat: 1_000, taxFree: 0 });
  });

  it('shares a discount over 과세 and 면세 lines so the 면세 amount is exact in won', async () => {
    const h = await withCore();
    await withBananas(h);
    const quote = await h.ok('sale:quote', {
      lines: MIXED,
      manualDiscount: { kind: 'fixed', value: 1_000, lineKey: null, reason: '단골' },
    });
    const bananas = quote.lines.find((line) => line.productId === 'organic-bananas');
    // 1,000원 over 9,000 : 6,000 → 600 and 400.
    expect(bananas).toMatchObject({ taxFree: true, lineTotal: 6_000, discount: 400 });
    expect(quote).toMatchObject({ amount: 14_000, taxFreeAmount: 5_600, vatAmount: 764, supplyAmount: 7_636 });
    expect(quote.supplyAmount + quote.vatAmount + (quote.taxFreeAmount ?? 0)).toBe(quote.amount);
  });

  it('keeps products and orders stored before 면세 existed taxable', async () => {
    const h = await withCore();
    const order = await paidByCard(h, { lines: [{ productId: 'americano', quantity: 1 }] });
    expect(order.lines[0]?.taxFree).toBeUndefined();
    expect(order).toMatchObject({ amount: 4_500, taxFreeAmount: 0, vatAmount: 409, supplyAmount: 4_091 });
  });
});

describe('taxFreeAmount at Toss (the training simulator)', () => {
  it('is sent on the confirm and kept on the payment', async () => {
    const h = await withCore();
    await withBananas(h);
    const order = await paidByCard(h, { lines: MIXED });
    expect(order).toMatchObject({ status: 'PAID', amount: 15_000, taxFreeAmount: 6_000 });
    expect(posts(h, /\/confirm$/).at(-1)).toMatchObject({ orderId: order.orderId, taxFreeAmount: 6_000 });
    const payment = h.sim.payments().find((p) => p.orderId === order.orderId);
    expect(payment).toMatchObject({ taxFreeAmount: 6_000, vat: 818, suppliedAmount: 8_182 });

    const { csv } = await h.ok('history:export', { filter: { from: order.businessDay, to: order.businessDay } });
    const [header, row] = csv.slice(1).trimEnd().split('\r\n');
    const cells = header?.split(',') ?? [];
    const column = (name: string) => row?.split(',')[cells.indexOf(name)];
    expect([column('taxable_supply'), column('vat'), column('tax_free')]).toEqual(['8182', '818', '6000']);
  });

  it('sends the refunded 면세 line’s share on a partial cancel, and what is left on the full cancel', async () => {
    const h = await withCore();
    await withBananas(h);
    const order = await paidByCard(h, {
      lines: MIXED,
      manualDiscount: { kind: 'fixed', value: 1_000, lineKey: null, reason: '단골' },
    });
    await asManager(h);
    await h.ok('refund:create', {
      orderId: order.orderId,
      request: { kind: 'lines', lines: [{ lineKey: 'organic-bananas', quantity: 1 }] },
      reason: '상품 불량',
    });
    // One of two bananas: half of the line's 5,600 after its 400 discount share.
    expect(posts(h, /\/cancel$/).at(-1)).toMatchObject({ paymentKey: order.payment?.paymentKey, taxFreeAmount: 2_800 });

    await h.ok('refund:create', { orderId: order.orderId, request: { kind: 'full' }, reason: '고객 변심' });
    expect(posts(h, /\/cancel$/).at(-1)).toMatchObject({ taxFreeAmount: 2_800 });
    const payment = h.sim.payments().find((p) => p.orderId === order.orderId);
    expect(payment).toMatchObject({ status: 'CANCELED', balanceAmount: 0, taxFreeAmount: 0 });
    expect(payment?.cancels?.map((c) => c.taxFreeAmount)).toEqual([2_800, 2_800]);
  });

  it('is checked by the simulator: never above the amount, nor above what the payment has left', async () => {
    const own = await startOwnSimulator();
    const order = { orderId: 'tax-free-check-1', orderName: '유기농 바나나 외 1건', amount: 15_000 };
    const paymentKey = await payWindow(own.sim, own.clientKey, order, CARD.approves);
    await expect(
      own.toss.confirm({ paymentKey, orderId: order.orderId, amount: 15_000, taxFreeAmount: 15_001 }, 'k1'),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await own.toss.confirm({ paymentKey, orderId: order.orderId, amount: 15_000, taxFreeAmount: 6_000 }, 'k2');
    await expect(
      own.toss.cancel(paymentKey, { cancelReason: 'x', cancelAmount: 7_000, taxFreeAmount: 6_001 }, 'k3'),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    // Emptying the payment must take all the 면세 it has left.
    await expect(own.toss.cancel(paymentKey, { cancelReason: 'x', taxFreeAmount: 0 }, 'k4')).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    });
    const done = await own.toss.cancel(paymentKey, { cancelReason: 'x', taxFreeAmount: 6_000 }, 'k5');
    expect(done).toMatchObject({ status: 'CANCELED', balanceAmount: 0 });
  });

  it('is sent on the 현금영수증 issue for a cash sale', async () => {
    const h = await withCore();
    await withBananas(h);
    const order = await h.ok('sale:create', { lines: MIXED });
    await h.ok('cash:sale', { orderId: order.orderId, received: 20_000 });
    await h.ok('cash:receipt', {
      orderId: order.orderId,
      request: { type: '소득공제', identity: '01012345678' },
    });
    expect(posts(h, /\/v1\/cash-receipts$/).at(-1)).toMatchObject({ orderId: order.orderId, taxFreeAmount: 6_000 });
  });
});
