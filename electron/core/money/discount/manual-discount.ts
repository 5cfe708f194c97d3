import { lineKeyOf, lineNamed } from '../../../../shared/domain/cart-line';
import type { DiscountLimits, ManualDiscount } from '../../../../shared/domain/coupons';
import { PosError } from '../../../../shared/domain/errors';
import { percentOf, type Won } from '../../../../shared/domain/money';
import type { DiscountableLine, DiscountToApply } from './discount-engine';

/** Whether a discount of this kind and amount is above what a cashier may give alone. */
export function needsApproval(
  discount: Pick<ManualDiscount, 'kind' | 'value'>,
  amount: Won,
  limits: DiscountLimits,
): boolean {
  return (discount.kind === 'percent' && discount.value > limits.percent) || amount > limits.won;
}

/**
 * A cashier's discount off one line or the whole order, computed from the net amount left after
 * any coupon. Refused when it names a line the order lacks, asks for more than 100% or more won
 * than the lines are worth, or goes above the shop's limit without a manager's approval.
 * `approve` names the approver of `discount.approvalId` or throws why not; it is asked only
 * above the limit, so a discount a cashier may give alone never uses an approval up.
 */
export function manualDiscount(
  discount: ManualDiscount,
  lines: readonly DiscountableLine[],
  limits: DiscountLimits,
  approve: () => string,
): DiscountToApply {
  const named = discount.lineKey === null ? null : lineNamed(lines, discount.lineKey);
  if (discount.lineKey !== null && named === null) {
    throw new PosError('DISCOUNT_INVALID', `no line ${discount.lineKey} to discount`, {
      details: { reason: 'no-line' },
    });
  }
  if (discount.kind === 'percent' && discount.value > 100)
    throw new PosError('DISCOUNT_INVALID', 'more than 100%', { details: { reason: 'over-100' } });
  let approvedBy: string | null = null;
  return {
    lineKeys: named === null ? lines.map(lineKeyOf) : [lineKeyOf(named)],
    amount: (net) => {
      const amount = discount.kind === 'percent' ? percentOf(net, discount.value) : discount.value;
      if (amount > net)
        throw new PosError('DISCOUNT_INVALID', `discount ${amount} is more than ${net}`, {
          details: { reason: 'over-amount', net },
        });
      if (needsApproval(discount, amount, limits)) {
        if (discount.approvalId === undefined)
          throw new PosError('DISCOUNT_NEEDS_MANAGER', 'above the limit', {
            details: { percent: limits.percent, won: limits.won, amount },
          });
        approvedBy = approve();
      }
      return amount;
    },
    record: (amount, shares) => ({
      source: 'manual',
      kind: discount.kind,
      value: discount.value,
      reason: discount.reason,
      approvedBy,
      amount,
      shares,
    }),
  };
}
