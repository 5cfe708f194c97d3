import type { PosErrorCode } from './errors';

/**
 * Main's answers that a manual discount needs a manager's PIN (again): above the limit with no
 * approval, or an approval that is used, expired, for another cart, discount or mode. The
 * register answers each the same way: it offers to ask a manager for this discount now.
 */
const askManager: ReadonlySet<PosErrorCode> = new Set<PosErrorCode>([
  'DISCOUNT_NEEDS_MANAGER',
  'DISCOUNT_APPROVAL_INVALID',
  'DISCOUNT_APPROVAL_USED',
  'DISCOUNT_APPROVAL_EXPIRED',
  'DISCOUNT_APPROVAL_OTHER_CART',
  'DISCOUNT_APPROVAL_OTHER_MODE',
]);

export function needsManagerApproval(code: PosErrorCode): boolean {
  return askManager.has(code);
}
