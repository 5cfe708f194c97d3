import { readdir, readFile } from 'node:fs/promises';
import { HOT_REGULAR } from '../../../support/an-order';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withCore } from '../../helpers/pos';
import { CARD, payWindow } from '../../helpers/toss-window';

/** The register's orders as the cashier works them: quote, ring up, give up, look up. */
const AT = '2026-03-02T10:15:00+09:00';
const clock = () => new Date(AT);

async function journalLines(dataDir: string): Promise<string[]> {
  const dir = join(dataDir, 'orders');
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.jsonl'));
  const lines: string[] = [];
  for (const name of names) lines.push(...(await readFile(join(dir, name), 'utf8')).split('\n').filter(Boolean));
  return lines;
}

describe('a quote', () => {
  it('prices the cart and a manual discount from main’s catalog, and stores nothing', async () => {
    const h = await withCore({ now: clock });
    const quote = await h.ok('sale:quote', {
      lines: [
        { productId: 'americano', quantity: 2 },
        { productId: 'croissant', quantity: 1 },
      ],
      manualDiscount: { kind: 'fixed', value: 900, lineKey: null, reason: '단골' },
    });
    expect(quote).toEqual({
      lines: [
        {
          productId: 'americano',
          name: '아메리카노',
          unitPrice: 4_500,
          quantity: 2,
          lineTotal: 9_000,
          discount: expect.any(Number),
          // A plain americano is the usual one: hot, regular.
          options: HOT_REGULAR,
          memo: null,
        },
        {
          productId: 'croissant',
          name: '크루아상',
          unitPrice: 3_900,
          quantity: 1,
          lineTotal: 3_900,
          discount: expect.any(Number),
          options: [],
          memo: null,
        },
      ],
      subtotal: 12_900,
      discounts: [expect.objectContaining({ source: 'manual', amount: 900 })],
      amount: 12_000,
      supplyAmount: 10_909,
      vatAmount: 1_091,
      taxFreeAmount: 0,
    });
    expect(quote.lines.reduce((sum, line) => sum + line.discount, 0)).toBe(900);
    expect(await journalLines(h.booksDir)).toEqual([]);
  });

  it('refuses what a card cannot pay (1–99 won) with the amount and the minimum', async () => {
    const h = await withCore({ now: clock });
    const discount = (value: number) => ({ kind: 'fixed' as const, value, lineKey: null, reason: '시식' });
    const refused = await h.fail('sale:quote', {
      lines: [{ productId: 'americano', quantity: 1 }],
      manualDiscount: discount(4_450),
    });
    expect(refused).toMatchObject({ code: 'BELOW_CARD_MINIMUM', details: { amount: 50, minimum: 100 } });
    expect(
      (
        await h.fail('sale:create', {
          lines: [{ productId: 'americano', quantity: 1 }],
          manualDiscount: discount(4_401),
        })
      ).code,
    ).toBe('BELOW_CARD_MINIMUM');
    // At the minimum, and at nothing at all (paid without a card), the sale goes ahead.
    expect(
      (await h.ok('sale:quote', { lines: [{ productId: 'americano', quantity: 1 }], manualDiscount: discount(4_400) }))
        .amount,
    ).toBe(100);
    expect(
      (await h.ok('sale:quote', { lines: [{ productId: 'americano', quantity: 1 }], manualDiscount: discount(4_500) }))
        .amount,
    ).toBe(0);
    expect(await journalLines(h.booksDir)).toEqual([]);
  });
});

describe('ringing up a sale', () => {
  it('stores it PENDING for exactly the quoted amount, stamped with the business day and time, in training', async () => {
    const h = await withCore({ now: clock });
    const created = await h.ok('sale:create', { lines: [{ productId: 'cafe-latte', quantity: 3 }] });
    expect(created).toEqual({
      orderId: expect.stringMatching(/^20260302-[0-9A-Z]{12}$/),
      orderName: '카페라테',
      amount: 15_000,
      taxFreeAmount: 0,
    });
    const order = await h.ok('sale:get', { orderId: created.orderId });
    expect(order).toMatchObject({
      orderId: created.orderId,
      businessDay: '2026-03-02',
      createdAt: AT,
      updatedAt: AT,
      training: true,
      status: 'PENDING',
      amount: 15_000,
      supplyAmount: 13_636,
      vatAmount: 1_364,
      orderName: '카페라테',
      attempts: [],
      refunds: [],
      discounts: [],
      payment: null,
      callNumber: null,
    });
    expect(await journalLines(h.booksDir)).toHaveLength(1);
  });

  it('an order main never rang up is not found, in words', async () => {
    const h = await withCore({ now: clock });
    expect(await h.fail('sale:get', { orderId: '20260302-ZZZZZZZZZZZZ' })).toMatchObject({
      code: 'ORDER_NOT_FOUND',
      message: 'no order 20260302-ZZZZZZZZZZZZ',
    });
  });
});

describe('giving up an order', () => {
  it('an open order is given up (it can no longer be paid); a paid one is left as it is; an unknown one is nothing', async () => {
    let now = new Date(AT);
    const h = await withCore({ now: () => now });
    const open = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    now = new Date('2026-03-02T10:20:00+09:00');
    const abandoned = await h.ok('sale:abandon', { orderId: open.orderId });
    expect(abandoned).toMatchObject({
      orderId: open.orderId,
      status: 'ABANDONED',
      createdAt: AT,
      updatedAt: '2026-03-02T10:20:00+09:00',
    });
    expect((await h.ok('sale:get', { orderId: open.orderId })).status).toBe('ABANDONED');
    const paymentKey = await payWindow(h.sim, h.clientKey, open, CARD.approves);
    expect(await h.fail('payment:confirm', { orderId: open.orderId, paymentKey, amount: open.amount })).toMatchObject({
      code: 'ORDER_ABANDONED',
      retryable: false,
    });
    expect((await h.ok('sale:get', { orderId: open.orderId })).status).toBe('ABANDONED');

    const sold = await h.ok('sale:create', { lines: [{ productId: 'croissant', quantity: 1 }] });
    await h.ok('payment:confirm', {
      orderId: sold.orderId,
      paymentKey: await payWindow(h.sim, h.clientKey, sold, CARD.approves),
      amount: sold.amount,
    });
    expect(await h.ok('sale:abandon', { orderId: sold.orderId })).toMatchObject({
      status: 'PAID',
      updatedAt: '2026-03-02T10:20:00+09:00',
    });
    expect((await h.ok('sale:get', { orderId: sold.orderId })).status).toBe('PAID');

    expect(await h.ok('sale:abandon', { orderId: '20260302-ZZZZZZZZZZZZ' })).toBeNull();
  });
});

describe('"same again"', () => {
  it('is the newest paid order of today only: an older day’s sale, or an unpaid one, is not offered', async () => {
    let now = new Date('2026-03-01T18:00:00+09:00');
    const h = await withCore({ now: () => now });
    const yesterday = await h.ok('sale:create', { lines: [{ productId: 'mug', quantity: 1 }] });
    await h.ok('payment:confirm', {
      orderId: yesterday.orderId,
      paymentKey: await payWindow(h.sim, h.clientKey, yesterday, CARD.approves),
      amount: yesterday.amount,
    });
    expect((await h.ok('sale:last-paid', {}))?.orderId).toBe(yesterday.orderId);
    now = new Date(AT);
    expect(await h.ok('sale:last-paid', {})).toBeNull();
    await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 1 }] });
    expect(await h.ok('sale:last-paid', {})).toBeNull();
  });
});
