import { create } from 'zustand';
import type { OptionGroup, Product } from '../../../../shared/domain/catalog';
import type { ManualDiscount } from '../../../../shared/domain/coupons';
import { lineTotal, sumWon, type Won } from '../../../../shared/domain/money';
import {
  canonicalPicks,
  lineKeyOf,
  MAX_LINE_QUANTITY,
  type CartLine,
  type OptionPick,
} from '../../../../shared/domain/cart-line';

export type { CartLine };

interface CartState {
  lines: CartLine[];
  /** The line (lineKeyOf) the keyboard acts on (+, −, Delete). */
  selectedKey: string | null;
  /** The cashier's note on the whole order. */
  memo: string | null;
  /** The coupon main accepted for this cart (it checks it again at every quote and order). */
  couponCode: string | null;
  manualDiscount: ManualDiscount | null;
}

interface CartActions {
  /** One more of a product with these options and memo: the same line if it is already rung up. */
  add(productId: string, options?: readonly OptionPick[], memo?: string | null): void;
  changeQuantity(key: string, delta: number): void;
  /** Typed with the number keys: the line gets exactly this many. */
  setQuantity(key: string, quantity: number): void;
  /** A line's memo; a line that then equals another is merged into it. */
  setLineMemo(key: string, memo: string | null): void;
  setMemo(memo: string | null): void;
  /** Adds these lines to the cart ("same again"), merging lines already in it. */
  addLines(lines: readonly CartLine[]): void;
  /** The cart as main kept it (a reload, a crash of the window, a held order resumed). */
  restore(saved: {
    lines: readonly CartLine[];
    memo: string | null;
    couponCode: string | null;
    manualDiscount: ManualDiscount | null;
  }): void;
  setCoupon(code: string | null): void;
  setManualDiscount(discount: ManualDiscount | null): void;
  remove(key: string): void;
  select(key: string): void;
  moveSelection(delta: number): void;
  clear(): void;
}

export const initialCartState: CartState = {
  lines: [],
  selectedKey: null,
  memo: null,
  couponCode: null,
  manualDiscount: null,
};

function clampQuantity(quantity: number): number {
  return Math.min(MAX_LINE_QUANTITY, Math.max(1, quantity));
}

/** Lines added one after the other, the same ones (lineKeyOf) merged in place. */
function merged(lines: readonly CartLine[], added: readonly CartLine[]): CartLine[] {
  const next = lines.map((line) => ({ ...line }));
  for (const line of added) {
    const key = lineKeyOf(line);
    const existing = next.find((other) => lineKeyOf(other) === key);
    if (existing) existing.quantity = clampQuantity(existing.quantity + line.quantity);
    else next.push({ ...line, options: canonicalPicks(line.options), quantity: clampQuantity(line.quantity) });
  }
  return next;
}

function lastKey(lines: readonly CartLine[]): string | null {
  const last = lines[lines.length - 1];
  return last ? lineKeyOf(last) : null;
}

