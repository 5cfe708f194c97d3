import type { CouponBatch, CouponDefinition } from '../../../../shared/domain/coupons';

/** Who holds a coupon in the shop's shared store (`released`: free again after a hold or a use was given back). */
export type SharedCouponState = 'free' | 'reserved' | 'used' | 'released' | 'voided';

export interface SharedCouponClaim {
  state: SharedCouponState;
  orderId: string | null;
  /** Whether that register is this one (then this register's own rules answer, as without a store). */
  mine: boolean;
  /** The register that holds, used or voided it, and its name as the shop calls it. */
  registerId: string | null;
  registerName: string | null;
  at: string;
}

/** A coupon as the shared store knows it: issued at any register. */
export interface SharedCoupon {
  code: string;
  batch: CouponBatch;
  definition: CouponDefinition;
  claim: SharedCouponClaim;
}

/**
 * The shop's coupons on the shared store, as the coupon code needs them: what the shop has
 * issued, and who holds each code. Every call answers from the store itself or throws (a typed
 * COUPON_STORE_OFFLINE when it cannot be reached): a coupon is never taken on a guess.
 */
export interface SharedCoupons {
  /** Makes the codes the shop's (a code the store has already is left as it is). */
  publish(definition: CouponDefinition, batch: CouponBatch, codes: readonly string[]): Promise<void>;
  find(code: string): Promise<SharedCoupon | null>;
  /** The codes held for an open order of this register, by that order. */
  heldHere(): Promise<Array<{ code: string; orderId: string }>>;
  /** Who holds each of these codes (those the store has). */
  claims(codes: readonly string[]): Promise<Map<string, SharedCouponClaim>>;
  /**
   * Holds the code for this register's order, in one conditional update: refused (COUPON_ELSEWHERE)
   * when another order holds it or used it; already held by this order, nothing changes.
   */
  reserve(code: string, orderId: string): Promise<void>;
  /** The order was paid with it; false when another order holds or used it (never taken from it), true too when the store never had the code. */
  use(code: string, orderId: string): Promise<boolean>;
  /** The order gave it up (abandoned, or refunded to zero with the coupon given back): free again. */
  release(code: string, orderId: string): Promise<void>;
  /** A manager voided it: refused (COUPON_ELSEWHERE) when an order holds or used it. */
  void(code: string): Promise<void>;
}
