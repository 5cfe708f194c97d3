import { describe, expect, it } from 'vitest';
import { asManager } from '../../helpers/coupons';
import { withCore } from '../../helpers/pos';
import { cashSale } from '../../helpers/sales';

describe('where a register’s 대기번호 start', () => {
  it('starts each day where the manager set it, goes on from the day’s highest, and is refused out of range with nothing changed', async () => {
    const h = await withCore();
    await asManager(h);
    expect((await cashSale(h)).callNumber).toBe(1);

    const view = await h.ok('store:save-register-name', { name: '카운터 B', callNumbersFrom: 101 });
    expect(view.callNumbersFrom).toBe(101);
    expect((await cashSale(h)).callNumber).toBe(101);
    expect((await cashSale(h)).callNumber).toBe(102);

    // Set lower mid-day: the day goes on from its highest, never calling a number twice.
    await h.ok('store:save-register-name', { name: '카운터 B', callNumbersFrom: 1 });
    expect((await cashSale(h)).callNumber).toBe(103);

    for (const callNumbersFrom of [0, 9001, 1.5]) {
      const refused = await h.fail('store:save-register-name', { name: '카운터 C', callNumbersFrom });
      expect(refused.code).toBe('INVALID_INPUT');
    }
    expect(await h.ok('store:settings', {})).toMatchObject({ register: { name: '카운터 B' }, callNumbersFrom: 1 });
  });

  it('is kept across a restart, and a name saved alone leaves it as it was', async () => {
    const h = await withCore();
    await asManager(h);
    await h.ok('store:save-register-name', { name: '카운터 C', callNumbersFrom: 201 });
    await h.ok('store:save-register-name', { name: '카운터 C2' });
    await h.close();
    const again = await withCore({ dataDir: h.dataDir });
    await asManager(again);
    expect(await again.ok('store:settings', {})).toMatchObject({
      register: { name: '카운터 C2' },
      callNumbersFrom: 201,
    });
    expect((await cashSale(again)).callNumber).toBe(201);
  });
});
