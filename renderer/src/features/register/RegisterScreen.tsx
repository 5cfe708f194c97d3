import { useEffect, useEffectEvent, useMemo, useRef, useState, type ReactNode } from 'react';
import { lineKeyOf } from '../../../../shared/domain/cart-line';
import { buildCatalogSearch } from '../../../../shared/domain/catalog-search';
import { codeShape, normalizeCode } from '../../../../shared/domain/coupon-code';
import { describeError } from '../../../../shared/i18n/error-messages';
import type { Catalog, OptionGroup, Product } from '../../../../shared/domain/catalog';
import type { PosErrorData } from '../../../../shared/domain/errors';
import { useLocale, useStrings } from '../../i18n/use-strings';
import { HintBar } from '../../ui/HintBar';
import { CashDialog, CheckoutProblem, selectCartLocked, selectIsBusy, useCheckout } from '../checkout';
import { CartPanel } from './CartPanel';
import { cartView, selectSale, useCart } from './cart-store';
import { applyCoupon } from './apply-coupon';
import { CategoryTabs } from './CategoryTabs';
import { DiscountDialog, type ApproveAgain } from './DiscountDialog';
import { CartMemoDialog } from './MemoDialog';
import { needsPicker } from './option-picker';
import { OptionPicker } from './OptionPicker';
import { followStock } from './follow-stock';
import { useFollowCatalog } from './follow-catalog';
import { ProductGrid } from './ProductGrid';
import { ALL_CATEGORIES, filterProducts } from './product-filter';
import { typedQuantity } from './register-keys';
import { repeatLastOrder } from './repeat-last-order';
import { keepSaleQuoted, useAmountDue, useSaleQuote } from './sale-quote';
import { SearchBox } from './SearchBox';
import { SplitDialogHost } from '../split';
import { startPayment, startSplit } from './start-payment';
import { takeScansForNextSale } from './scan-handover';
import { useBarcodeScanner, type Scan } from './use-barcode-scanner';
import { useRegisterShortcuts } from './use-register-shortcuts';
import './register.css';

interface RegisterScreenProps {
  catalog: Catalog;
  /** What other features put by the cart's title (held carts). */
  cartTools?: ReactNode;
  /** What other features put beside the search (the cash drawer). */
  searchTools?: ReactNode;
  /** What other features say above the products (the first product still to add). */
  catalogNotice?: ReactNode;
}

