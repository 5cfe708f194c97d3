import { create } from 'zustand';
import type { Product } from '../../../../shared/domain/catalog';
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
}

interface CartActions {
  add(productId: string): void;
  changeQuantity(productId: string, delta: number): void;
  remove(productId: string): void;
  select(productId: string): void;
  moveSelection(delta: number): void;
  clear(): void;
}

export const initialCartState: CartState = { lines: [], selectedId: null };

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
          ? lines.map((line) => (line.productId === productId ? { ...line, quantity: clampQuantity(line.quantity + 1) } : line))
          : [...lines, { productId, quantity: 1 }],
        selectedId: productId,
      };
    });
  },
  changeQuantity(productId, delta) {
    set(({ lines }) => ({
      lines: lines.map((line) => (line.productId === productId ? { ...line, quantity: clampQuantity(line.quantity + delta) } : line)),
      selectedId: productId,
    }));
  },
  remove(productId) {
    set(({ lines, selectedId }) => {
      const index = lines.findIndex((line) => line.productId === productId);
      if (index < 0) return {};
      const rest = lines.filter((line) => line.productId !== productId);
      // Keep the keyboard on a neighbour so Delete can be pressed repeatedly.
      const neighbour = rest[Math.min(index, rest.length - 1)];
      return { lines: rest, selectedId: selectedId === productId ? (neighbour?.productId ?? null) : selectedId };
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

/** A cart line with what the screen shows for it. */
export interface CartLineView {
  product: Product;
  quantity: number;
  total: Won;
}

/** The cart priced from the catalog for display only; lines whose product vanished are dropped. */
export function cartView(lines: readonly CartLine[], products: ReadonlyMap<string, Product>): { lines: CartLineView[]; subtotal: Won } {
  const views: CartLineView[] = [];
  for (const line of lines) {
    const product = products.get(line.productId);
    if (product !== undefined) views.push({ product, quantity: line.quantity, total: lineTotal(product.price, line.quantity) });
  }
  return { lines: views, subtotal: sumWon(views.map((view) => view.total)) };
}
