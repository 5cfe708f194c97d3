import { couponIssueRequestSchema, type CouponIssueRequest } from '../../../../shared/domain/coupons';
import { dayAfter } from '../../../../shared/domain/day-close';
import { parseWholeNumber } from '../../lib/whole-number';
import type { CouponsStrings } from './coupons-strings';
import type { FormReading } from './use-checked-submit';

/** The issue form as typed: dates from date inputs, times from time inputs (empty: the whole day). */
export interface IssueForm {
  count: string;
  fromDate: string;
  fromTime: string;
  untilDate: string;
  untilTime: string;
}

export type IssueField = 'count' | 'validFrom' | 'validUntil';

/** One code, from the business day (main's `today`) to 30 days on, Seoul dates. */
export function initialIssueForm(today: string): IssueForm {
  return { count: '1', fromDate: today, fromTime: '', untilDate: dayAfter(today, 30), untilTime: '' };
}

/** 'YYYY-MM-DD', or 'YYYY-MM-DDTHH:mm' when a time was given: the Seoul wall clock main reads. */
function seoulLocal(date: string, time: string): string {
  return time === '' ? date : `${date}T${time.slice(0, 5)}`;
}

/**
 * The request to send, or what is wrong per field. Whether the window itself makes sense (its
 * end after its start, not already over) is main's to say: it knows the shop's clock.
 */
export function readIssueForm(
  form: IssueForm,
  definitionId: string,
  text: CouponsStrings,
): FormReading<CouponIssueRequest, IssueField> {
  const parsed = couponIssueRequestSchema.safeParse({
    definitionId,
    count: parseWholeNumber(form.count),
    validFrom: seoulLocal(form.fromDate, form.fromTime),
    validUntil: seoulLocal(form.untilDate, form.untilTime),
  });
  if (parsed.success) return { value: parsed.data };
  const problems: Partial<Record<IssueField, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'count') problems.count = text.countInvalid;
    else if (field === 'validFrom' || field === 'validUntil') problems[field] = text.dateRequired;
  }
  return { problems };
}
