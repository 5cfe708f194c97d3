import type { StoreApi } from 'zustand';
import type { Order, PaymentPart } from '../../../../shared/domain/order';
import { partOrderId } from '../../../../shared/domain/part-number';
import { isSplit, paidParts, partUnderWay } from '../../../../shared/domain/payment-parts';
import { taxFreeOfPart } from '../../../../shared/domain/tax-split';
import { call, toPosError } from '../../lib/ipc';
import type { CheckoutActions, CheckoutState, PendingOrder, Sale, SplitActions } from './checkout-types';
import { PaymentWindowError, requestCardPayment, type WindowApproval } from './toss-window';

type Store = CheckoutState & CheckoutActions;

/** What the split flow shares with the checkout store's own flow. */
export interface CheckoutFlow {
  orderToPay(sale: Sale): Promise<PendingOrder | null>;
  confirm(approval: WindowApproval): Promise<void>;
  /** Main's answer to a payment: the receipt once the order is paid, else the split dialog. */
  answered(order: Order): void;
  paid(order: Order): void;
  fetchOrder(orderId: string): Promise<Order | null>;
  abandon(orderId: string): Promise<void>;
  /** The confirm main journaled and never finished (the app died mid-confirm), as an approval to ask about again. */
  journaledApproval(order: Order): WindowApproval | null;
}

function windowFailure(error: unknown): PaymentWindowError {
  return error instanceof PaymentWindowError ? error : new PaymentWindowError(null, String(error));
}

export function splitActions(set: StoreApi<Store>['setState'], get: () => Store, flow: CheckoutFlow): SplitActions {
  /** Where main's order stands decides what the register shows. */
  function adopt(order: Order | null): void {
    if (order === null || order.status === 'ABANDONED') {
      // Given up (its paid parts all refunded, say): nothing is left to take, and the cart is free again.
      set({ split: null, pending: null });
      return;
    }
    if (order.status === 'PAID') return flow.paid(order);
    set({ split: { order, open: get().split?.open ?? true } });
  }

  /** A card part left open (its window gone with a reload) is given up before the next: nothing was taken on it. */
  async function dropLeftover(order: Order): Promise<Order> {
    const left = partUnderWay(order);
    if (left?.status !== 'OPEN') return order;
    return call('payment:drop-part', { orderId: order.orderId, part: left.part });
  }

  async function refreshQuietly(orderId: string): Promise<void> {
    try {
      const order = await flow.fetchOrder(orderId);
      if (get().phase === 'idle') adopt(order);
    } catch {
      // The dialog keeps what it showed; the next step asks main again.
    }
  }

  return {
    async openSplit(sale) {
      const { phase, split } = get();
      if (phase !== 'idle') return;
      if (split !== null) {
        set({ split: { ...split, open: true }, problem: null });
        return refreshQuietly(split.order.orderId);
      }
      // A paid, free or mid-confirm order is settled by the usual flow; an order with parts opens the dialog there.
      const pending = await flow.orderToPay(sale);
      if (pending === null) return;
      try {
        const order = await flow.fetchOrder(pending.orderId);
        if (order === null) throw new Error(`order ${pending.orderId} is gone`);
        set({ phase: 'idle', pending, split: { order, open: true } });
      } catch (error) {
        set({ phase: 'idle', pending, problem: { source: 'main', error: toPosError(error) } });
      }
    },

    async payPartByCard(amount, sdk) {
      const { phase, split, approval } = get();
      if (phase !== 'idle' || split === null || approval !== null) return;
      set({ phase: 'opening-part', problem: null });
      let opened: { part: PaymentPart; order: Order };
      try {
        opened = await call('payment:open-part', { orderId: (await dropLeftover(split.order)).orderId, amount });
      } catch (error) {
        set({ phase: 'idle', problem: { source: 'main', error: toPosError(error) } });
        return refreshQuietly(split.order.orderId);
      }
      const { part, order } = opened;
      set({ phase: 'awaiting-window', split: { order, open: true } });
      let approved: WindowApproval;
      try {
        approved = await requestCardPayment(sdk, {
          orderId: part.tossOrderId ?? partOrderId(order.orderId, part.part),
          orderName: order.orderName,
          amount: part.amount,
          taxFreeAmount: taxFreeOfPart(order, part.amount),
        });
      } catch (error) {
        const failure = windowFailure(error);
        // Declined or closed in the window: nothing was taken on this part, and its amount is free to pay another way.
        const dropped = await call('payment:drop-part', { orderId: order.orderId, part: part.part }).catch(() => order);
        set({
          phase: 'idle',
          split: { order: dropped, open: true },
          problem: { source: 'window', code: failure.code, detail: failure.message },
        });
        return;
      }
      await flow.confirm(approved);
    },

    async payPartInCash(amount, tender) {
      const { phase, split, approval } = get();
      if (phase !== 'idle' || split === null || approval !== null) return;
      set({ phase: 'confirming', problem: null });
      try {
        const order = await dropLeftover(split.order);
        flow.answered(
          await call('cash:pay-part', {
            orderId: order.orderId,
            amount,
            received: tender.received,
            ...(tender.cashReceipt === null ? {} : { cashReceipt: tender.cashReceipt }),
          }),
        );
      } catch (error) {
        set({ phase: 'idle', problem: { source: 'main', error: toPosError(error) } });
        await refreshQuietly(split.order.orderId);
      }
    },

    async closeSplit() {
      const { phase, split, approval } = get();
      if (split === null || phase !== 'idle' || approval !== null) return;
      if (paidParts(split.order).length > 0) {
        set({ split: { ...split, open: false }, problem: null });
        return;
      }
      set({ split: null, problem: null });
      // Tenders were tried on it: the cart's next payment starts on a fresh order, by one tender or in parts.
      if (isSplit(split.order)) {
        set({ pending: null });
        await flow.abandon(split.order.orderId);
      }
    },

    refreshSplit: refreshQuietly,

    async resumeSplit(orderId) {
      let order: Order | null;
      try {
        order = await flow.fetchOrder(orderId);
        if (order === null || !isSplit(order)) return;
        if (order.status === 'PENDING') order = await dropLeftover(order);
      } catch {
        return;
      }
      const { phase, pending, split, approval } = get();
      if (phase !== 'idle' || split !== null || approval !== null || pending?.orderId !== orderId) return;
      adopt(order);
      if (get().split === null) return;
      set({ split: { order, open: true } });
      // A part main was confirming when the app died is asked about at once, never paid again.
      const journaled = order.status === 'CONFIRMING' ? flow.journaledApproval(order) : null;
      if (journaled !== null) await flow.confirm(journaled);
    },
  };
}
