import { useEffect, useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { RefundRequest } from '../../../../shared/domain/refunds';
import type { ChannelOutput } from '../../../../shared/ipc/contract';
import { toPosError } from '../../lib/ipc';
import { callAsManager } from '../staff';
import { useDebounced } from './use-debounced';

export type RefundPreview = ChannelOutput<'refund:preview'>;

/** A steady hand on a quantity stepper asks main once, not once per click. */
const SETTLE_MS = 200;

interface Answer {
  /** The request this answers, and the part it goes back to (as JSON). */
  asked: string;
  preview: RefundPreview | null;
  error: PosErrorData | null;
}

/**
 * What main says the request would refund, checked as the refund itself will be: asked again
 * whenever the request changes (once it has settled). `current` is false while the answer shown
 * is for an earlier request. An order paid in parts is asked about once a part is chosen (`part`).
 */
export function useRefundPreview(
  orderId: string,
  request: RefundRequest | null,
  part: number | null = null,
  partRequired = false,
): { preview: RefundPreview | null; error: PosErrorData | null; current: boolean } {
  const wanted =
    request === null || (partRequired && part === null)
      ? ''
      : JSON.stringify(part === null ? { request } : { request, part });
  const asked = useDebounced(wanted, SETTLE_MS);
  const [answer, setAnswer] = useState<Answer>({ asked: '', preview: null, error: null });
  useEffect(() => {
    if (asked === '') return;
    let current = true;
    const question = JSON.parse(asked) as { request: RefundRequest; part?: number };
    callAsManager('refund:preview', { orderId, ...question }).then(
      (preview) => current && setAnswer({ asked, preview, error: null }),
      (error: unknown) => current && setAnswer({ asked, preview: null, error: toPosError(error) }),
    );
    return () => {
      current = false;
    };
  }, [orderId, asked]);
  const current = wanted !== '' && answer.asked === wanted;
  return { preview: current ? answer.preview : null, error: current ? answer.error : null, current };
}
