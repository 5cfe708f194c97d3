import { useState, type FormEvent } from 'react';
import {
  cashReceiptIdentityKind,
  cashReceiptTypes,
  type CashReceiptIssueStatus,
  type CashReceiptType,
  type CashTender,
} from '../../../../shared/domain/cash';
import { formatWon } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { safeHttpUrl } from '../receipt';
import { useCashPaymentStrings } from './cash-payment-strings';
import { Field } from './Field';
import { useCashReceipt } from './use-cash-receipt';

/** A cash sale in the order's detail: what was handed over, the change, and its 현금영수증 (issued again from here if Toss refused it). */
export function CashPayment({
  order,
  cash,
  onChanged,
}: {
  order: Order;
  cash: CashTender;
  onChanged: (order: Order) => void;
}) {
  const text = useCashPaymentStrings();
  const locale = useLocale();
  const receipt = cash.cashReceipt;
  const receiptUrl = safeHttpUrl(receipt?.receiptUrl ?? null);
  const canIssue =
    order.status === 'PAID' &&
    order.refunds.length === 0 &&
    (receipt === null || receipt.status === 'FAILED' || receipt.status === 'ISSUING');
  return (
    <>
      <Field label={text.method}>{text.cash}</Field>
      <Field label={text.received} testId="detail-cash-received">
        {formatWon(cash.received, locale)}
      </Field>
      <Field label={text.change} testId="detail-cash-change">
        {formatWon(cash.change, locale)}
      </Field>
      <Field label={text.paidAt}>{formatDateTime(cash.paidAt, locale)}</Field>
      <Field label={text.cashReceipt} testId="detail-cash-receipt">
        {receipt === null ? (
          text.none
        ) : (
          <>
            {text.status[receipt.status]} · {receipt.type} · {receipt.identityMasked}
            {receipt.selfIssued && ` (${text.selfIssued})`}
            {receipt.status === 'ISSUED' &&
              receipt.canceledAmount > 0 &&
              ` · ${text.canceledPart(formatWon(receipt.canceledAmount, locale))}`}
            {receipt.issueNumber !== null && ` · ${text.issueNumber} ${receipt.issueNumber}`}
            {receipt.failure !== null && receipt.issueStatus !== 'FAILED' && (
              // The tax office's refusal is said once, on its own row below.
              <span className="field-hint"> {receipt.failure.message}</span>
            )}
            {receiptUrl !== null && (
              <>
                {' · '}
                <a href={receiptUrl} target="_blank" rel="noreferrer" data-testid="detail-cash-receipt-link">
                  {text.open}
                </a>
              </>
            )}
          </>
        )}
      </Field>
      {receipt?.issueStatus != null && (
        <TaxOfficeStatus
          status={receipt.issueStatus}
          checkedAt={receipt.statusCheckedAt}
          reason={receipt.issueStatus === 'FAILED' ? (receipt.failure?.message ?? null) : null}
        />
      )}
      {canIssue && (
        // Inside the detail's list as a term and its value: a form alone is no child a <dl> may have.
        <Field label={receipt === null ? text.issue : text.issueAgain}>
          <IssueCashReceipt orderId={order.orderId} again={receipt !== null} onIssued={onChanged} />
        </Field>
      )}
    </>
  );
}

/** Where the tax office stands with the receipt; a refused one says what to do. */
function TaxOfficeStatus({
  status,
  checkedAt,
  reason,
}: {
  status: CashReceiptIssueStatus;
  checkedAt: string | null;
  reason: string | null;
}) {
  const text = useCashPaymentStrings();
  const locale = useLocale();
  return (
    <Field label={text.taxOffice} testId="detail-cash-receipt-status">
      <span className={status === 'FAILED' ? 'tag tag-danger' : 'tag'}>{text.issueStatus[status]}</span>
      {checkedAt !== null && <span className="field-hint"> {text.checkedAt(formatDateTime(checkedAt, locale))}</span>}
      {status === 'FAILED' && (
        <span className="field-hint" role="note" data-testid="detail-cash-receipt-todo">
          {' '}
          {reason !== null && `${reason} · `}
          {text.failedWhatToDo}
        </span>
      )}
    </Field>
  );
}

/** History's mark on an order whose 현금영수증 the tax office refused. */
export function CashReceiptFailedBadge() {
  const text = useCashPaymentStrings();
  return (
    <span className="tag tag-danger" data-testid="history-cash-receipt-failed">
      {text.failedBadge}
    </span>
  );
}

function IssueCashReceipt({
  orderId,
  again,
  onIssued,
}: {
  orderId: string;
  again: boolean;
  onIssued: (order: Order) => void;
}) {
  const text = useCashPaymentStrings();
  const [type, setType] = useState<CashReceiptType>('소득공제');
  const [identity, setIdentity] = useState('');
  const [invalid, setInvalid] = useState(false);
  const { busy, error: problem, issue } = useCashReceipt(orderId);

  function submit(event: FormEvent): void {
    event.preventDefault();
    if (busy) return;
    if (cashReceiptIdentityKind(identity) === null) return setInvalid(true);
    setInvalid(false);
    issue({ type, identity }, (issued) => {
      setIdentity('');
      onIssued(issued);
    });
  }

  return (
    <form className="detail-cash-issue" onSubmit={submit} data-testid="detail-cash-issue">
      <fieldset className="cash-receipt-type">
        {cashReceiptTypes.map((option) => (
          <label key={option}>
            <input
              type="radio"
              name="detail-cash-receipt-type"
              value={option}
              checked={type === option}
              onChange={() => setType(option)}
            />
            {option}
          </label>
        ))}
      </fieldset>
      <TextField
        label={text.identity}
        value={identity}
        onChange={setIdentity}
        inputMode="numeric"
        maxLength={30}
        error={invalid ? text.identityInvalid : null}
        data-testid="detail-cash-identity"
      />
      <FormError error={problem} testId="detail-cash-issue-error" />
      <button
        type="submit"
        className="button button-plain button-small"
        disabled={busy}
        aria-busy={busy}
        data-testid="detail-cash-issue-submit"
      >
        {again ? text.issueAgain : text.issue}
      </button>
    </form>
  );
}
