import type { Order } from '../../../../shared/domain/order';
import { optionsText } from '../../../../shared/domain/option-text';
import { formatSeoulTime } from '../../../../shared/domain/time';
import { csvText } from '../../platform/export/csv';
import type { OrderDigest } from '../../orders/index/order-digest';

const HEADER = [
  'order_id',
  'business_day',
  'created_at',
  'status',
  'training',
  'order_name',
  'amount',
  'refunded',
  'method',
  'approve_no',
  'card_number',
  'call_number',
  'options',
  'memo',
  'tenders',
  'cashier',
];

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

/**
 * The listed orders as CSV, newest first, as the list shows them: one row per order, with its
 * lines' options, the memos, and an order paid in parts with its tenders.
 */
export function historyCsv(listed: Iterable<{ digest: OrderDigest; order: Order | null }>): string {
  function* rows(): Generator<string[]> {
    yield HEADER;
    for (const { digest: d, order } of listed) {
      yield [
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
        d.callNumber === null ? '' : String(d.callNumber),
        optionsCell(order),
        memoCell(order),
        tendersText(d),
        d.cashier?.name ?? '',
      ];
    }
  }
  return csvText(rows());
}
