import { useMemo, type ReactNode, type Ref } from 'react';
import type { OptionGroup, Product } from '../../../../shared/domain/catalog';
import { useLocale, useStrings } from '../../i18n/use-strings';
import { PayButton, selectCartLocked, selectIsBusy, useCashTexts, useCheckout } from '../checkout';
import { SplitButton, SplitStanding } from '../split';
import { CartDiscounts } from './CartDiscounts';
import { CartLineRow } from './CartLineRow';
import { CartTotals } from './CartTotals';
import { cartView, useCart } from './cart-store';
import { useOptionStrings } from './option-strings';
import { useSaleQuote } from './sale-quote';
import { startPayment, startSplit } from './start-payment';
import './cart.css';

interface CartPanelProps {
  products: ReadonlyMap<string, Product>;
  groups: ReadonlyMap<string, OptionGroup>;
  typedQuantity: string | null;
  couponRef: Ref<HTMLInputElement>;
  onOpenDiscount: () => void;
  /** The cart's discount again, for a manager's PIN (its approval was refused). */
  onApproveAgain: () => void;
  onOpenCash: () => void;
  /** The memo of the selected line (F3), or of the whole order (Shift+F3). */
  onEditMemo: (target: 'line' | 'order') => void;
  /** What a cash payment would take; null while main is still pricing the cart. */
  cashDue: number | null;
  /** What other features put by the cart's title (held carts). */
  tools?: ReactNode;
}

export function CartPanel({
  products,
  groups,
  typedQuantity,
  couponRef,
  onOpenDiscount,
  onApproveAgain,
  onOpenCash,
  onEditMemo,
  cashDue,
  tools,
}: CartPanelProps) {
  const text = useStrings();
  const memoText = useOptionStrings();
  const locale = useLocale();
  const cashText = useCashTexts();
  const busy = useCheckout(selectIsBusy);
  const lines = useCart((state) => state.lines);
  const selectedKey = useCart((state) => state.selectedKey);
  const memo = useCart((state) => state.memo);
  const locked = useCheckout(selectCartLocked);
  const quote = useSaleQuote((state) => state.quote);
  const view = useMemo(() => cartView(lines, products, groups), [lines, products, groups]);
  const selected = view.lines.find((line) => line.key === selectedKey);
  const count = view.lines.reduce((sum, line) => sum + line.quantity, 0);

  return (
    <aside className="cart-pane" aria-label={text.cartTitle}>
      <header className="cart-header">
        <h2>{text.cartTitle}</h2>
        {count > 0 && <span className="cart-count">{text.cartCount(count)}</span>}
        {tools}
        {view.lines.length > 0 && (
          <span className="cart-memo-buttons">
            <button
              type="button"
              className="button button-plain button-small"
              disabled={locked || selected === undefined}
              title={selected === undefined ? undefined : memoText.lineMemoButton(selected.product.name[locale])}
              onClick={() => onEditMemo('line')}
              data-testid="line-memo-open"
            >
              {memoText.lineMemo}
            </button>
            <button
              type="button"
              className="button button-plain button-small"
              disabled={locked}
              title={memoText.orderMemoButton}
              onClick={() => onEditMemo('order')}
              data-testid="order-memo-open"
            >
              {memoText.orderMemo}
            </button>
          </span>
        )}
      </header>
      {view.lines.length === 0 ? (
        <div className="cart-empty">
          <p className="cart-empty-title">{text.emptyCart}</p>
          <p className="cart-empty-hint">{text.emptyCartHint}</p>
        </div>
      ) : (
        <ul className="cart-lines">
          {view.lines.map((line) => (
            <CartLineRow
              key={line.key}
              line={line}
              selected={line.key === selectedKey}
              locked={locked}
              typedQuantity={line.key === selectedKey ? typedQuantity : null}
            />
          ))}
        </ul>
      )}
      {memo !== null && view.lines.length > 0 && (
        <p className="cart-order-memo" data-testid="cart-order-memo">
          <span>{memoText.orderMemo}</span> {memo}
        </p>
      )}
      {view.lines.length > 0 && (
        <CartDiscounts
          couponRef={couponRef}
          locked={locked}
          onOpenDiscount={onOpenDiscount}
          onApproveAgain={onApproveAgain}
        />
      )}
      <CartTotals subtotal={view.subtotal} taxFree={view.taxFree} quote={quote} />
      <SplitStanding />
      {/* Side by side: a second row would take the cart lines' room on a 1024×768 terminal. */}
      <div className="pay-row">
        <PayButton cartEmpty={view.lines.length === 0} onPay={startPayment} />
        <button
          type="button"
          className="button button-plain cash-button"
          data-testid="pay-cash"
          disabled={busy || locked || view.lines.length === 0 || cashDue === null}
          onClick={onOpenCash}
        >
          {cashText.cashButton}
        </button>
        <SplitButton cartEmpty={view.lines.length === 0} onSplit={startSplit} />
      </div>
    </aside>
  );
}
