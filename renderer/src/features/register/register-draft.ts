import type { RegisterDraft } from '../../../../shared/domain/register';
import { call } from '../../lib/ipc';
import { selectIsBusy, useCheckout } from '../checkout';
import { useCart } from './cart-store';

/** The register as it stands, in the shape main keeps (and builds the customer's screen from). */
function currentDraft(): RegisterDraft {
  const { lines, memo, couponCode, manualDiscount } = useCart.getState();
  const checkout = useCheckout.getState();
  const stage = checkout.phase === 'paid' ? 'paid' : selectIsBusy(checkout) ? 'paying' : 'ringing';
  return {
    lines,
    memo,
    couponCode,
    manualDiscount,
    pending: checkout.pending,
    approval: checkout.approval,
    stage,
    paidOrderId: checkout.paidOrder?.orderId ?? null,
  };
}

/** Gives back the register main kept: the cart, and any payment left in flight (asked about again, not paid again). */
export async function restoreRegister(): Promise<void> {
  const draft = await call('register:draft', {});
  useCart.getState().restore(draft);
  const paid =
    draft.stage === 'paid' && draft.paidOrderId !== null
      ? await call('sale:get', { orderId: draft.paidOrderId }).catch(() => null)
      : null;
  await useCheckout
    .getState()
    .restore({ pending: draft.pending, approval: draft.approval, paidOrder: paid?.status === 'PAID' ? paid : null });
}

/** Whether main holds the register as it stands now; the keeper below replaces it while it runs. */
let keptInMain: () => Promise<boolean> = async () => true;

/**
 * Waits until main holds the register as it stands now (a change just made included): what main
 * does with its own copy (hold it, say) is then what the cashier sees. False when main could not
 * be told.
 */
export function draftInMain(): Promise<boolean> {
  return keptInMain();
}

/**
 * Every change to the cart or the payment goes to main at once (one at a time; the newest wins),
 * so a reload or a crash of the window loses nothing. Returns the way to stop.
 */
export function keepDraftInMain(): () => void {
  let saving: Promise<void> | null = null;
  let dirty = false;
  let last = JSON.stringify(currentDraft());
  async function saveNewest(): Promise<void> {
    do {
      dirty = false;
      const draft = currentDraft();
      const text = JSON.stringify(draft);
      if (text === last) continue;
      try {
        await call('register:save-draft', draft);
        last = text;
      } catch {
        // Kept in this page; the next change tries again.
      }
    } while (dirty);
  }
  function save(): Promise<void> {
    if (saving !== null) {
      dirty = true;
      return saving;
    }
    saving = saveNewest().finally(() => {
      saving = null;
    });
    return saving;
  }
  keptInMain = async () => {
    await save();
    return JSON.stringify(currentDraft()) === last;
  };
  const unsubscribe = [useCart.subscribe(() => void save()), useCheckout.subscribe(() => void save())];
  return () => {
    unsubscribe.forEach((stop) => stop());
    keptInMain = async () => true;
  };
}
