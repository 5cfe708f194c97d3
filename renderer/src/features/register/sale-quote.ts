import { create } from 'zustand';
import type { PosErrorData } from '../../../../shared/domain/errors';
import type { Won } from '../../../../shared/domain/money';
import type { SaleQuote } from '../../../../shared/domain/order';
import { call, toPosError } from '../../lib/ipc';
import { saleRequest, useCheckout, type Sale } from '../checkout';
import { selectSale, useCart } from './cart-store';

interface SaleQuoteState {
  /** Main's price for the cart with its discounts; null without discounts (the cart's own sum is the price). */
  quote: SaleQuote | null;
  /** Why main will not take the cart's coupon or discount as it stands. */
  problem: PosErrorData | null;
  loading: boolean;
}

export const useSaleQuote = create<SaleQuoteState>()(() => ({ quote: null, problem: null, loading: false }));

function discounted(sale: Sale): boolean {
  return sale.lines.length > 0 && (sale.couponCode !== null || sale.manualDiscount !== null);
}

/** Main's quote for a sale; the register's own open order may already hold its coupon. */
export function quoteSale(sale: Sale): Promise<SaleQuote> {
  const heldBy = useCheckout.getState().pending?.orderId;
  return call('sale:quote', { ...saleRequest(sale), ...(heldBy === undefined ? {} : { heldBy }) });
}

/**
 * Keeps the quote in step with the cart: every change first lets main give up an open order
 * that no longer matches (freeing its coupon), then asks main for the new price. Only the
 * newest answer is shown. Returns the way to stop.
 */
export function keepSaleQuoted(): () => void {
  let asked = 0;
  let last = '';
  async function follow(): Promise<void> {
    const sale = selectSale(useCart.getState());
    const key = JSON.stringify(sale);
    if (key === last) return;
    last = key;
    const ask = ++asked;
    await useCheckout.getState().saleChanged(sale);
    if (!discounted(sale)) {
      if (ask === asked) useSaleQuote.setState({ quote: null, problem: null, loading: false });
      return;
    }
    useSaleQuote.setState({ loading: true });
    try {
      const quote = await quoteSale(sale);
      if (ask === asked) useSaleQuote.setState({ quote, problem: null, loading: false });
    } catch (error) {
      if (ask === asked) useSaleQuote.setState({ quote: null, problem: toPosError(error), loading: false });
    }
  }
  void follow();
  return useCart.subscribe(() => void follow());
}

/**
 * What the customer pays for the cart now: main's quote once discounted, else the cart's own sum;
 * null while main is still pricing a discounted cart, or refused it.
 */
export function useAmountDue(subtotal: Won): Won | null {
  const { quote, loading, problem } = useSaleQuote();
  const discountedNow = useCart((state) => discounted(selectSale(state)));
  if (!discountedNow) return subtotal;
  return loading || problem !== null ? null : (quote?.amount ?? null);
}
