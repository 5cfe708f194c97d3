import { formatWon } from '../../shared/domain/money';
import { escapeHtml } from './html';
import type { PaymentStatus, TossPayment } from './payment-object';

const STATUS_LABEL: Record<PaymentStatus, string> = {
  READY: '결제 대기',
  IN_PROGRESS: '승인 대기',
  WAITING_FOR_DEPOSIT: '입금 대기',
  DONE: '승인 완료',
  CANCELED: '전체 취소',
  PARTIAL_CANCELED: '부분 취소',
  ABORTED: '승인 실패',
  EXPIRED: '만료',
};

/** "2025-03-01T10:02:03+09:00" → "2025-03-01 10:02:03" (the slip is always Seoul time). */
function slipTime(iso: string | null): string {
  return iso ? iso.slice(0, 19).replace('T', ' ') : '-';
}

/** The sales slip behind `receipt.url`, clearly marked as training so nobody mistakes it. */
export function receiptHtml(payment: TossPayment, nonce: string): string {
  const row = (label: string, value: string) =>
    `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
  const cancels = (payment.cancels ?? [])
    .map((c) => row(`취소 ${slipTime(c.canceledAt)}`, `-${formatWon(c.cancelAmount)} (${c.cancelReason})`))
    .join('');
  return `<!doctype html>
<html lang="ko">
  <head>
    <meta charset="utf-8">
    <title>교육용 영수증 / training receipt</title>
    <style nonce="${nonce}">
      body { font-family: system-ui, 'Malgun Gothic', sans-serif; max-width: 360px; margin: 24px auto; color: #191f28; }
      h1 { font-size: 18px; text-align: center; }
      p { text-align: center; color: #f04452; font-size: 13px; }
      table { width: 100%; border-collapse: collapse; font-size: 14px; }
      th { text-align: left; font-weight: normal; color: #4e5968; padding: 4px 0; }
      td { text-align: right; padding: 4px 0; }
    </style>
  </head>
  <body>
    <h1>교육용 영수증 / training receipt</h1>
    <p>실제 결제가 아닙니다 / not a real payment</p>
    <table>
      ${row('주문명', payment.orderName)}
      ${row('주문번호', payment.orderId)}
      ${row('상태', STATUS_LABEL[payment.status])}
      ${row('카드번호', payment.card.number)}
      ${row('승인번호', payment.card.approveNo)}
      ${row('승인일시', slipTime(payment.approvedAt))}
      ${row('결제금액', formatWon(payment.totalAmount))}
      ${cancels}
      ${row('잔액', formatWon(payment.balanceAmount))}
      ${row('공급가액', formatWon(payment.suppliedAmount))}
      ${row('부가세', formatWon(payment.vat))}
    </table>
  </body>
</html>
`;
}
