import { create } from 'zustand';
import { lineKeyOf } from '../../../../shared/domain/cart-line';
import type { PosErrorCode, PosErrorData } from '../../../../shared/domain/errors';
import type { Order } from '../../../../shared/domain/order';
import { parsePartOrderId, partOrderId } from '../../../../shared/domain/part-number';
import { isSplit } from '../../../../shared/domain/payment-parts';
import { call, IpcError, toPosError } from '../../lib/ipc';
import type { CheckoutActions, CheckoutState, PendingOrder, Problem, Sale } from './checkout-types';
import { splitActions } from './split-actions';
import { PaymentWindowError, requestCardPayment, type WindowApproval } from './toss-window';

export type {
  CartLine,
  CashTender,
  CheckoutActions,
  CheckoutState,
  PendingOrder,
  Problem,
  Sale,
  SplitActions,
  SplitState,
} from './checkout-types';

/** The sale as main takes it (sale:quote, sale:create): what was rung up, and nothing the page priced. */
export function saleRequest(sale: Sale) {
  return {
    lines: sale.lines.map(({ productId, quantity, options = [], memo = null }) => ({
      productId,
      quantity,
      options,
      memo,
    })),
    ...(sale.memo == null ? {} : { memo: sale.memo }),
    ...(sale.couponCode === null ? {} : { couponCode: sale.couponCode }),
    ...(sale.manualDiscount === null ? {} : { manualDiscount: sale.manualDiscount }),
  };
}

export const initialCheckoutState: CheckoutState = {
  phase: 'idle',
  pending: null,
  approval: null,
  problem: null,
  paidOrder: null,
  split: null,
};

/** After these main will not take this order again: the next Pay starts a fresh one. */
const ORDER_SPENT: ReadonlySet<PosErrorCode> = new Set<PosErrorCode>([
  'AMOUNT_MISMATCH',
  'PAYMENT_COMPENSATED',
  'ORDER_NOT_FOUND',
  'ORDER_ABANDONED',
]);

/**
 * The confirm may have gone through (Toss, main or the bridge failed midway): ask again, never
 * pay again. A non-retryable INTERNAL is a bug, and asking again would only repeat it.
 */
function outcomeUnknown(error: PosErrorData): boolean {
  return error.code === 'TOSS_UNREACHABLE' || (error.code === 'INTERNAL' && error.retryable);
}

/** Identifies a sale's content: the same key means the pending order still describes it. */
export function cartKey(sale: Sale): string {
  const lines = sale.lines
    .map((line) => `${lineKeyOf({ options: [], memo: null, ...line })}*${line.quantity}`)
    .join(',');
  const manual = sale.manualDiscount;
  const discount =
    manual === null
      ? ''
      : `|${manual.kind}:${manual.value}:${manual.lineKey ?? '*'}:${manual.approvalId ?? ''}:${manual.reason}`;
  return `${lines}|${sale.memo ?? ''}|${sale.couponCode ?? ''}${discount}`;
}

async function fetchOrder(orderId: string): Promise<Order | null> {
  try {
    return await call('sale:get', { orderId });
  } catch (error) {
    if (error instanceof IpcError && error.data.code === 'ORDER_NOT_FOUND') return null;
    throw error;
  }
}

/** What to do with the cart: open the window for an order, show a receipt, or settle a confirm. */
type NextStep =
  | { kind: 'window'; order: PendingOrder }
  | { kind: 'free'; order: PendingOrder }
  | { kind: 'paid'; order: Order }
  | { kind: 'split'; order: Order }
  | { kind: 'confirm'; approval: WindowApproval };

/**
 * The confirm main journaled and never finished, as the window's approval: the order's own, or a
 * card part's, asked about under the part's Toss orderId for the part's amount.
 */
function journaledApproval(order: Order): WindowApproval | null {
  const journaled = order.attempts.findLast((attempt) => attempt.outcome === 'CONFIRMING');
  if (journaled === undefined) return null;
  if (journaled.part === undefined)
    return { orderId: order.orderId, paymentKey: journaled.paymentKey, amount: order.amount };
  const part = order.parts.find((candidate) => candidate.part === journaled.part);
  return part === undefined
    ? null
    : {
        orderId: part.tossOrderId ?? partOrderId(order.orderId, part.part),
        paymentKey: journaled.paymentKey,
        amount: part.amount,
      };
}

