import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { formatWon } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import { isSplit, partBalance } from '../../../../shared/domain/payment-parts';
import type { RefundEntry, RefundRequest } from '../../../../shared/domain/refunds';
import { partLabel } from '../../i18n/part-label';
import { useLocale } from '../../i18n/use-strings';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { useHistoryStrings } from './history-strings';
import { balanceOf, refundableParts } from './order-standing';
import { emptyRefundDraft, readRefund, readRequest, type RefundDraft, type RefundField } from './refund-draft';
import { ReasonPicker } from './ReasonPicker';
import { RefundKindChoice } from './RefundKindChoice';
import { RefundLines } from './RefundLines';
import { RefundPartChoice } from './RefundPartChoice';
import { RefundPreviewPanel } from './RefundPreviewPanel';
import { ReceiptPrinting } from '../receipt';
import { RefundReceipt } from './RefundReceipt';
import { useRefund } from './use-refund';
import { useRefundPreview, type RefundPreview } from './use-refund-preview';

type Step =
  | { kind: 'form' }
  | { kind: 'confirm'; request: RefundRequest; reason: string; part: number | null; preview: RefundPreview }
  | { kind: 'done'; order: Order; entry: RefundEntry };

interface RefundDialogProps {
  order: Order;
  /** Main refunded (or is settling a refund of) the order: the order as it stands now. */
  onRefunded: (order: Order) => void;
  onClose: () => void;
}

/** A held Enter repeats: the repeat must not press the confirm button that took focus from the form. */
function ignoreRepeat(event: KeyboardEvent): void {
  if (event.repeat) event.preventDefault();
}

/**
 * Refunds an order: in full, by items, or an amount, with a reason. Main works out the figures
 * (shown live as a preview), a second step confirms, and the refund receipt closes it. An order
 * paid in parts is refunded part by part: the manager chooses which payment the money goes back to.
 */
