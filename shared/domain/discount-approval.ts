import type { PosErrorCode } from './errors';

/**
 * Main's answers that a manual discount needs a manager's PIN (again): above the limit with no
 * approval, or an approval that is used, expired, for another cart, discount or mode. The
 * register answers each the same way: it offers to ask a manager for this discount now.
 */
export function needsManagerApproval(code: PosErrorCode): boolean {
  return code === 'DISCOUNT_NEEDS_MANAGER' || code.startsWith('DISCOUNT_APPROVAL_');
}
