import { normalizeCode } from '../../../../shared/domain/coupon-code';
import type { couponChannels } from '../../../../shared/ipc/channels/coupons';
import type { DomainHandlers } from '../../../../shared/ipc/handlers';
import { seoulDay } from '../../../../shared/domain/time';
import { issuedCoupon, type CouponBook } from './coupon-book';
import type { CouponIssuer } from './coupon-issuer';
import { couponCsv, couponPage } from './coupon-listing';
import { withShopState } from './coupon-shop-state';
import type { SharedCoupons } from './shared-coupons';

export function couponsHandlers(
  book: CouponBook,
  issuer: CouponIssuer,
  now: () => Date,
  /** The shop's shared store, when the live books are on one. */
  shared: () => SharedCoupons | null = () => null,
): DomainHandlers<typeof couponChannels> {
  return {
    'coupons:definitions': async () => book.definitions(),
    'coupons:define': (input, { manager }) => issuer.define(input, manager),
    'coupons:issue': async (input, { manager }) => (await issuer.issue(input, manager)).batch,
    'coupons:list': async ({ offset, limit, ...filter }) =>
      withShopState(couponPage(book, filter, { offset, limit }, now()), shared()),
    'coupons:void': async (input, { manager }) =>
      issuedCoupon(await issuer.void(normalizeCode(input.code), manager), now()),
    'coupons:export': async ({ headers, ...filter }) => ({
      fileName: `coupons-${seoulDay(now())}.csv`,
      csv: couponCsv(book, filter, now(), headers),
    }),
  };
}
