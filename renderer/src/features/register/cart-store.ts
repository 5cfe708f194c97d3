import { create } from 'zustand';
import type { Product } from '../../../../shared/domain/catalog';
import type { ManualDiscount } from '../../../../shared/domain/coupons';
import { lineTotal, sumWon, type Won } from '../../../../shared/domain/money';
import { MAX_LINE_QUANTITY } from '../../../../shared/domain/order';

/** What the cashier rang up. Only ids and quantities: main prices the order. */
export interface CartLine {
  productId: string;
  quantity: number;
}

interface CartState {
  lines: CartLine[];
  /** The line the keyboard acts on (+, −, Delete). */
  selectedId: string | null;
  /** The coupon main accepted for this cart (it checks it again at every quote and order). */
  couponCode: string | null;
  manualDiscount: ManualDiscount | null;
}

interface CartActions {
  add(productId: string): void;
  changeQuantity(productId: string, delta: number): void;
  /** Typed with the number keys: the line gets exactly this many. */
  setQuantity(productId: string, quantity: number): void;
  /** Adds these lines to the cart ("same again"), merging products already in it. */
  addLines(lines: readonly CartLine[]): void;
  /** The cart as main kept it (a reload, a crash of the window). */
  restore(saved: {
    lines: readonly CartLine[];
    couponCode: string | null;
    manualDiscount: ManualDiscount | null;
  }): void;
  setCoupon(code: string | null): void;
  setManualDiscount(discount: ManualDiscount | null): void;
  remove(productId: string): void;
  select(productId: string): void;
  moveSelection(delta: number): void;
  clear(): void;
}

export const initialCartState: CartState = { lines: [], selectedId: null, couponCode: null, manualDiscount: null };

function clampQuantity(quantity: number): number {
  return Math.min(MAX_LINE_QUANTITY, Math.max(1, quantity));
}

export const useCart = create<CartState & CartActions>()((set) => ({
  ...initialCartState,
  add(productId) {
    set(({ lines }) => {
      const exists = lines.some((line) => line.productId === productId);
      return {
        lines: exists
          ? lines.map((line) =>
              line.productId === productId ? { ...line, quantity: clampQuantity(line.quantity + 1) } : line,
            )
          : [...lines, { productId, quantity: 1 }],
        selectedId: productId,
      };
    });
  },
  changeQuantity(productId, delta) {
    set(({ lines }) => ({
      lines: lines.map((line) =>
        line.productId === productId ? { ...line, quantity: clampQuantity(line.quantity + delta) } : line,
      ),
      selectedId: productId,
    }));
  },
  setQuantity(productId, quantity) {
    set(({ lines }) => ({
      lines: lines.map((line) =>
        line.productId === productId ? { ...line, quantity: clampQuantity(quantity) } : line,
      ),
      selectedId: productId,
    }));
  },
  addLines(added) {
    set(({ lines, selectedId }) => {
      const next = lines.map((line) => ({ ...line }));
      for (const { productId, quantity } of added) {
        const existing = next.find((line) => line.productId === productId);
        if (existing) existing.quantity = clampQuantity(existing.quantity + quantity);
        else next.push({ productId, quantity: clampQuantity(quantity) });
      }
      return { lines: next, selectedId: added[added.length - 1]?.productId ?? selectedId };
    });
  },
  restore({ lines, couponCode, manualDiscount }) {
    set({
      lines: lines.map((line) => ({ productId: line.productId, quantity: clampQuantity(line.quantity) })),
      selectedId: lines[lines.length - 1]?.productId ?? null,
      couponCode,
      manualDiscount,
    });
  },
  setCoupon(couponCode) {
    set({ couponCode });
  },
  setManualDiscount(manualDiscount) {
    set({ manualDiscount });
  },
  remove(productId) {
    set(({ lines, selectedId, manualDiscount }) => {
      const index = lines.findIndex((line) => line.productId === productId);
      if (index < 0) return {};
      const rest = lines.filter((line) => line.productId !== productId);
      // Keep the keyboard on a neighbour so Delete can be pressed repeatedly.
      const neighbour = rest[Math.min(index, rest.length - 1)];
      const discountGone = manualDiscount?.productId === productId || rest.length === 0;
      return {
        lines: rest,
        selectedId: selectedId === productId ? (neighbour?.productId ?? null) : selectedId,
        ...(discountGone ? { manualDiscount: null } : {}),
        ...(rest.length === 0 ? { couponCode: null } : {}),
      };
    });
  },
  select(productId) {
    set({ selectedId: productId });
  },
  moveSelection(delta) {
    set(({ lines, selectedId }) => {
      if (lines.length === 0) return {};
      const current = lines.findIndex((line) => line.productId === selectedId);
      const start = current < 0 ? (delta > 0 ? -1 : lines.length) : current;
      const next = Math.min(lines.length - 1, Math.max(0, start + delta));
      return { selectedId: lines[next]?.productId ?? null };
    });
  },
  clear() {
    set(initialCartState);
  },
}));

/** The cart as checkout takes it. */
export function selectSale(state: CartState) {
  return { lines: state.lines, couponCode: state.couponCode, manualDiscount: state.manualDiscount };
}

/** A cart line with what the screen shows for it. */
export interface CartLineView {
  product: Product;
  quantity: number;
  total: Won;
}

/** The cart priced from the catalog for display only; lines whose product vanished are dropped. */
export function cartView(
  lines: readonly CartLine[],
  products: ReadonlyMap<string, Product>,
): { lines: CartLineView[]; subtotal: Won } {
  const views: CartLineView[] = [];
  for (const line of lines) {
    const product = products.get(line.productId);
    if (product !== undefined)
      views.push({ product, quantity: line.quantity, total: lineTotal(product.price, line.quantity) });
  }
  return { lines: views, subtotal: sumWon(views.map((view) => view.total)) };
}