export const useCart = create<CartState & CartActions>()((set) => {
  const changeLine = (key: string, change: (line: CartLine) => CartLine) =>
    set(({ lines }) => ({
      lines: lines.map((line) => (lineKeyOf(line) === key ? change(line) : line)),
      selectedKey: key,
    }));
  return {
    ...initialCartState,
    add(productId, options = [], memo = null) {
      const line: CartLine = { productId, quantity: 1, options: canonicalPicks(options), memo };
      set(({ lines }) => ({ lines: merged(lines, [line]), selectedKey: lineKeyOf(line) }));
    },
    changeQuantity(key, delta) {
      changeLine(key, (line) => ({ ...line, quantity: clampQuantity(line.quantity + delta) }));
    },
    setQuantity(key, quantity) {
      changeLine(key, (line) => ({ ...line, quantity: clampQuantity(quantity) }));
    },
    setLineMemo(key, memo) {
      set(({ lines, manualDiscount }) => {
        const line = lines.find((other) => lineKeyOf(other) === key);
        if (!line) return {};
        const changed = { ...line, memo };
        const rest = lines.filter((other) => other !== line);
        const index = lines.indexOf(line);
        const next = merged([...rest.slice(0, index)], [changed]).concat(
          rest.slice(index).filter((other) => lineKeyOf(other) !== lineKeyOf(changed)),
        );
        return {
          lines: next,
          selectedKey: lineKeyOf(changed),
          ...(manualDiscount?.lineKey === key ? { manualDiscount: null } : {}),
        };
      });
    },
    setMemo(memo) {
      set({ memo });
    },
    addLines(added) {
      set(({ lines, selectedKey }) => ({ lines: merged(lines, added), selectedKey: lastKey(added) ?? selectedKey }));
    },
    restore({ lines, memo, couponCode, manualDiscount }) {
      const restored = merged([], lines);
      set({ lines: restored, selectedKey: lastKey(restored), memo, couponCode, manualDiscount });
    },
    setCoupon(couponCode) {
      set({ couponCode });
    },
    setManualDiscount(manualDiscount) {
      set({ manualDiscount });
    },
    remove(key) {
      set(({ lines, selectedKey, manualDiscount }) => {
        const index = lines.findIndex((line) => lineKeyOf(line) === key);
        if (index < 0) return {};
        const rest = lines.filter((_, i) => i !== index);
        // Keep the keyboard on a neighbour so Delete can be pressed repeatedly.
        const neighbour = rest[Math.min(index, rest.length - 1)];
        const discountGone = manualDiscount?.lineKey === key || rest.length === 0;
        return {
          lines: rest,
          selectedKey: selectedKey === key ? (neighbour ? lineKeyOf(neighbour) : null) : selectedKey,
          ...(discountGone ? { manualDiscount: null } : {}),
          ...(rest.length === 0 ? { couponCode: null } : {}),
        };
      });
    },
    select(key) {
      set({ selectedKey: key });
    },
    moveSelection(delta) {
      set(({ lines, selectedKey }) => {
        if (lines.length === 0) return {};
        const current = lines.findIndex((line) => lineKeyOf(line) === selectedKey);
        const start = current < 0 ? (delta > 0 ? -1 : lines.length) : current;
        const next = lines[Math.min(lines.length - 1, Math.max(0, start + delta))];
        return { selectedKey: next ? lineKeyOf(next) : null };
      });
    },
    clear() {
      set(initialCartState);
    },
  };
});

/** The cart as checkout takes it. */
export function selectSale(state: CartState) {
  return {
    lines: state.lines,
    memo: state.memo,
    couponCode: state.couponCode,
    manualDiscount: state.manualDiscount,
  };
}

/** An option on a cart line as the screen shows it. */
export interface OptionView {
  optionId: string;
  name: { ko: string; en: string };
  count: number;
  /** Per unit of the line: the option's price times its count. */
  price: Won;
}

/** A cart line with what the screen shows for it. */
export interface CartLineView {
  key: string;
  product: Product;
  options: OptionView[];
  memo: string | null;
  quantity: number;
  unitPrice: Won;
  total: Won;
}

/**
 * The cart priced from the catalog for display only (main prices the order); lines whose
 * product vanished are dropped, and options no longer offered are left out.
 */
export function cartView(
  lines: readonly CartLine[],
  products: ReadonlyMap<string, Product>,
  groups: ReadonlyMap<string, OptionGroup> = new Map(),
): { lines: CartLineView[]; subtotal: Won; taxFree: Won } {
  const views: CartLineView[] = [];
  for (const line of lines) {
    const product = products.get(line.productId);
    if (product === undefined) continue;
    // In the product's group order, as the picker showed them and main sells them.
    const offered = product.optionGroupIds.flatMap((id) => groups.get(id)?.options ?? []);
    const options = offered.flatMap((option): OptionView[] => {
      const count = line.options.find((pick) => pick.optionId === option.id)?.count;
      return count === undefined
        ? []
        : [{ optionId: option.id, name: option.name, count, price: lineTotal(option.price, count) }];
    });
    const unitPrice = sumWon([product.price, ...options.map((option) => option.price)]);
    views.push({
      key: lineKeyOf(line),
      product,
      options,
      memo: line.memo,
      quantity: line.quantity,
      unitPrice,
      total: lineTotal(unitPrice, line.quantity),
    });
  }
  return {
    lines: views,
    subtotal: sumWon(views.map((view) => view.total)),
    // The 면세 products' share, so the totals put VAT on the 과세 part only (as main's pricing does).
    taxFree: sumWon(views.filter((view) => view.product.taxFree).map((view) => view.total)),
  };
}
