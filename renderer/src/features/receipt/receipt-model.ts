import { lineKeyOf } from '../../../../shared/domain/cart-line';
import { formatBusinessNumber } from '../../../../shared/domain/business-number';
import { cardCompanyName } from '../../../../shared/domain/card-companies';
import type { CashTender } from '../../../../shared/domain/cash';
import { formatWon, sumWon } from '../../../../shared/domain/money';
import { optionsText } from '../../../../shared/domain/option-text';
import type { Order, OrderLine, PaymentPart, PaymentRecord } from '../../../../shared/domain/order';
import { isSplit, paidParts } from '../../../../shared/domain/payment-parts';
import type { PaperWidth } from '../../../../shared/domain/receipt-print';
import type { RefundEntry } from '../../../../shared/domain/refunds';
import type { StoreInfo } from '../../../../shared/domain/settings';
import { taxFreeOfCancel, taxSplit } from '../../../../shared/domain/tax-split';
import { seoulIso } from '../../../../shared/domain/time';
import type { Locale } from '../../../../shared/i18n/error-messages';
import { discountLabel } from '../../i18n/discount-label';
import { formatTossTerm } from '../../i18n/format';
import { partLabel } from '../../i18n/part-label';
import { orderSplit, taxRows } from '../../i18n/tax-rows';
import { paperLayout, type PaperLayout } from './paper-layout';
import { receiptTexts, type ReceiptStrings } from './receipt-strings';
import { safeHttpUrl } from './safe-url';

export interface PaperRow {
  label: string;
  value: string;
}

export interface PaperItem {
  name: string;
  /** The options sold with it ("ICE · 라지 · 샷 추가 ×2"), or null. */
  options: string | null;
  /** The cashier's note on the line, or null. */
  memo: string | null;
  /** Null for a refund by amount, which names no line. */
  quantity: number | null;
  unitPrice: string | null;
  amount: string;
}

/** Everything that goes on paper, in order, as text: the layout draws it, the tests read it. */
export interface PaperReceiptModel {
  kind: 'sale' | 'refund';
  layout: PaperLayout;
  title: string;
  training: string | null;
  /** Said above everything else: a refund Toss has not confirmed yet. */
  notice: string | null;
  store: { name: string; lines: string[] } | null;
  storeMissing: string | null;
  meta: PaperRow[];
  /** The item table's column heads. */
  columns: { item: string; quantity: string; amount: string };
  items: PaperItem[];
  /** Before discounts; shown only when there are some. */
  subtotal: PaperRow | null;
  /** Coupons and manual discounts, as negative amounts. */
  adjustments: PaperRow[];
  total: PaperRow;
  /** 공급가액 and 부가세 of the total. */
  taxes: PaperRow[];
  payment: PaperRow[];
  qr: { url: string; caption: string } | null;
  footer: string;
  /** What the save dialog offers as the PDF's name. */
  fileName: string;
}

/** Which receipt of an order: the sale, or one of its refunds. */
export type ReceiptSubject = { kind: 'sale' } | { kind: 'refund'; refund: RefundEntry };

export interface ReceiptModelInput {
  order: Order;
  subject: ReceiptSubject;
  store: StoreInfo | null;
  locale: Locale;
  paperWidth: PaperWidth;
  /** A line's name in the register's language, when the catalog still knows it; the recorded name otherwise. */
  lineName?: (line: Pick<OrderLine, 'productId' | 'name'>) => string;
  /** A line's options in one text, in the register's language when the catalog still knows them; as recorded otherwise. */
  lineOptions?: (line: Pick<OrderLine, 'options'>) => string;
}

type Namer = (line: Pick<OrderLine, 'productId' | 'name'>) => string;
type OptionNamer = (line: Pick<OrderLine, 'options'>) => string;

/** What a sold line adds under its name: its options and its memo. */
function lineNotes(line: Pick<OrderLine, 'options' | 'memo'>, optionsOf: OptionNamer) {
  const options = optionsOf(line);
  return { options: options === '' ? null : options, memo: line.memo };
}

/** "2026-12-01 14:03:27", Seoul time: what receipts print. */
function receiptTime(iso: string): string {
  const at = Date.parse(iso);
  return Number.isNaN(at) ? iso : seoulIso(new Date(at)).slice(0, 19).replace('T', ' ');
}

function storeBlock(store: StoreInfo, text: ReceiptStrings) {
  return {
    name: store.name,
    lines: [
      `${text.owner} ${store.owner}`,
      `${text.businessNumber} ${formatBusinessNumber(store.businessNumber)}`,
      store.address,
      `${text.phone} ${store.phone}`,
    ],
  };
}

function tradedAt(order: Order): string {
  return order.payment?.approvedAt ?? order.cash?.paidAt ?? order.updatedAt;
}

