import { formatWon } from '../../shared/domain/money';
import { escapeHtml } from './html';
import type { TossCashReceipt } from './cash-receipts';
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
const row = (label: string, value: string) => `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;

/** The page every training slip shares, clearly marked as training so nobody mistakes it. */
function slipPage(title: string, warning: string, rows: string, nonce: string): string {
  return `<!doctype html>
<html lang="ko">
  <head>
    <meta charset="utf-8">
    <title>${escapeHtml(title)}</title>
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
    <h1>${escapeHtml(title)}</h1>
    <p>${escapeHtml(warning)}</p>
    <table>
      ${rows}
    </table>
  </body>
</html>
`;
}

/** The sales slip behind `receipt.url`. */
export function receiptHtml(payment: TossPayment, nonce: string): string {
  const cancels = (payment.cancels ?? [])
    .map((c) => row(`취소 ${slipTime(c.canceledAt)}`, `-${formatWon(c.cancelAmount)} (${c.cancelReason})`))
    .join('');
  const rows = [
    row('주문명', payment.orderName),
    row('주문번호', payment.orderId),
    row('상태', STATUS_LABEL[payment.status]),
    row('카드번호', payment.card.number),
    row('승인번호', payment.card.approveNo),
    row('승인일시', slipTime(payment.approvedAt)),
    row('결제금액', formatWon(payment.totalAmount)),
    cancels,
    row('잔액', formatWon(payment.balanceAmount)),
    row('공급가액', formatWon(payment.suppliedAmount)),
    row('부가세', formatWon(payment.vat)),
  ].join('\n      ');
  return slipPage('교육용 영수증 / training receipt', '실제 결제가 아닙니다 / not a real payment', rows, nonce);
}

/** The 현금영수증 behind a cash receipt's `receiptUrl`; the identity number as the ledger keeps it, masked. */
export function cashReceiptHtml(receipt: TossCashReceipt, nonce: string): string {
  const rows = [
    row('구분', receipt.type),
    row('승인번호', receipt.issueNumber),
    row('주문명', receipt.orderName),
    row('주문번호', receipt.orderId),
    row('식별번호', receipt.customerIdentityNumber),
    row('발급금액', formatWon(receipt.amount)),
    row('남은 금액', formatWon(receipt.remainingAmount)),
    row('발급일시', slipTime(receipt.requestedAt)),
  ].join('\n      ');
  return slipPage(
    '교육용 현금영수증 / training cash receipt',
    '실제 현금영수증이 아닙니다 / not a real cash receipt',
    rows,
    nonce,
  );
}