/** Where an unchanged cart's order stands in main decides the step; null means start afresh. */
function stepForExisting(order: Order, pending: PendingOrder): NextStep | null {
  switch (order.status) {
    case 'PENDING':
      // Tenders already tried on it are its parts': the rest is taken in the split dialog, never as a whole.
      if (isSplit(order)) return { kind: 'split', order };
      return { kind: order.amount === 0 ? 'free' : 'window', order: pending };
    case 'PAID':
      return { kind: 'paid', order };
    case 'ABANDONED':
      return null;
    case 'CONFIRMING': {
      // Main journaled a confirm it never finished: settle that one before any new window.
      const approval = journaledApproval(order);
      return approval === null ? null : { kind: 'confirm', approval };
    }
    default: {
      const unhandled: never = order.status;
      throw new Error(`unhandled order status ${String(unhandled)}`);
    }
  }
}

/** Gives up an order the register no longer means to pay; main leaves a paid or mid-confirm one alone. */
async function abandon(orderId: string): Promise<void> {
  await call('sale:abandon', { orderId }).catch(() => undefined);
}

/** Reuses the pending order while the cart is unchanged and main can still take it; else a fresh order. */
async function nextStep(pending: PendingOrder | null, sale: Sale): Promise<NextStep> {
  const key = cartKey(sale);
  if (pending !== null && pending.cartKey === key) {
    const current = await fetchOrder(pending.orderId);
    const step = current === null ? null : stepForExisting(current, pending);
    if (step !== null) return step;
  } else if (pending !== null) {
    await abandon(pending.orderId);
  }
  const created = await call('sale:create', saleRequest(sale));
  const order = { ...created, cartKey: key };
  return { kind: created.amount === 0 ? 'free' : 'window', order };
}

