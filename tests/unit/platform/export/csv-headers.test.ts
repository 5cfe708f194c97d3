import { describe, expect, it } from 'vitest';
import { COUPON_COLUMNS } from '../../../../electron/core/money/coupons/coupon-listing';
import { DAY_CLOSE_COLUMNS } from '../../../../electron/core/records/day/day-close-csv';
import { HISTORY_COLUMNS } from '../../../../electron/core/records/history/history-csv';
import { asManager, issueCoupons } from '../../helpers/coupons';
import { withCore } from '../../helpers/pos';

/** A CSV's header row, the BOM taken off. */
function header(csv: string): string {
  return (csv.split('\r\n')[0] ?? '').replace(/^\uFEFF/, '');
}

describe('CSV headers', () => {
  it('follow the language asked for (ko or en) and keep the machine words when none is, for history, the day close and coupons', async () => {
    const h = await withCore({ now: () => new Date('2026-12-03T10:00:00+09:00') });
    await issueCoupons(h);
    await asManager(h);
    const filter = { from: '2026-12-03', to: '2026-12-03' };
    const history = async (headers?: 'ko' | 'en' | 'machine') =>
      header((await h.ok('history:export', { filter, headers })).csv);
    expect(await history('ko')).toMatch(/^주문번호,영업일,주문 시각,상태,/);
    expect(await history('en')).toMatch(/^Order ID,Business day,Ordered at,Status,/);
    expect(await history('machine')).toMatch(/^order_id,business_day,created_at,status,/);
    expect(await history()).toBe(await history('machine'));

    const day = async (headers?: 'ko' | 'en' | 'machine') =>
      header((await h.ok('day:export', { day: '2026-12-03', headers })).csv);
    expect(await day('ko')).toBe('구분,항목,건수,수량,금액,환불,순매출,옵션');
    expect(await day('en')).toBe('Section,Item,Orders,Quantity,Amount,Refunds,Net,Options');
    expect(await day()).toBe('section,item,orders,quantity,amount,refunds,net,options');

    const coupons = async (headers?: 'ko' | 'en' | 'machine') =>
      header((await h.ok('coupons:export', { headers })).csv);
    expect(await coupons('ko')).toBe('쿠폰 코드,쿠폰 이름,상태,사용 시작,사용 기한,사용 시각,주문번호,잡아 둔 주문');
    expect(await coupons('en')).toBe('Code,Coupon,State,Valid from,Valid until,Used at,Order ID,Held by order');
    expect(await coupons()).toBe('code,name,state,valid_from,valid_until,used_at,order_id,reserved_by');
  });

  it('name every column three ways, each name once per CSV', () => {
    for (const columns of [HISTORY_COLUMNS, DAY_CLOSE_COLUMNS, COUPON_COLUMNS])
      for (const language of ['ko', 'en', 'machine'] as const) {
        const names = columns.map((column) => column[language]);
        expect(names.every((name) => name.trim() !== '')).toBe(true);
        expect(new Set(names).size).toBe(names.length);
      }
  });
});
