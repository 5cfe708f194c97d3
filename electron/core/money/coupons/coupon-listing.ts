import { formatCode, normalizeCode } from '../../../../shared/domain/coupon-code';
import type { CouponFilter, CouponPage, IssuedCoupon } from '../../../../shared/domain/coupons';
import { formatSeoulTime, formatSeoulUntil } from '../../../../shared/domain/time';
import { csvText } from '../../platform/export/csv';
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

const HEADER = ['code', 'name', 'state', 'valid_from', 'valid_until', 'used_at', 'order_id', 'reserved_by'];

/** The matching coupons as CSV (UTF-8 with BOM, so Excel reads the Korean names), oldest first. */
export function couponCsv(book: CouponBook, filter: CouponFilter, now: Date): string {
  function* rows(): Generator<string[]> {
    yield HEADER;
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
