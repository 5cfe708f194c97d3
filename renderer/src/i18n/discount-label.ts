import type { OrderDiscount } from '../../../shared/domain/order';
import type { Locale } from '../../../shared/i18n/error-messages';

/** How a discount is named on the cart, the receipt and in history: the coupon's name, or the cashier's reason. */
export function discountLabel(discount: OrderDiscount, locale: Locale): string {
  if (discount.source === 'coupon') return locale === 'ko' ? `쿠폰 · ${discount.name}` : `Coupon · ${discount.name}`;
  const size = discount.kind === 'percent' ? ` ${discount.value}%` : '';
  return locale === 'ko' ? `할인${size} · ${discount.reason}` : `Discount${size} · ${discount.reason}`;
}

/** Who approved a manual discount above the limit, if anyone had to. */
export function approvalNote(discount: OrderDiscount, locale: Locale): string | null {
  if (discount.source !== 'manual' || discount.approvedBy === null) return null;
  return locale === 'ko' ? `관리자 승인: ${discount.approvedBy}` : `Approved by ${discount.approvedBy}`;
}
