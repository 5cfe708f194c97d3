import type { CashReceipt } from '../../../../shared/domain/cash';
import type { TossCashReceipt } from '../../toss/toss-cash-receipt';
import { maskedFromToss } from './cash-receipt-identity';

/**
 * What the order keeps of a receipt Toss issued: Toss's own type, identity (masked) and amount.
 * Where Toss's answer leaves one out, the request's own stands: under one key Toss issues the
 * first body it was sent, and the pending request keeps that body's type and masked number.
 */
export function issuedAs(pending: CashReceipt, issued: TossCashReceipt): CashReceipt {
  const identity = issued.customerIdentityNumber;
  return {
    ...pending,
    status: 'ISSUED',
    type: issued.type ?? pending.type,
    identityMasked: identity ? maskedFromToss(identity) : pending.identityMasked,
    receiptKey: issued.receiptKey,
    issueNumber: issued.issueNumber ?? null,
    receiptUrl: issued.receiptUrl ?? null,
    amount: issued.amount,
    failure: null,
    identityDigest: null,
  };
}

/** A request Toss refused (or holds nothing of): it can be asked again, as a new request under a new key. */
export function refusedAs(pending: CashReceipt, failure: { code: string; message: string }): CashReceipt {
  return { ...pending, status: 'FAILED', failure, identityDigest: null };
}
