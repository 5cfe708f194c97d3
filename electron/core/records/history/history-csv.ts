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
];

/** The listed orders as CSV, newest first, as the list shows them. */
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
      ];
    }
  }
  return csvText(rows());
}
