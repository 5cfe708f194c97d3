import { refundReasonSchema, refundRequestSchema, type RefundRequest } from '../../../../shared/domain/refunds';
import { parseWholeNumber } from '../../lib/whole-number';
import type { HistoryStrings, RefundKind } from './history-strings';
import { composeReason } from './refund-reason';

/** The refund form as filled in so far. */
export interface RefundDraft {
  kind: RefundKind;
  /** Units of each line to give back, by line key (lineKeyOf). */
  quantities: Readonly<Record<string, number>>;
  amount: string;
  /** Index into REFUND_REASONS, or none chosen. */
  preset: number | null;
  detail: string;
  /** The part of an order paid in parts the refund goes back to; null until one is chosen (and for one tender). */
  part: number | null;
}

export type RefundField = 'part' | 'lines' | 'amount' | 'reason';

export const emptyRefundDraft: RefundDraft = {
  kind: 'full',
  quantities: {},
  amount: '',
  preset: null,
  detail: '',
  part: null,
};

/** The request the draft describes, or null while it describes none (no line chosen, no amount typed). */
export function readRequest(draft: RefundDraft): RefundRequest | null {
  const candidate =
    draft.kind === 'full'
      ? { kind: 'full' }
      : draft.kind === 'lines'
        ? {
            kind: 'lines',
            lines: Object.entries(draft.quantities)
              .filter(([, quantity]) => quantity > 0)
              .map(([lineKey, quantity]) => ({ lineKey, quantity })),
          }
        : { kind: 'amount', amount: parseWholeNumber(draft.amount) };
  const parsed = refundRequestSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

/** The request and reason to send (and the part, for an order paid in parts: `split`), or what is missing, field by field. */
export function readRefund(
  draft: RefundDraft,
  text: HistoryStrings,
  split = false,
):
  { request: RefundRequest; reason: string; part: number | null } | { problems: Partial<Record<RefundField, string>> } {
  const request = readRequest(draft);
  const reason = refundReasonSchema.safeParse(composeReason(draft.preset, draft.detail));
  const problems: Partial<Record<RefundField, string>> = {};
  if (split && draft.part === null) problems.part = text.pickPart;
  if (request === null)
    problems[draft.kind === 'amount' ? 'amount' : 'lines'] =
      draft.kind === 'amount' ? text.refundAmountInvalid : text.pickLines;
  if (!reason.success) problems.reason = text.reasonRequired;
  if (request === null || !reason.success || problems.part !== undefined) return { problems };
  return { request, reason: reason.data, part: split ? draft.part : null };
}
