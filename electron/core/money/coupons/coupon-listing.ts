import { formatCode, normalizeCode } from '../../../../shared/domain/coupon-code';
import type { CouponFilter, CouponPage, IssuedCoupon } from '../../../../shared/domain/coupons';
import { formatSeoulTime, formatSeoulUntil } from '../../../../shared/domain/time';
import type { CsvHeaders } from '../../../../shared/domain/csv-headers';
import { csvText } from '../../platform/export/csv';
import { csvHeaderRow, type CsvColumn } from '../../platform/export/csv-columns';
import { issuedCoupon, type CouponBook } from './coupon-book';

function* matching(book: CouponBook, filter: CouponFilter, now: Date): Generator<IssuedCoupon> {
  const search = filter.search === undefined ? '' : normalizeCode(filter.search);
  for (const entry of book.entries()) {
    if (filter.definitionId !== undefined && entry.definition.id !== filter.definitionId) continue;
    if (search !== '' && !entry.record.code.includes(search)) continue;
    const coupon = issuedCoupon(entry, now);
    if (filter.state === undefined || coupon.state === filter.state) yield coupon;
  }
}

/** One page of the coupons that match, newest issue first, with how many match in all. */
export function couponPage(
  book: CouponBook,
  filter: CouponFilter,
  page: { offset: number; limit: number },
  now: Date,
): CouponPage {
  const all = [...matching(book, filter, now)].reverse();
  return { rows: all.slice(page.offset, page.offset + page.limit), total: all.length, offset: page.offset };
}

/** The coupon CSV's columns, in order. */
export const COUPON_COLUMNS: readonly CsvColumn[] = [
  { machine: 'code', ko: '쿠폰 코드', en: 'Code' },
  { machine: 'name', ko: '쿠폰 이름', en: 'Coupon' },
  { machine: 'state', ko: '상태', en: 'State' },
  { machine: 'valid_from', ko: '사용 시작', en: 'Valid from' },
  { machine: 'valid_until', ko: '사용 기한', en: 'Valid until' },
  { machine: 'used_at', ko: '사용 시각', en: 'Used at' },
  { machine: 'order_id', ko: '주문번호', en: 'Order ID' },
  { machine: 'reserved_by', ko: '잡아 둔 주문', en: 'Held by order' },
];

/** The matching coupons as CSV (UTF-8 with BOM, so Excel reads the Korean names), oldest first; the header in `headers`' words. */
export function couponCsv(book: CouponBook, filter: CouponFilter, now: Date, headers?: CsvHeaders): string {
  function* rows(): Generator<string[]> {
    yield csvHeaderRow(COUPON_COLUMNS, headers);
    for (const coupon of matching(book, filter, now)) {
      yield [
        formatCode(coupon.code),
        coupon.name,
        coupon.state,
        formatSeoulTime(coupon.validFrom),
        formatSeoulUntil(coupon.validUntil),
        coupon.usedAt === null ? '' : formatSeoulTime(coupon.usedAt),
        coupon.orderId ?? '',
        coupon.reservedBy ?? '',
      ];
    }
  }
  return csvText(rows());
}