export function RefundDialog({ order, onRefunded, onClose }: RefundDialogProps) {
  const text = useHistoryStrings();
  const locale = useLocale();
  const won = (amount: number) => formatWon(amount, locale);
  const [draft, setDraft] = useState<RefundDraft>(emptyRefundDraft);
  const [problems, setProblems] = useState<Partial<Record<RefundField, string>>>({});
  const [step, setStep] = useState<Step>({ kind: 'form' });
  const { busy, error, clearError, refund } = useRefund(order.orderId, onRefunded);
  const split = isSplit(order);
  const chosenPart = split ? (order.parts.find((part) => part.part === draft.part) ?? null) : null;
  const request = readRequest(draft);
  const preview = useRefundPreview(order.orderId, request, draft.part, split);
  // Main is asked once there is a request, and for an order paid in parts a part to send it to.
  const asking = request !== null && (!split || chosenPart !== null);
  const goesTo = chosenPart === null ? null : text.previewGoesTo[chosenPart.method](partLabel(chosenPart, locale));
  const inCash = chosenPart === null ? order.cash !== null : chosenPart.method === 'cash';

  const closeReceipt = useRef<HTMLButtonElement>(null);
  // The confirm button, disabled while main worked, took the focus with it: the receipt's Close gets it.
  useEffect(() => {
    if (step.kind === 'done') closeReceipt.current?.focus();
  }, [step.kind]);

  function edit(change: Partial<RefundDraft>): void {
    setDraft({ ...draft, ...change });
    clearError();
  }

  function next(event: FormEvent): void {
    event.preventDefault();
    const reading = readRefund(draft, text, split);
    if ('problems' in reading) {
      setProblems(reading.problems);
      return;
    }
    setProblems({});
    if (preview.preview === null) return;
    setStep({ kind: 'confirm', ...reading, preview: preview.preview });
  }

  function confirm(request: RefundRequest, reason: string, part: number | null): void {
    refund(request, reason, part, (outcome) =>
      setStep(outcome === null ? { kind: 'form' } : { kind: 'done', ...outcome }),
    );
  }

  function cancel(): void {
    if (busy) return;
    if (step.kind === 'confirm') setStep({ kind: 'form' });
    else onClose();
  }

  const title =
    step.kind === 'done'
      ? step.entry.status === 'REFUNDING'
        ? text.refundSettlingTitle
        : text.refundDoneTitle
      : step.kind === 'confirm'
        ? text.confirmTitle
        : text.refundTitle;

  return (
    <Dialog title={title} onCancel={cancel} testId="refund-dialog" wide={step.kind === 'form'}>
      {step.kind === 'done' ? (
        <>
          <RefundReceipt order={step.order} entry={step.entry} />
          <ReceiptPrinting order={step.order} subject={{ kind: 'refund', refund: step.entry }} />
          <div className="dialog-actions">
            <button
              type="button"
              className="button button-primary"
              ref={closeReceipt}
              onClick={onClose}
              data-testid="refund-receipt-close"
            >
              {text.close}
            </button>
          </div>
        </>
      ) : step.kind === 'confirm' ? (
        <>
          <p data-testid="refund-confirm-body">
            {(inCash ? text.confirmBodyCash : text.confirmBody)(won(step.preview.amount), order.orderName)}
          </p>
          <RefundPreviewPanel order={order} preview={step.preview} error={null} waiting={false} goesTo={goesTo} />
          <div className="dialog-actions">
            <button
              type="button"
              className="button button-plain"
              disabled={busy}
              onClick={() => setStep({ kind: 'form' })}
              data-testid="refund-back"
            >
              {text.back}
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={busy}
              autoFocus
              onKeyDown={ignoreRepeat}
              onClick={() => confirm(step.request, step.reason, step.part)}
              data-testid="refund-confirm"
            >
              {busy && <span className="spinner" aria-hidden="true" />}
              {busy ? text.refunding : text.confirm(won(step.preview.amount))}
            </button>
          </div>
        </>
      ) : (
        <form className="refund-form" onSubmit={next} noValidate>
          <div className="refund-form-fields">
            {split && (
              <RefundPartChoice
                parts={refundableParts(order)}
                value={draft.part}
                onChange={(part) => {
                  edit({ part });
                  setProblems({ ...problems, part: undefined });
                }}
                problem={problems.part ?? null}
              />
            )}
            <RefundKindChoice value={draft.kind} onChange={(kind) => edit({ kind })} />
            {draft.kind === 'lines' && (
              <RefundLines
                order={order}
                quantities={draft.quantities}
                onChange={(quantities) => edit({ quantities })}
                problem={problems.lines ?? null}
              />
            )}
            {draft.kind === 'amount' && (
              <TextField
                label={text.amount}
                hint={text.amountHint(
                  won(chosenPart === null ? balanceOf(order) : partBalance(order, chosenPart.part)),
                )}
                inputMode="numeric"
                maxLength={12}
                value={draft.amount}
                onChange={(amount) => edit({ amount })}
                error={problems.amount ?? null}
                data-testid="refund-amount"
              />
            )}
            <ReasonPicker
              preset={draft.preset}
              detail={draft.detail}
              onChange={(reason) => edit(reason)}
              problem={problems.reason ?? null}
            />
          </div>
          <div className="refund-form-side">
            <RefundPreviewPanel
              order={order}
              preview={preview.preview}
              error={preview.error}
              waiting={asking && !preview.current}
              goesTo={goesTo}
            />
            <FormError error={error} testId="refund-error" />
            <div className="dialog-actions">
              <button type="button" className="button button-plain" onClick={onClose}>
                {text.cancel}
              </button>
              {/* Focus lands here when the form comes back from the confirm step (on opening, the dialog moves it to the first choice). */}
              <button
                type="submit"
                className="button button-primary"
                disabled={asking && !preview.current}
                data-testid="refund-next"
                autoFocus
              >
                {text.next}
              </button>
            </div>
          </div>
        </form>
      )}
    </Dialog>
  );
}
