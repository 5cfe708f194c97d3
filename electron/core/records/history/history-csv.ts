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
  'tenders',
];

/** An order paid in parts, tender by tender (`카드 6450; 현금 6450-1000`: paid, less what refunds gave back); empty for one tender. */
function tendersText(digest: OrderDigest): string {
  return (digest.tenders ?? [])
    .map((tender) => `${tender.method} ${tender.paid}${tender.refunded > 0 ? `-${tender.refunded}` : ''}`)
    .join('; ');
}

/** The listed orders as CSV, newest first, as the list shows them: one row per order, an order paid in parts with its tenders. */
export function historyCsv(digests: Iterable<OrderDigest>): string {
  function* rows(): Generator<string[]> {
    yield HEADER;
    for (const d of digests) {
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
        tendersText(d),
      ];
    }
  }
  return csvText(rows());
}
