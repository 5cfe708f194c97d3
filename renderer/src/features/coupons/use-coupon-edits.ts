import type {
  CouponBatch,
  CouponDefinition,
  CouponDefinitionDraft,
  CouponIssueRequest,
} from '../../../../shared/domain/coupons';
import { useAction } from '../../lib/use-action';
import { callAsManager } from '../staff';
import type { DefinitionField } from './definition-form';
import type { IssueField } from './issue-form';
import { useCheckedSubmit, type FormReading } from './use-checked-submit';

/** Defines a coupon from the form `read` checks. */
export function useDefineCoupon(
  read: () => FormReading<CouponDefinitionDraft, DefinitionField>,
  onSaved: (definition: CouponDefinition) => void,
) {
  return useCheckedSubmit(read, (draft) => callAsManager('coupons:define', draft), onSaved);
}

/** Issues a batch of codes from the form `read` checks. */
export function useIssueCoupons(
  read: () => FormReading<CouponIssueRequest, IssueField>,
  onIssued: (batch: CouponBatch) => void,
) {
  return useCheckedSubmit(read, (request) => callAsManager('coupons:issue', request), onIssued);
}

/** Voids one code; main may refuse (an order took the coupon meanwhile). */
export function useVoidCoupon(code: string, onVoided: () => void) {
  const { busy, error, run } = useAction();
  return { busy, error, confirm: () => void run(() => callAsManager('coupons:void', { code }), onVoided) };
}