export const useCheckout = create<CheckoutState & CheckoutActions>()((set, get) => {
  const paid = (order: Order): void => set({ ...initialCheckoutState, phase: 'paid', paidOrder: order });

  /** Main's answer to a payment: the receipt once the order is paid; one paid in parts goes back to its dialog until they add up. */
  function answered(order: Order): void {
    if (order.status === 'PAID' || !isSplit(order)) return paid(order);
    set({ phase: 'idle', approval: null, problem: null, split: { order, open: true } });
  }

  async function settleConfirmFailure(approval: WindowApproval, error: PosErrorData): Promise<void> {
    const problem: Problem = { source: 'main', error };
    if (outcomeUnknown(error)) {
      // Toss may have approved: keep the paymentKey so "check again" asks about this very payment.
      set({ phase: 'idle', approval, problem });
      return;
    }
    const ofPart = parsePartOrderId(approval.orderId);
    if (ofPart !== null) {
      // Main ended the part (declined, or refused): the order as it stands now shows it, the paid parts with it.
      set({ phase: 'idle', approval: null, problem });
      await split.refreshSplit(ofPart.orderId);
      return;
    }
    if (error.code === 'ORDER_ALREADY_PAID') {
      const order = await fetchOrder(approval.orderId).catch(() => null);
      if (order?.status === 'PAID') return paid(order);
    }
    set({ phase: 'idle', approval: null, problem, pending: ORDER_SPENT.has(error.code) ? null : get().pending });
  }

  /** Discounts took the whole amount: main records it paid, with no window and nothing sent to Toss. */
  async function completeFree(order: PendingOrder): Promise<void> {
    set({ phase: 'confirming', pending: order, problem: null });
    try {
      paid(await call('payment:complete-free', { orderId: order.orderId }));
    } catch (error) {
      const problem = toPosError(error);
      set({
        phase: 'idle',
        problem: { source: 'main', error: problem },
        pending: ORDER_SPENT.has(problem.code) ? null : order,
      });
    }
  }

  async function confirm(approval: WindowApproval): Promise<void> {
    set({ phase: 'confirming', approval, problem: null });
    try {
      answered(await call('payment:confirm', approval));
    } catch (error) {
      await settleConfirmFailure(approval, toPosError(error));
    }
  }

  /**
   * Where any payment of the cart starts: an unknown card outcome is settled first, a paid or
   * free order is finished; otherwise the order (reused while the cart is unchanged) to take
   * payment for. Null when there is nothing to take.
   */
  async function orderToPay(sale: Sale): Promise<PendingOrder | null> {
    const { phase, approval } = get();
    if (phase !== 'idle' || sale.lines.length === 0) return null;
    // An approval with an unknown outcome is resolved first: a new payment could charge twice.
    if (approval !== null) {
      await confirm(approval);
      return null;
    }
    set({ phase: 'creating-order', problem: null });
    let step: NextStep;
    try {
      step = await nextStep(get().pending, sale);
    } catch (error) {
      set({ phase: 'idle', problem: { source: 'main', error: toPosError(error) } });
      return null;
    }
    if (step.kind === 'paid') paid(step.order);
    else if (step.kind === 'split') set({ phase: 'idle', split: { order: step.order, open: true } });
    else if (step.kind === 'confirm') await confirm(step.approval);
    else if (step.kind === 'free') await completeFree(step.order);
    else return step.order;
    return null;
  }

  const split = splitActions(set, get, {
    orderToPay,
    confirm,
    answered,
    paid,
    fetchOrder,
    abandon,
    journaledApproval,
  });

  return {
    ...initialCheckoutState,
    ...split,

    async pay(sale, sdk) {
      const order = await orderToPay(sale);
      if (order === null) return;
      set({ phase: 'awaiting-window', pending: order });
      let windowApproval: WindowApproval;
      try {
        windowApproval = await requestCardPayment(sdk, order);
      } catch (error) {
        // The order stays PENDING in main, so the next Pay reuses it.
        const failure = error instanceof PaymentWindowError ? error : new PaymentWindowError(null, String(error));
        set({ phase: 'idle', problem: { source: 'window', code: failure.code, detail: failure.message } });
        return;
      }
      await confirm(windowApproval);
    },

    async payCash(sale, tender) {
      const order = await orderToPay(sale);
      if (order === null) return;
      set({ phase: 'confirming', pending: order });
      try {
        paid(
          await call('cash:sale', {
            orderId: order.orderId,
            received: tender.received,
            ...(tender.cashReceipt === null ? {} : { cashReceipt: tender.cashReceipt }),
          }),
        );
      } catch (error) {
        const problem = toPosError(error);
        set({
          phase: 'idle',
          problem: { source: 'main', error: problem },
          pending: ORDER_SPENT.has(problem.code) ? null : order,
        });
      }
    },

    async saleChanged(sale) {
      const { phase, pending, approval } = get();
      if (phase !== 'idle' || approval !== null || pending === null || pending.cartKey === cartKey(sale)) return;
      if (get().split !== null) return;
      set({ pending: null });
      await abandon(pending.orderId);
    },

    async checkAgain() {
      const { phase, approval } = get();
      if (phase === 'idle' && approval !== null) await confirm(approval);
    },

    async restore({ pending, approval, paidOrder }) {
      if (get().phase !== 'idle') return;
      if (paidOrder !== null) return paid(paidOrder);
      set({ pending, approval });
      // Asked about in the background: start-up never waits on Toss.
      if (approval !== null) void confirm(approval);
      // An order partly paid in parts comes back in its dialog, its paid parts listed.
      else if (pending !== null) void split.resumeSplit(pending.orderId);
    },

    dismissProblem() {
      set({ problem: null });
    },

    reset() {
      set(initialCheckoutState);
    },
  };
});

export function selectIsBusy(state: CheckoutState): boolean {
  return state.phase !== 'idle' && state.phase !== 'paid';
}

/** A payment is being taken or its outcome is still unknown: the register must stay on screen. */
export function selectPaymentInFlight(state: CheckoutState): boolean {
  return selectIsBusy(state) || state.approval !== null;
}

/** The cart may not change while a flow runs, while a payment's outcome is unknown, or while its order is paid in parts. */
export function selectCartLocked(state: CheckoutState): boolean {
  return state.phase !== 'idle' || state.approval !== null || state.split !== null;
}
