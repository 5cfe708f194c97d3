import type { Catalog } from '../../../../shared/domain/catalog';
import type { CouponBenefit, CouponScope, IssuedCoupon } from '../../../../shared/domain/coupons';
import { formatWon } from '../../../../shared/domain/money';
import { formatSeoulTime } from '../../../../shared/domain/time';
import type { Locale } from '../../../../shared/i18n/error-messages';
import type { CouponsStrings } from './coupons-strings';

export function describeBenefit(benefit: CouponBenefit, text: CouponsStrings, locale: Locale): string {
  switch (benefit.type) {
    case 'fixed':
      return text.benefitFixed(formatWon(benefit.amount, locale));
    case 'percent':
      return text.benefitPercent(benefit.percent, formatWon(benefit.maxDiscount, locale));
    default: {
      const never: never = benefit;
      return never;
    }
  }
}

export function describeMinimum(amount: number, text: CouponsStrings, locale: Locale): string {
  return amount === 0 ? text.noMinimum : text.minimum(formatWon(amount, locale));
}

/** The categories and products by name (by id while the catalog is still loading, or for one since removed). */
export function describeScope(
  scope: CouponScope,
  catalog: Catalog | null,
  text: CouponsStrings,
  locale: Locale,
): string {
  if (scope.categoryIds.length === 0 && scope.productIds.length === 0) return text.wholeOrder;
  const named = (
    list: ReadonlyArray<{ id: string; name: Record<Locale, string> }> | undefined,
    ids: readonly string[],
  ) => ids.map((id) => list?.find((item) => item.id === id)?.name[locale] ?? id).join(', ');
  const parts: string[] = [];
  if (scope.categoryIds.length > 0) parts.push(text.scopeCategories(named(catalog?.categories, scope.categoryIds)));
  if (scope.productIds.length > 0) parts.push(text.scopeProducts(named(catalog?.products, scope.productIds)));
  return parts.join(' · ');
}

/** The order and time a person asks about next: which order holds or used a code, and when it was used or voided. */
function stateDetail(coupon: IssuedCoupon, text: CouponsStrings): string | null {
  switch (coupon.state) {
    case 'reserved':
      return coupon.reservedBy === null ? null : text.reservedDetail(coupon.reservedBy);
    case 'used':
      return coupon.usedAt === null || coupon.orderId === null
        ? null
        : text.usedDetail(formatSeoulTime(coupon.usedAt), coupon.orderId);
    case 'voided':
      return coupon.voidedAt === null ? null : formatSeoulTime(coupon.voidedAt);
    case 'available':
    case 'not-yet-valid':
    case 'expired':
      // The validity column already says when.
      return null;
    default: {
      const never: never = coupon.state;
      return never;
    }
  }
}

/** Where a coupon stands, in a word, and the detail that goes with it. */
export function describeState(coupon: IssuedCoupon, text: CouponsStrings): { label: string; detail: string | null } {
  return { label: text.states[coupon.state], detail: stateDetail(coupon, text) };
}
