import { lineKeyOf } from '../../../../shared/domain/cart-line';
import { codeShape } from '../../../../shared/domain/coupon-code';
import { couponState } from '../../../../shared/domain/coupons';
import { PosError } from '../../../../shared/domain/errors';
import { sumWon } from '../../../../shared/domain/money';
import { couponAmount, linesInScope, type DiscountableLine, type DiscountToApply } from '../discount/discount-engine';
import type { CouponEntry } from './coupon-book';

/**
 * Whether this coupon can be used now, by the order `holder` (null: a new order). Refusals say
 * what the cashier can tell the customer: since when, until when, by which order.
 */
export function usableCoupon(
  code: string,
  entry: CouponEntry | undefined,
  now: Date,
  holder: string | null,
): CouponEntry {
  if (codeShape(code) === 'mistyped') throw new PosError('COUPON_MISTYPED', 'the check character does not match');
  if (!entry) throw new PosError('COUPON_UNKNOWN', 'no such coupon');
  const { record, batch, reservation } = entry;
  switch (couponState(record, batch, reservation, now)) {
    case 'voided':
      throw new PosError('COUPON_VOIDED', 'the coupon was voided', { details: { voidedAt: record.voided?.at ?? '' } });
    case 'used':
      throw new PosError('COUPON_USED', 'the coupon was used', {
        details: { usedAt: record.used?.at ?? '', orderId: record.used?.orderId ?? '' },
      });
    case 'not-yet-valid':
      throw new PosError('COUPON_NOT_YET_VALID', 'the coupon is not valid yet', {
        details: { validFrom: batch.validFrom },
      });
    case 'expired':
      throw new PosError('COUPON_EXPIRED', 'the coupon has expired', { details: { validUntil: batch.validUntil } });
    case 'reserved':
      if (reservation?.orderId === holder) return entry;
      throw new PosError('COUPON_RESERVED', 'another open order holds the coupon', {
        details: { orderId: reservation?.orderId ?? '' },
      });
    case 'available':
      return entry;
  }
}

/**
 * The coupon's discount on these lines: refused when nothing in them is in its scope or the
 * order is below its minimum (saying how many won more are needed).
 */
export function couponDiscount(entry: CouponEntry, lines: readonly DiscountableLine[]): DiscountToApply {
  const { definition } = entry;
  const subtotal = sumWon(lines.map((line) => line.lineTotal));
  if (subtotal < definition.minOrderAmount) {
    throw new PosError('COUPON_BELOW_MINIMUM', 'the order is below the coupon’s minimum', {
      details: { minimum: definition.minOrderAmount, shortBy: definition.minOrderAmount - subtotal },
    });
  }
  const eligible = linesInScope(lines, definition.scope);
  if (eligible.length === 0)
    throw new PosError('COUPON_NOT_APPLICABLE', 'nothing in the cart is in the coupon’s scope');
  return {
    amount: (net) => couponAmount(definition.benefit, net),
    lineKeys: eligible.map(lineKeyOf),
    record: (amount, shares) => ({
      source: 'coupon',
      code: entry.record.code,
      name: definition.name,
      definitionId: definition.id,
      amount,
      shares,
    }),
  };
}
