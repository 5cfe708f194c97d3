import { useEffect, useState } from 'react';
import type { CouponFilter, CouponPage } from '../../../../shared/domain/coupons';
import type { PosErrorData } from '../../../../shared/domain/errors';
import { toPosError } from '../../lib/ipc';
import { callAsManager } from '../staff';

export const PAGE_SIZE = 50;

interface Answer {
  /** The question this answers: while it differs from the one asked now, a newer answer is on its way. */
  asked: string;
  page: CouponPage | null;
  error: PosErrorData | null;
}

/**
 * One page of issued coupons for the filter, read again whenever the filter, the offset or
 * `version` (bumped after a change) moves. The last page stays shown while the next loads, and an
 * answer that arrives after a newer question is dropped.
 */
export function useCouponPage(
  { definitionId, state, search }: CouponFilter,
  offset: number,
  version: number,
): { page: CouponPage | null; loading: boolean; error: PosErrorData | null } {
  const asked = JSON.stringify([definitionId, state, search, offset, version]);
  const [answer, setAnswer] = useState<Answer>({ asked: '', page: null, error: null });
  useEffect(() => {
    let current = true;
    callAsManager('coupons:list', { definitionId, state, search, offset, limit: PAGE_SIZE }).then(
      (page) => current && setAnswer({ asked, page, error: null }),
      (error: unknown) => current && setAnswer((previous) => ({ ...previous, asked, error: toPosError(error) })),
    );
    return () => {
      current = false;
    };
  }, [asked, definitionId, state, search, offset]);
  return { page: answer.page, loading: answer.asked !== asked, error: answer.error };
}
