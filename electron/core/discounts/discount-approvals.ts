import { randomBytes } from 'node:crypto';
import type { ManualDiscount } from '../../../shared/domain/coupons';
import type { Manager } from '../staff/manager-session';

/** How long a manager's yes to one discount lasts: the sale it was given for. */
export const APPROVAL_TTL_MS = 15 * 60 * 1000;

type Approved = Pick<ManualDiscount, 'kind' | 'value' | 'productId'>;

/**
 * Managers' approvals of discounts above the limit, given on the spot with a PIN. An approval
 * covers exactly the discount approved (kind, value, line), for this sale's time, and names the
 * manager so the order records who approved it.
 */
export class DiscountApprovals {
  private readonly approvals = new Map<string, { discount: Approved; by: Manager; until: number }>();

  constructor(private readonly now: () => Date) {}

  grant(discount: Approved, by: Manager): string {
    this.sweep();
    const id = `appr-${randomBytes(8).toString('hex')}`;
    this.approvals.set(id, { discount: { kind: discount.kind, value: discount.value, productId: discount.productId }, by, until: this.now().getTime() + APPROVAL_TTL_MS });
    return id;
  }

  /** Who approved this discount under this id, or null (none, expired, or for another discount). */
  approver(discount: ManualDiscount): string | null {
    if (discount.approvalId === undefined) return null;
    const approval = this.approvals.get(discount.approvalId);
    if (!approval || approval.until <= this.now().getTime()) return null;
    const same = approval.discount.kind === discount.kind && approval.discount.value === discount.value && approval.discount.productId === discount.productId;
    return same ? approval.by.name : null;
  }

  private sweep(): void {
    const now = this.now().getTime();
    for (const [id, approval] of this.approvals) if (approval.until <= now) this.approvals.delete(id);
  }
}
