import { lineKeyOf } from '../../../../shared/domain/cart-line';
import { randomBytes } from 'node:crypto';
import type { ManualDiscount } from '../../../../shared/domain/coupons';
import { PosError } from '../../../../shared/domain/errors';
import type { OrderLine, OrderStatus } from '../../../../shared/domain/order';
import { seoulIso } from '../../../../shared/domain/time';
import type { Manager } from '../../../../shared/domain/staff';

/** How long a manager's yes to one discount lasts: the sale it was given for. */
export const APPROVAL_TTL_MS = 15 * 60 * 1000;

/** Kept this long after expiry, so a late use is told "expired" rather than "unknown". */
const FORGET_AFTER_MS = 24 * 60 * 60 * 1000;

export type ApprovalMode = 'training' | 'live';

/** The discount as the order records it. */
type ApprovedDiscount = Pick<ManualDiscount, 'kind' | 'value' | 'lineKey' | 'reason'>;

/** The register's cart as main priced it when the manager said yes. */
export type ApprovedCart = readonly Pick<OrderLine, 'productId' | 'options' | 'memo' | 'quantity' | 'lineTotal'>[];

interface Approval {
  mode: ApprovalMode;
  discount: ApprovedDiscount;
  cart: string;
  by: Manager;
  until: number;
  /** The stored order it went to (null while that order is being written), until that order is given up. */
  taken: { orderId: string | null } | null;
}

/** What an order being stored holds: the approver, and a way to say how the write ended. */
export interface ApprovalTaken {
  approvedBy: string;
  stored(orderId: string): void;
  failed(): void;
}

function cartKey(cart: ApprovedCart): string {
  return cart
    .map((line) => `${lineKeyOf(line)}*${line.quantity}=${line.lineTotal}`)
    .sort()
    .join(',');
}

function sameDiscount(a: ApprovedDiscount, b: ApprovedDiscount): boolean {
  return a.kind === b.kind && a.value === b.value && a.lineKey === b.lineKey && a.reason === b.reason;
}

/**
 * Managers' approvals of discounts above the limit, given on the spot with a PIN. An approval
 * covers one sale: the discount approved (kind, value, line, reason), the register's cart as it
 * stood (lines, quantities, amounts), the mode it was given in, for 15 minutes. The order stored
 * with it takes it; it comes back only if that order is given up unpaid (a declined card, a
 * changed cart), so at most one paid order ever carries it. Kept in memory: a restart forgets them.
 */
export class DiscountApprovals {
  private readonly approvals = new Map<string, Approval>();

  constructor(
    private readonly mode: ApprovalMode,
    private readonly now: () => Date,
  ) {}

  grant(discount: ApprovedDiscount, cart: ApprovedCart, by: Manager): { approvalId: string; approvedBy: string } {
    this.sweep();
    const approvalId = `appr-${randomBytes(8).toString('hex')}`;
    this.approvals.set(approvalId, {
      mode: this.mode,
      discount: { kind: discount.kind, value: discount.value, lineKey: discount.lineKey, reason: discount.reason },
      cart: cartKey(cart),
      by,
      until: this.now().getTime() + APPROVAL_TTL_MS,
      taken: null,
    });
    return { approvalId, approvedBy: by.name };
  }

  /**
   * Hands the approval back if the order that took it was given up before it was paid. `status`
   * reads that order (null: none); asked before each use, as orders are given up in many places.
   */
  async freeIfGivenUp(
    approvalId: string | undefined,
    status: (orderId: string) => Promise<OrderStatus | null>,
  ): Promise<void> {
    const taker = approvalId === undefined ? null : (this.approvals.get(approvalId)?.taken?.orderId ?? null);
    if (approvalId === undefined || taker === null) return;
    const standing = await status(taker);
    const approval = this.approvals.get(approvalId);
    if ((standing === null || standing === 'ABANDONED') && approval?.taken?.orderId === taker) approval.taken = null;
  }

  /**
   * Who approved this discount for this cart in this mode; nothing is used up (a quote). `holder`:
   * the register's own open order, which may already hold it. Throws what the cashier must do.
   */
  approver(discount: ManualDiscount, cart: ApprovedCart, mode: ApprovalMode, holder: string | null): string {
    return this.check(discount, cart, mode, holder).by.name;
  }

  /** The same checks, then the approval is the order's: no other order can take it while this one stands. */
  take(discount: ManualDiscount, cart: ApprovedCart, mode: ApprovalMode): ApprovalTaken {
    const approval = this.check(discount, cart, mode, null);
    const taken: { orderId: string | null } = { orderId: null };
    approval.taken = taken;
    return {
      approvedBy: approval.by.name,
      stored: (orderId) => {
        taken.orderId = orderId;
      },
      failed: () => {
        if (approval.taken === taken) approval.taken = null;
      },
    };
  }

  private check(discount: ManualDiscount, cart: ApprovedCart, mode: ApprovalMode, holder: string | null): Approval {
    const approval = discount.approvalId === undefined ? undefined : this.approvals.get(discount.approvalId);
    if (approval === undefined)
      throw new PosError('DISCOUNT_APPROVAL_INVALID', 'no such approval (or forgotten at a restart)', {
        details: { reason: 'unknown' },
      });
    if (approval.mode !== mode) {
      throw new PosError('DISCOUNT_APPROVAL_OTHER_MODE', `approved in ${approval.mode}, used in ${mode}`, {
        details: { approvedIn: approval.mode },
      });
    }
    const heldByHolder = holder !== null && approval.taken?.orderId === holder;
    if (approval.taken !== null && !heldByHolder) {
      const orderId = approval.taken.orderId;
      throw new PosError(
        'DISCOUNT_APPROVAL_USED',
        `already taken by ${orderId ?? 'an order being stored'}`,
        orderId === null ? {} : { details: { orderId } },
      );
    }
    // The holder's price was fixed when it took the approval in time; only a new order needs it still valid.
    if (!heldByHolder && approval.until <= this.now().getTime()) {
      throw new PosError('DISCOUNT_APPROVAL_EXPIRED', 'approval expired', {
        details: { expiredAt: seoulIso(new Date(approval.until)) },
      });
    }
    if (!sameDiscount(approval.discount, discount)) {
      throw new PosError('DISCOUNT_APPROVAL_INVALID', 'approved for another discount', {
        details: { reason: 'other-discount' },
      });
    }
    if (approval.cart !== cartKey(cart))
      throw new PosError('DISCOUNT_APPROVAL_OTHER_CART', 'approved for another cart');
    return approval;
  }

  private sweep(): void {
    const now = this.now().getTime();
    for (const [id, approval] of this.approvals) if (approval.until + FORGET_AFTER_MS <= now) this.approvals.delete(id);
  }
}
