import type { CashReceipt, CashReceiptIssueStatus } from '../../../../shared/domain/cash';
import type { TossCashReceipt } from '../../toss/toss-cash-receipt';
import { maskedFromToss } from './cash-receipt-identity';

/**
 * What the order keeps of a receipt Toss issued: Toss's own type, identity (masked) and amount.
 * Where Toss's answer leaves one out, the request's own stands: under one key Toss issues the
 * first body it was sent, and the pending request keeps that body's type and masked number.
 */
export function issuedAs(pending: CashReceipt, issued: TossCashReceipt, at: string): CashReceipt {
  const identity = issued.customerIdentityNumber;
  return {
    ...pending,
    status: 'ISSUED',
    type: issued.type ?? pending.type,
    identityMasked: identity && !pending.selfIssued ? maskedFromToss(identity) : pending.identityMasked,
    receiptKey: issued.receiptKey,
    issueNumber: issued.issueNumber ?? null,
    receiptUrl: issued.receiptUrl ?? null,
    amount: issued.amount,
    failure: null,
    identityDigest: null,
    // An issue answer says IN_PROGRESS (or already COMPLETED): a FAILED one is recorded as refused.
    issueStatus: issued.issueStatus,
    statusCheckedAt: at,
  };
}

/** A request Toss refused (or holds nothing of): it can be asked again, as a new request under a new key. */
export function refusedAs(pending: CashReceipt, failure: { code: string; message: string }): CashReceipt {
  return { ...pending, status: 'FAILED', failure, identityDigest: null };
}

/**
 * An issued receipt after Toss was asked how the tax office stands with it. FAILED means it never
 * took effect: the order's receipt is refused, with the reason, and can be issued again.
 */
export function checkedAs(
  receipt: CashReceipt,
  status: CashReceiptIssueStatus,
  at: string,
  failure: { code: string; message: string } | null,
): CashReceipt {
  const checked = { ...receipt, issueStatus: status, statusCheckedAt: at, statusChecks: receipt.statusChecks + 1 };
  if (status !== 'FAILED') return checked;
  return {
    ...checked,
    status: 'FAILED',
    failure: failure ?? { code: 'FAILED', message: 'The tax office did not register the cash receipt' },
  };
}