function receiptUrl(order: Order): string | null {
  return safeHttpUrl(order.payment?.receiptUrl ?? order.cash?.cashReceipt?.receiptUrl ?? null);
}

/** Which card paid: its company and Toss's masked number. */
function cardIdentityRows(payment: PaymentRecord, text: ReceiptStrings, locale: Locale): PaperRow[] {
  const rows: PaperRow[] = [];
  const company = cardCompanyName(payment.issuerCode, locale);
  if (company !== null) rows.push({ label: text.cardCompany, value: company });
  if (payment.cardNumber !== null) rows.push({ label: text.cardNumber, value: payment.cardNumber });
  return rows;
}

/** A card payment's rows; a split order's card part is already named by its heading, so it goes without its method. */
function cardRows(payment: PaymentRecord, text: ReceiptStrings, locale: Locale, withMethod = true): PaperRow[] {
  const rows: PaperRow[] = [];
  if (withMethod && payment.method !== null)
    rows.push({ label: text.method, value: formatTossTerm(payment.method, locale) });
  rows.push(...cardIdentityRows(payment, text, locale));
  if (payment.cardType !== null) rows.push({ label: text.cardType, value: formatTossTerm(payment.cardType, locale) });
  if (payment.installmentPlanMonths !== null)
    rows.push({
      label: text.installment,
      value: payment.installmentPlanMonths === 0 ? text.lumpSum : text.months(payment.installmentPlanMonths),
    });
  if (payment.approveNo !== null) rows.push({ label: text.approveNo, value: payment.approveNo });
  rows.push({ label: text.approvedAt, value: receiptTime(payment.approvedAt) });
  return rows;
}

/** Cash taken: what was handed over and the change (`withTender`), and its 현금영수증; `withMethod` says 현금 first. */
function cashRows(
  cash: CashTender | null,
  text: ReceiptStrings,
  locale: Locale,
  withTender: boolean,
  withMethod = withTender,
): PaperRow[] {
  if (cash === null) return [];
  const won = (amount: number) => formatWon(amount, locale);
  const rows: PaperRow[] = [
    ...(withMethod ? [{ label: text.method, value: text.cash }] : []),
    ...(withTender
      ? [
          { label: text.received, value: won(cash.received) },
          { label: text.change, value: won(cash.change) },
        ]
      : []),
  ];
  const receipt = cash.cashReceipt;
  if (receipt === null) return rows;
  rows.push({ label: text.cashReceipt, value: `${receipt.type} · ${text.cashReceiptState[receipt.status]}` });
  rows.push({
    label: text.cashReceiptIdentity,
    value: receipt.selfIssued ? `${receipt.identityMasked} (${text.cashReceiptSelfIssued})` : receipt.identityMasked,
  });
  if (receipt.issueNumber !== null) rows.push({ label: text.cashReceiptNo, value: receipt.issueNumber });
  return rows;
}

function saleParts(order: Order, text: ReceiptStrings, locale: Locale, nameOf: Namer, optionsOf: OptionNamer) {
  const won = (amount: number) => formatWon(amount, locale);
  const items = order.lines.map((line) => ({
    name: nameOf(line),
    ...lineNotes(line, optionsOf),
    quantity: line.quantity,
    unitPrice: won(line.unitPrice),
    amount: won(line.lineTotal),
  }));
  const adjustments = order.discounts.map((discount) => ({
    label: discountLabel(discount, locale),
    value: `−${won(discount.amount)}`,
  }));
  const subtotal =
    adjustments.length === 0
      ? null
      : { label: text.subtotal, value: won(sumWon(order.lines.map((line) => line.lineTotal))) };
  const total = { label: text.total, value: won(order.amount) };
  const taxes = taxRows(orderSplit(order), locale).map(({ label, value }) => ({ label, value }));
  const payment: PaperRow[] = isSplit(order)
    ? splitRows(order, text, locale)
    : [
        ...(order.payment === null ? [] : cardRows(order.payment, text, locale)),
        ...cashRows(order.cash, text, locale, true),
      ];
  if (order.payment === null && order.cash === null && !isSplit(order))
    payment.push({ label: text.method, value: text.paidByDiscount });
  return { items, subtotal, adjustments, total, taxes, payment };
}

/** An order paid in parts: each paid part under its name and amount, with its card or its cash and 현금영수증. */
function splitRows(order: Order, text: ReceiptStrings, locale: Locale): PaperRow[] {
  const rows: PaperRow[] = [{ label: text.method, value: text.splitPayment }];
  for (const part of paidParts(order)) {
    rows.push({ label: partLabel(part, locale), value: formatWon(part.amount, locale) });
    if (part.payment !== null) rows.push(...cardRows(part.payment, text, locale, false));
    rows.push(...cashRows(part.cash, text, locale, true, false));
  }
  return rows;
}