export function RegisterScreen({ catalog, cartTools, searchTools, catalogNotice }: RegisterScreenProps) {
  const text = useStrings();
  const locale = useLocale();
  const [categoryId, setCategoryId] = useState(ALL_CATEGORIES);
  const [query, setQueryText] = useState('');
  const [highlight, setHighlight] = useState(0);
  const [quantity, setQuantity] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [discountDialog, setDiscountDialog] = useState<{ again: ApproveAgain | null } | null>(null);
  const [cashOpen, setCashOpen] = useState(false);
  const [picking, setPicking] = useState<Product | null>(null);
  const [memoFor, setMemoFor] = useState<'line' | 'order' | null>(null);
  const cartLines = useCart((state) => state.lines);
  const searchRef = useRef<HTMLInputElement>(null);
  const couponRef = useRef<HTMLInputElement>(null);
  const repeated = useRef<Promise<unknown> | null>(null);
  const add = useCart((state) => state.add);
  const locked = useCheckout(selectCartLocked);
  const paying = useCheckout(selectIsBusy);

  useEffect(() => keepSaleQuoted(), []);
  useEffect(() => followStock(), []);
  useFollowCatalog();

  const productsById = useMemo(() => new Map<string, Product>(catalog.products.map((p) => [p.id, p])), [catalog]);
  // One index per catalog: search and the scanner's barcode lookup answer from it at every keystroke.
  const finder = useMemo(() => buildCatalogSearch(catalog.products), [catalog]);
  useEffect(() => {
    const idle = setTimeout(() => finder.prepare(), 0);
    return () => clearTimeout(idle);
  }, [finder]);
  const groupsById = useMemo(() => new Map<string, OptionGroup>(catalog.optionGroups.map((g) => [g.id, g])), [catalog]);
  const withOptions = useMemo(
    () => new Set(catalog.products.filter((p) => needsPicker(p, groupsById)).map((p) => p.id)),
    [catalog, groupsById],
  );
  const due = useAmountDue(
    useMemo(() => cartView(cartLines, productsById, groupsById).subtotal, [cartLines, productsById, groupsById]),
  );
  // A search looks in every category, whichever tab is chosen; the tab only narrows browsing.
  const results = (typed: string) => filterProducts(finder, typed.trim() === '' ? categoryId : ALL_CATEGORIES, typed);
  const visible = useMemo(
    () => filterProducts(finder, query.trim() === '' ? categoryId : ALL_CATEGORIES, query),
    [finder, categoryId, query],
  );
  const searching = query.trim() !== '';
  const highlighted = searching ? visible[Math.min(highlight, visible.length - 1)] : undefined;

  /** A product rung up: at once, or through the option picker when it has options. */
  function ringUp(product: Product): void {
    if (locked) return;
    if (withOptions.has(product.id)) setPicking(product);
    else add(product.id);
  }

  function editMemo(target: 'line' | 'order'): void {
    const { lines, selectedKey } = useCart.getState();
    const selected = lines.some((line) => lineKeyOf(line) === selectedKey);
    if (locked || lines.length === 0 || (target === 'line' && !selected)) return;
    setMemoFor(target);
  }

  function setQuery(next: string): void {
    setQueryText(next);
    setHighlight(0);
  }

  function addMatch(typed: string): void {
    const matches = results(typed);
    const chosen = typed === query ? matches[Math.min(highlight, matches.length - 1)] : matches[0];
    const product = chosen?.soldOut ? matches.find((p) => !p.soldOut) : chosen;
    if (product === undefined || locked) return;
    ringUp(product);
    setNotice(null);
    // Ready for the next product, and + / − and number keys now reach the line just added.
    setQuery('');
  }

  async function repeatLast(): Promise<void> {
    if (locked) return;
    const repeating = repeatLastOrder(productsById);
    repeated.current = repeating;
    const outcome = await repeating.finally(() => {
      if (repeated.current === repeating) repeated.current = null;
    });
    setNotice(outcome === 'none' ? text.noLastOrder : outcome === 'partly' ? text.lastOrderPartly : null);
  }

  /** A pay key pressed while F8's order is still on its way acts on that order, not on the cart before it. */
  function afterRepeat(action: () => void): void {
    const pending = repeated.current;
    if (pending === null) action();
    else void pending.then(action, action);
  }

  useRegisterShortcuts(quantity !== null, {
    focusSearch: () => {
      searchRef.current?.focus();
      searchRef.current?.select();
    },
    clearSearch: () => {
      const search = searchRef.current;
      if (search !== null && search.value === '') search.blur();
      else setQuery('');
    },
    moveResult: (delta) => setHighlight((index) => Math.max(0, Math.min(visible.length - 1, index + delta))),
    pay: () => afterRepeat(startPayment),
    payCash: () => {
      if (repeated.current === null) {
        if (!locked && useCart.getState().lines.length > 0 && due !== null) setCashOpen(true);
        return;
      }
      // The amount due is known once the repeated lines are on screen; the dialog waits for it.
      afterRepeat(() => setCashOpen(!selectCartLocked(useCheckout.getState()) && useCart.getState().lines.length > 0));
    },
    paySplit: () => afterRepeat(startSplit),
    focusCoupon: () => {
      if (!locked && useCart.getState().lines.length > 0) couponRef.current?.focus();
    },
    openDiscount: () => {
      if (!locked && useCart.getState().lines.length > 0) setDiscountDialog({ again: null });
    },
    editMemo,
    repeatLast: () => void repeatLast(),
    quantityKey: (key) => setQuantity((current) => typedQuantity(current ?? '', key)),
    applyQuantity: () => {
      const selected = useCart.getState().selectedKey;
      if (quantity !== null && quantity !== '' && selected !== null && !locked)
        useCart.getState().setQuantity(selected, Number(quantity));
      setQuantity(null);
    },
    cancelQuantity: () => setQuantity(null),
  });

  /** Main refused the cart discount's approval (`why`): the discount back in the dialog, the manager's PIN asked at once. */
  function approveAgain(why: PosErrorData | null): void {
    const discount = useCart.getState().manualDiscount;
    if (locked || why === null || discount === null) return;
    setDiscountDialog({ again: { discount, why } });
  }

  function approveAgainAfterPay(): void {
    const { problem, dismissProblem } = useCheckout.getState();
    dismissProblem();
    approveAgain(problem?.source === 'main' ? problem.error : null);
  }

  /** A scanned coupon goes on the cart like a typed one; main's refusal shows where scans are answered. */
  async function scanCoupon(code: string): Promise<void> {
    if (locked || useCart.getState().lines.length === 0) return setNotice(text.couponNeedsCart);
    const refused = await applyCoupon(code);
    setNotice(refused === null ? null : describeError(refused, locale));
  }

  function takeScan({ code, alone }: Scan): boolean {
    const product = finder.byBarcode(code);
    // Fast keys ending text already typed, and no product's code: the field's own Enter (a coupon, a search).
    if (!alone && product === undefined) return false;
    // What the scanner typed was the code: not a search, not a quantity.
    setQuery('');
    setQuantity(null);
    if (product === undefined && codeShape(normalizeCode(code)) === 'ok') void scanCoupon(code);
    else if (product === undefined) setNotice(text.barcodeUnknown(code));
    else if (product.soldOut) setNotice(`${product.name.ko} — ${text.soldOut}`);
    else if (!locked) {
      setNotice(null);
      ringUp(product);
    }
    return true;
  }

  useBarcodeScanner(takeScan);
  // The scan that started this sale on the receipt screen.
  const takeHandedOver = useEffectEvent((code: string) => takeScan({ code, alone: true }));
  useEffect(() => takeScansForNextSale(takeHandedOver), []);

  return (
    <div className="screen">
      <h1 className="visually-hidden">{text.registerTitle}</h1>
      {paying && (
        <p className="customer-paying" role="status" data-testid="customer-paying">
          {text.customerPaying}
        </p>
      )}
      <div className="register">
        <CheckoutProblem
          onPayAgain={startPayment}
          onApproveAgain={approveAgainAfterPay}
          onPayCash={() => setCashOpen(due !== null)}
          onSplit={startSplit}
        />
        <section className="catalog-pane" aria-label={text.searchLabel}>
          <div className="search-row">
            <SearchBox
              ref={searchRef}
              value={query}
              onChange={setQuery}
              onSubmit={addMatch}
              activeResultId={highlighted ? `result-${highlighted.id}` : null}
            />
            {searchTools}
          </div>
          <p className="scan-problem" role="alert" data-testid="scan-problem">
            {notice}
          </p>
          <CategoryTabs
            categories={catalog.categories}
            selectedId={searching ? null : categoryId}
            onSelect={setCategoryId}
          />
          {catalogNotice}
          {searching && (
            <p className="search-scope" data-testid="search-scope">
              {text.searchingAll(visible.length)}
            </p>
          )}
          <ProductGrid
            products={visible}
            disabled={locked}
            highlightedId={highlighted?.id ?? null}
            withOptions={withOptions}
            listKey={searching ? `search:${query}` : `category:${categoryId}`}
            onAdd={(id) => {
              const product = productsById.get(id);
              if (product !== undefined) ringUp(product);
            }}
          />
        </section>
        <CartPanel
          products={productsById}
          groups={groupsById}
          typedQuantity={quantity}
          couponRef={couponRef}
          onOpenDiscount={() => setDiscountDialog({ again: null })}
          onApproveAgain={() => approveAgain(useSaleQuote.getState().problem)}
          onOpenCash={() => setCashOpen(true)}
          onEditMemo={editMemo}
          cashDue={due}
          tools={cartTools}
        />
      </div>
      {discountDialog !== null && (
        <DiscountDialog
          products={productsById}
          groups={groupsById}
          again={discountDialog.again}
          onClose={() => setDiscountDialog(null)}
        />
      )}
      {picking !== null && (
        <OptionPicker
          product={picking}
          groups={groupsById}
          onAdd={(picks) => {
            setPicking(null);
            if (!selectCartLocked(useCheckout.getState())) add(picking.id, picks);
          }}
          onCancel={() => setPicking(null)}
        />
      )}
      {memoFor !== null && <CartMemoDialog target={memoFor} products={productsById} onClose={() => setMemoFor(null)} />}
      {cashOpen && due !== null && (
        <CashDialog
          amount={due}
          onClose={() => setCashOpen(false)}
          onTake={(tender) => {
            setCashOpen(false);
            void useCheckout.getState().payCash(selectSale(useCart.getState()), tender);
          }}
        />
      )}
      <SplitDialogHost />
      <HintBar hints={text.registerHints} />
    </div>
  );
}
