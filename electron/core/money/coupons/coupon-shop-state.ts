import type { CouponPage, IssuedCoupon } from '../../../../shared/domain/coupons';
import { seoulIso } from '../../../../shared/domain/time';
import type { SharedCoupon, SharedCoupons } from './shared-coupons';

/**
 * A page of this register's coupons as the whole shop has them: one another register holds, used
 * or voided shows so here too (this register's book records only what it did itself). While the
 * shared store cannot be reached, the page is this register's own view.
 */
export async function withShopState(page: CouponPage, shared: SharedCoupons | null): Promise<CouponPage> {
  if (shared === null || page.rows.length === 0) return page;
  const claims = await shared.claims(page.rows.map((row) => row.code)).catch(() => null);
  if (claims === null) return page;
  return { ...page, rows: page.rows.map((row) => overlay(row, claims.get(row.code))) };
}

function overlay(row: IssuedCoupon, claim: SharedCoupon['claim'] | undefined): IssuedCoupon {
  if (claim === undefined || claim.mine || row.state === 'used' || row.state === 'voided') return row;
  const at = seoulIso(new Date(claim.at));
  switch (claim.state) {
    case 'used':
      return {
        ...row,
        state: 'used',
        isUsed: true,
        isValid: false,
        usedAt: at,
        orderId: claim.orderId,
        reservedBy: null,
      };
    case 'voided':
      return { ...row, state: 'voided', isValid: false, voidedAt: at, reservedBy: null };
    case 'reserved':
      return row.state === 'available' ? { ...row, state: 'reserved', reservedBy: claim.orderId } : row;
    case 'free':
    case 'released':
      return row;
  }
}