/** How a refund went back: the part it names (a split order's), else the order's one tender. */
function refundRows(order: Order, refund: RefundEntry, text: ReceiptStrings, locale: Locale): PaperRow[] {
  const part: PaymentPart | undefined = order.parts.find((candidate) => candidate.part === refund.part);
  const payment = part === undefined ? order.payment : part.payment;
  const cash = part === undefined ? order.cash : part.cash;
  const rows: PaperRow[] = [
    { label: text.method, value: cash !== null ? text.refundMethodCash : text.refundMethodCard },
  ];
  if (part !== undefined)
    rows.push({ label: text.refundPart, value: `${partLabel(part, locale)} · ${formatWon(part.amount, locale)}` });
  if (payment !== null) rows.push(...cardIdentityRows(payment, text, locale));
  rows.push(...cashRows(cash, text, locale, false));
  if (payment?.approveNo != null) rows.push({ label: text.originalApproveNo, value: payment.approveNo });
  return rows;
}

function refundParts(
  order: Order,
  refund: RefundEntry,
  text: ReceiptStrings,
  locale: Locale,
  nameOf: Namer,
  optionsOf: OptionNamer,
) {
  const won = (amount: number) => formatWon(amount, locale);
  const lines = refund.lines.filter((line) => line.quantity > 0);
  const items: PaperItem[] =
    lines.length === 0
      ? [
          {
            name: text.refundByAmount,
            options: null,
            memo: null,
            quantity: null,
            unitPrice: null,
            amount: won(refund.amount),
          },
        ]
      : lines.map((line) => {
          const sold = order.lines.find((candidate) => lineKeyOf(candidate) === line.lineKey);
          return {
            name: nameOf(sold ?? { productId: line.lineKey, name: line.lineKey }),
            ...(sold === undefined ? { options: null, memo: null } : lineNotes(sold, optionsOf)),
            quantity: line.quantity,
            unitPrice: null,
            amount: won(line.amount),
          };
        });
  const split = taxSplit(refund.amount, taxFreeOfCancel(order, refund));
  const total = { label: text.refundTotal, value: won(refund.amount) };
  const taxes = taxRows(split, locale).map(({ label, value }) => ({ label, value }));
  const payment = refundRows(order, refund, text, locale);
  payment.push({ label: text.refundReason, value: refund.reason });
  if (refund.tossBalance !== null) payment.push({ label: text.balanceLeft, value: won(refund.tossBalance) });
  return { items, subtotal: null, adjustments: [], total, taxes, payment };
}

/** The receipt of a sale or of one of its refunds, as it goes on paper of the given width. */
export function receiptModel(input: ReceiptModelInput): PaperReceiptModel {
  const { order, subject, store, locale } = input;
  const text = receiptTexts[locale];
  const nameOf = input.lineName ?? ((line: Pick<OrderLine, 'name'>) => line.name);
  const optionsOf = input.lineOptions ?? ((line: Pick<OrderLine, 'options'>) => optionsText(line.options));
  const refund = subject.kind === 'refund' ? subject.refund : null;
  const parts =
    refund === null
      ? saleParts(order, text, locale, nameOf, optionsOf)
      : refundParts(order, refund, text, locale, nameOf, optionsOf);
  const url = receiptUrl(order);
  const meta: PaperRow[] = [
    { label: text.orderId, value: order.orderId },
    { label: text.tradedAt, value: receiptTime(tradedAt(order)) },
  ];
  if (refund !== null)
    meta.push({ label: text.refundedAt, value: receiptTime(refund.canceledAt ?? refund.requestedAt) });
  else if (order.callNumber !== null) meta.push({ label: text.callNumber, value: String(order.callNumber) });
  if (order.memo !== null) meta.push({ label: text.memo, value: order.memo });
  // Who rang the sale up, or who asked for the refund (orders from before sign-in name nobody).
  const cashier = refund === null ? order.cashier : refund.requestedBy;
  if (cashier != null) meta.push({ label: text.cashier, value: cashier.name });
  return {
    kind: subject.kind,
    layout: paperLayout(input.paperWidth),
    title: refund === null ? text.saleTitle : text.refundTitle,
    training: order.training ? text.training : null,
    notice: refund?.status === 'REFUNDING' ? text.refundPending : null,
    store: store === null ? null : storeBlock(store, text),
    storeMissing: store === null ? text.storeMissing : null,
    meta,
    columns: { item: text.item, quantity: text.quantity, amount: text.amount },
    ...parts,
    qr: url === null ? null : { url, caption: text.qrCaption },
    footer: text.thanks,
    fileName: refund === null ? `receipt-${order.orderId}.pdf` : `refund-${order.orderId}-${refund.refundId}.pdf`,
  };
}
