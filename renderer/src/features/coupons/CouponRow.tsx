import { formatCode } from '../../../../shared/domain/coupon-code';
import type { CouponState, IssuedCoupon } from '../../../../shared/domain/coupons';
import { formatSeoulTime, formatSeoulUntil } from '../../../../shared/domain/time';
import { describeState } from './coupon-format';
import { useCouponsStrings } from './coupons-strings';

const TAG: Record<CouponState, string> = {
  available: 'tag tag-ok',
  'not-yet-valid': 'tag',
  reserved: 'tag tag-warn',
  used: 'tag',
  expired: 'tag',
  voided: 'tag tag-danger',
};

/** Codes that could still be used: a used one is history, and one an open order holds is main's to settle first. */
const VOIDABLE: ReadonlySet<CouponState> = new Set(['available', 'not-yet-valid']);

export function CouponRow({ coupon, onVoid }: { coupon: IssuedCoupon; onVoid: (code: string) => void }) {
  const text = useCouponsStrings();
  const code = formatCode(coupon.code);
  const state = describeState(coupon, text);
  return (
    <tr data-testid={`coupon-row-${coupon.code}`}>
      <td className="coupon-code">{code}</td>
      <td>{coupon.name}</td>
      <td data-testid={`coupon-state-${coupon.code}`}>
        <span className={TAG[coupon.state]}>{state.label}</span>
        {state.detail !== null && <span className="coupon-state-detail"> {state.detail}</span>}
      </td>
      <td className="coupon-validity">
        <span>{text.validFromPart(formatSeoulTime(coupon.validFrom))}</span>{' '}
        <span>{formatSeoulUntil(coupon.validUntil)}</span>
      </td>
      <td className="coupon-action">
        {VOIDABLE.has(coupon.state) && (
          <button
            type="button"
            className="button button-plain button-small"
            data-testid={`coupon-void-${coupon.code}`}
            aria-label={text.voidFor(code)}
            onClick={() => onVoid(coupon.code)}
          >
            {text.void}
          </button>
        )}
      </td>
    </tr>
  );
}
