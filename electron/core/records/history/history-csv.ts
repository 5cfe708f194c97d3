import type { Order } from '../../../../shared/domain/order';
import { optionsText } from '../../../../shared/domain/option-text';
import { formatSeoulTime } from '../../../../shared/domain/time';
import type { CsvHeaders } from '../../../../shared/domain/csv-headers';
import { csvText } from '../../platform/export/csv';
import { csvHeaderRow, type CsvColumn } from '../../platform/export/csv-columns';
import type { OrderDigest } from '../../orders/index/order-digest';

/** The history CSV's columns, in order. */
export const HISTORY_COLUMNS: readonly CsvColumn[] = [
  { machine: 'order_id', ko: '주문번호', en: 'Order ID' },
  { machine: 'business_day', ko: '영업일', en: 'Business day' },
  { machine: 'created_at', ko: '주문 시각', en: 'Ordered at' },
  { machine: 'status', ko: '상태', en: 'Status' },
  { machine: 'training', ko: '교육', en: 'Training' },
  { machine: 'order_name', ko: '주문명', en: 'Order name' },
  { machine: 'amount', ko: '금액', en: 'Amount' },
  { machine: 'refunded', ko: '환불액', en: 'Refunded' },
  { machine: 'method', ko: '결제수단', en: 'Method' },
  { machine: 'approve_no', ko: '승인번호', en: 'Approval no.' },
  { machine: 'card_number', ko: '카드번호', en: 'Card number' },
  { machine: 'taxable_supply', ko: '과세 공급가액', en: 'Taxable supply' },
  { machine: 'vat', ko: '부가세', en: 'VAT' },
  { machine: 'tax_free', ko: '면세', en: 'Tax-free' },
  { machine: 'call_number', ko: '대기번호', en: 'Call number' },
  { machine: 'options', ko: '옵션', en: 'Options' },
  { machine: 'memo', ko: '메모', en: 'Memo' },
  { machine: 'tenders', ko: '나눠 낸 결제', en: 'Tenders' },
  { machine: 'cashier', ko: '계산한 직원', en: 'Cashier' },
];

/** The column a shop-wide CSV adds at the end: the register that rang each order up. */
export const REGISTER_COLUMN: CsvColumn = { machine: 'register', ko: '계산대', en: 'Register' };

/** Each line's options, named by its product: "카페라테: ICE · 라지 · 샷 추가 ×2 / 아메리카노: HOT · 레귤러". */
function optionsCell(order: Order | null): string {
  const lines = order?.lines.filter((line) => line.options.length > 0) ?? [];
  return lines.map((line) => `${line.name}: ${optionsText(line.options)}`).join(' / ');
}

/** The order's memo, then each line's, named by its product: "5번 테이블 / 카페라테: 얼음 적게". */
function memoCell(order: Order | null): string {
  if (order === null) return '';
  const lines = order.lines.flatMap((line) => (line.memo === null ? [] : [`${line.name}: ${line.memo}`]));
  return [...(order.memo === null ? [] : [order.memo]), ...lines].join(' / ');
}

/** An order paid in parts, tender by tender (`카드 6450; 현금 6450-1000`: paid, less what refunds gave back); empty for one tender. */
function tendersText(digest: OrderDigest): string {
  return (digest.tenders ?? [])
    .map((tender) => `${tender.method} ${tender.paid}${tender.refunded > 0 ? `-${tender.refunded}` : ''}`)
    .join('; ');
}

/** 과세 공급가액, 부가세 and 면세 of the sale (an order stored before 면세 existed: all 과세); empty when the order could not be read. */
function taxCells(order: Order | null): string[] {
  if (order === null) return ['', '', ''];
  return [order.supplyAmount, order.vatAmount, order.taxFreeAmount ?? 0].map(String);
}

/**
 * The listed orders as CSV, newest first, as the list shows them: one row per order, with its
 * lines' options, the memos, and an order paid in parts with its tenders; the header in `headers`' words.
 * A shop-wide list (`shopWide`) ends each row with the register that rang the order up.
 */
export function historyCsv(
  listed: Iterable<{ digest: OrderDigest; order: Order | null; registerName?: string }>,
  headers?: CsvHeaders,
  shopWide = false,
): string {
  function* rows(): Generator<string[]> {
    yield csvHeaderRow(shopWide ? [...HISTORY_COLUMNS, REGISTER_COLUMN] : HISTORY_COLUMNS, headers);
    for (const { digest: d, order, registerName } of listed) {
      const row = [
        d.orderId,
        d.businessDay,
        formatSeoulTime(d.createdAt),
        d.status,
        d.training ? 'training' : '',
        d.orderName,
        String(d.amount),
        String(d.refunded),
        d.method ?? '',
        d.approveNo ?? '',
        d.cardNumber ?? '',
        ...taxCells(order),
        d.callNumber === null ? '' : String(d.callNumber),
        optionsCell(order),
        memoCell(order),
        tendersText(d),
        d.cashier?.name ?? '',
      ];
      yield shopWide ? [...row, registerName ?? ''] : row;
    }
  }
  return csvText(rows());
}
