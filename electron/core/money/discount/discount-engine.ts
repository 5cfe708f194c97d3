import type { CouponBenefit, CouponScope } from '../../../../shared/domain/coupons';
import { allocate, assertWon, sumWon, type Won } from '../../../../shared/domain/money';
import { lineKeyOf } from '../../../../shared/domain/cart-line';
import type { OrderDiscount, OrderLine } from '../../../../shared/domain/order';
import { taxFreeOfLines, taxSplit } from '../../../../shared/domain/tax-split';

/** A priced line and the category its product belongs to (coupon scopes name categories). */
export interface DiscountableLine extends OrderLine {
  categoryId: string;
}

/** A discount to apply: how much of the lines' net amount it takes, over which lines, and how the order records it. */
export interface DiscountToApply {
  /** From the targeted lines' net amount (after earlier discounts); may refuse with a PosError. */
  amount: (net: Won) => Won;
  /** The lines it is shared over (lineKeyOf); their net amounts weigh the shares. */
  lineKeys: readonly string[];
  record: (amount: Won, shares: OrderDiscount['shares']) => OrderDiscount;
}

/** The lines a coupon's scope covers (both lists empty: every line). */
export function linesInScope(lines: readonly DiscountableLine[], scope: CouponScope): DiscountableLine[] {
  if (scope.categoryIds.length === 0 && scope.productIds.length === 0) return [...lines];
  return lines.filter(
    (line) => scope.productIds.includes(line.productId) || scope.categoryIds.includes(line.categoryId),
  );
}

/** What a coupon takes off an eligible amount: a percent floors to whole won and stops at its cap; never more than the amount. */
export function couponAmount(benefit: CouponBenefit, eligible: Won): Won {
  assertWon(eligible);
  const raw =
    benefit.type === 'fixed'
      ? benefit.amount
      : Math.min(Math.floor((eligible * benefit.percent) / 100), benefit.maxDiscount);
  return Math.min(raw, eligible);
}

/** A line's amount after the discounts already on it. */
export function netOf(line: OrderLine): Won {
  return line.lineTotal - line.discount;
}

/**
 * Applies discounts one after the other, each shared over its lines' net amounts in whole won
 * (largest remainder), so every share is stored and no line goes below 0; the order's amount and
 * its VAT split come from the discounted total, its 면세 part from the 면세 lines' net amounts.
 */
export function applyDiscounts(lines: readonly DiscountableLine[], discounts: readonly DiscountToApply[]) {
  const priced = lines.map((line) => ({ ...line }));
  const records: OrderDiscount[] = [];
  for (const discount of discounts) {
    const targets = priced.filter((line) => discount.lineKeys.includes(lineKeyOf(line)));
    const net = sumWon(targets.map(netOf));
    const amount = Math.min(discount.amount(net), net);
    const shares = allocate(amount, targets.map(netOf));
    targets.forEach((line, i) => (line.discount += shares[i] ?? 0));
    records.push(
      discount.record(
        amount,
        targets.map((line, i) => ({ lineKey: lineKeyOf(line), amount: shares[i] ?? 0 })),
      ),
    );
  }
  const amount = sumWon(priced.map(netOf));
  const split = taxSplit(amount, taxFreeOfLines(priced));
  return {
    lines: priced,
    discounts: records,
    amount,
    supplyAmount: split.taxable,
    vatAmount: split.vat,
    taxFreeAmount: split.taxFree,
  };
}
