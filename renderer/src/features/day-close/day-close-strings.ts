import { josa } from '../../../../shared/i18n/josa';
import { featureStrings } from '../../i18n/use-strings';

const ko = {
  title: '마감',
  dayLabel: '영업일',
  previousDay: '전날 ([)',
  nextDay: '다음 날 (])',
  today: '현재 영업일로',
  loading: '불러오는 중…',
  openDay: '영업 중 — 아직 마감하지 않았습니다',
  closedDay: (at: string, by: string) => `마감됨 ${at} · ${by} — 마감 때의 숫자를 그대로 보여 줍니다`,
  notStarted: '아직 시작하지 않은 영업일입니다',
  currentDay: (day: string) => `지금 판매는 ${day} 영업일로 기록됩니다`,
  window: (from: string, until: string) => `영업일 범위 ${from} ~ ${until}`,
  refundRule: '환불은 주문한 날이 아니라 환불한 날에 계산합니다 (마감한 날의 숫자는 바뀌지 않습니다).',
  trainingLeftOut: (n: number) => (n === 0 ? '교육 주문은 넣지 않습니다.' : `교육 주문 ${n}건은 넣지 않았습니다.`),
  unsettled: (payments: number, refunds: number) =>
    `토스페이먼츠와 확인 중: 결제 ${payments}건, 환불 ${refunds}건 — 끝나면 숫자가 바뀔 수 있습니다.`,
  gross: '총매출',
  couponDiscounts: '쿠폰 할인',
  manualDiscounts: '직접 할인',
  sales: '판매',
  salesOrders: (n: number) => `${n}건`,
  refunds: '환불',
  refundCount: (n: number) => `${n}건`,
  net: '순매출',
  byMethod: '결제수단별',
  byCardCompany: '카드사별',
  method: '결제수단',
  cardCompany: '카드사',
  orders: '건수',
  amountSold: '판매',
  amountRefunded: '환불',
  amountNet: '순매출',
  noSales: '판매가 없습니다.',
  paidByDiscount: '할인으로 전액',
  unknownCompany: '알 수 없음',
  byHour: '시간대별 판매',
  hourLabel: (hour: number) => `${hour}시`,
  hourBar: (hour: number, orders: number, amount: string) => `${hour}시: ${orders}건, ${amount}`,
  topProducts: '많이 팔린 상품',
  product: '상품',
  quantity: '수량',
  matchTitle: '토스페이먼츠 대조',
  matchHint:
    '이 영업일의 카드 결제와 환불을 토스페이먼츠 거래 내역과 맞춰 봅니다. 아무것도 바꾸지 않습니다. 현금 판매는 토스페이먼츠에 없으므로 대조하지 않습니다.',
  match: '대조하기 (R)',
  reconciling: '토스페이먼츠에 묻는 중…',
  checkedAt: (at: string, count: number) => `${at} 확인 · 거래 ${count}건`,
  tossTotals: (approved: string, canceled: string) => `승인 ${approved} · 취소 ${canceled}`,
  allMatch: '모든 결제와 환불이 토스페이먼츠와 맞습니다.',
  mismatchCount: (n: number) => `맞지 않는 항목 ${n}건`,
  unavailable: {
    training: '교육 모드에는 대조할 실제 토스페이먼츠가 없습니다.',
    'toss-unreachable': '토스페이먼츠에 연결할 수 없어 대조하지 못했습니다.',
    'toss-refused': '토스페이먼츠가 거래 조회를 거부했습니다.',
    'shop-checked': '매장 전체 마감에서 모든 계산대를 한 번에 대조했습니다.',
    'store-offline':
      '공유 저장소를 읽지 못해 대조하지 않았습니다. 다른 계산대의 판매가 출처 모를 결제로 보일 수 있습니다.',
  },
  openOrder: '주문 보기',
  reports: '보고서',
  xReport: '중간 보고서',
  zClose: '마감',
  exportCsv: 'CSV 내보내기 (E)',
  exported: (name: string) => `${name} 파일을 저장했습니다.`,
  showZ: '마감 보고서 보기',
  closes: '마감한 날',
  noCloses: '아직 마감한 날이 없습니다.',
  closeRow: (day: string, net: string, mismatches: number | null) =>
    `${day} · 순매출 ${net}${mismatches === null ? ' · 대조 못 함' : mismatches === 0 ? '' : ` · 불일치 ${mismatches}건`}`,
  confirmTitle: (day: string) => `${day} 영업일을 마감할까요?`,
  confirmBody: [
    '마감하면 이 영업일의 숫자가 보고서(Z)로 고정되어 보관됩니다. 되돌릴 수 없습니다.',
    '지금부터의 판매와 환불은 다음 영업일로 기록됩니다.',
    '결제를 기다리며 남아 있는 주문은 정리됩니다.',
  ],
  confirm: '마감하기',
  cancel: '취소',
  trainingNoClose: '교육 모드에서는 교육 판매로 연습 마감(Z)을 해 봅니다. 실제 마감으로 보관되지 않습니다.',
  practiceMark: '교육용 연습 마감',
  practiceNote: '교육 판매로 계산한 연습입니다. 실제 장부와 마감한 날 목록에는 남지 않습니다.',
  practiceClose: '연습 마감',
  practiceLeftIn: (n: number) => `교육 주문 ${n}건을 연습으로 계산했습니다.`,
  practiceConfirmTitle: (day: string) => `${day} 교육 영업일로 연습 마감을 해 볼까요?`,
  practiceConfirmBody: [
    '교육 판매로 마감 보고서(Z)를 만들어 봅니다. 교육용 연습 마감으로 표시됩니다.',
    '아무것도 마감하거나 보관하지 않습니다. 교육 판매는 이 영업일에 계속 기록됩니다.',
  ],
  practiceConfirm: '연습 마감하기',
  closeFromDate: (day: string) => `이 영업일은 ${day} 날짜가 되면 마감할 수 있습니다.`,
  reportTitle: (kind: 'X' | 'Z', day: string, practice = false) =>
    `${practice ? '교육용 연습 마감 · ' : ''}${kind === 'X' ? `중간 보고서 (X) — ${day}` : `마감 보고서 (Z) — ${day}`}`,
  reportMeta: (at: string, by: string) => `${at} · ${by}`,
  reportXNote: '중간 보고서입니다. 마감하지 않았고 아무것도 보관하지 않았습니다.',
  reportZNote: '마감 보고서입니다. 이 숫자는 보관되어 바뀌지 않습니다.',
  reportPracticeNote: '교육용 연습입니다. 아무것도 마감하거나 보관하지 않았습니다.',
  print: '인쇄',
  close: '닫기',
  hints: [
    ['[ ]', '전날 · 다음 날'],
    ['R', '대조'],
    ['X', '중간 보고서'],
    ['Z', '마감'],
    ['E', 'CSV'],
  ] as ReadonlyArray<readonly [string, string]>,
  mismatch: {
    orphanCharge: (orderId: string, amount: string, at: string, known: boolean) =>
      known
        ? `토스페이먼츠가 ${at}에 주문 ${josa(orderId, '으로/로')} ${josa(amount, '을/를')} 승인했지만, 이 주문은 그 결제로 결제되지 않았습니다 (출처 모를 결제).`
        : `토스페이먼츠가 ${at}에 ${josa(amount, '을/를')} 승인했지만 장부에 주문 ${josa(orderId, '이/가')} 없습니다 (출처 모를 결제).`,
    orphanChargeCanceled: (amount: string) => `토스페이먼츠에서 ${josa(amount, '이/가')} 취소되었습니다.`,
    unknownPayment: (orderId: string, amount: string) =>
      `주문 ${orderId}의 카드 결제 ${josa(amount, '이/가')} 토스페이먼츠에 없습니다.`,
    unknownRefund: (orderId: string, amount: string, refundId: string) =>
      `주문 ${orderId}의 환불 ${refundId} ${josa(amount, '이/가')} 토스페이먼츠에 없습니다.`,
    paymentDiffers: (orderId: string, ours: string, toss: string) =>
      `주문 ${orderId}의 결제 금액이 다릅니다: 장부 ${ours}, 토스페이먼츠 ${toss}.`,
    refundDiffers: (orderId: string, ours: string, toss: string, refundId: string) =>
      `주문 ${orderId}의 환불 ${refundId} 금액이 다릅니다: 장부 ${ours}, 토스페이먼츠 ${toss}.`,
    orphanRefund: (orderId: string, amount: string, at: string) =>
      `토스페이먼츠가 ${at}에 주문 ${orderId}의 ${josa(amount, '을/를')} 취소했지만 장부에는 그 환불이 없습니다.`,
  },
};

type DayCloseStrings = typeof ko;

const en: DayCloseStrings = {
  title: 'Day close',
  dayLabel: 'Business day',
  previousDay: 'Day before ([)',
  nextDay: 'Day after (])',
  today: 'Current business day',
  loading: 'Loading…',
  openDay: 'Open — not closed yet',
  closedDay: (at, by) => `Closed ${at} by ${by} — showing the figures as they were at the close`,
  notStarted: 'This business day has not started yet',
  currentDay: (day) => `Sales made now are recorded on business day ${day}`,
  window: (from, until) => `The business day runs ${from} to ${until}`,
  refundRule:
    'Refunds count on the day they were made, not the day of the order (a closed day’s figures never change).',
  trainingLeftOut: (n) =>
    n === 0 ? 'Training orders are left out.' : `${n} training ${n === 1 ? 'order was' : 'orders were'} left out.`,
  unsettled: (payments, refunds) =>
    `Still being settled with Toss Payments: ${payments} payments, ${refunds} refunds — the figures may change.`,
  gross: 'Gross sales',
  couponDiscounts: 'Coupon discounts',
  manualDiscounts: 'Manual discounts',
  sales: 'Sales',
  salesOrders: (n) => `${n} ${n === 1 ? 'order' : 'orders'}`,
  refunds: 'Refunds',
  refundCount: (n) => `${n} ${n === 1 ? 'refund' : 'refunds'}`,
  net: 'Net',
  byMethod: 'By payment method',
  byCardCompany: 'By card company',
  method: 'Method',
  cardCompany: 'Card company',
  orders: 'Orders',
  amountSold: 'Sales',
  amountRefunded: 'Refunds',
  amountNet: 'Net',
  noSales: 'No sales.',
  paidByDiscount: 'Paid by discount',
  unknownCompany: 'Unknown',
  byHour: 'Sales by hour',
  hourLabel: (hour) => `${String(hour).padStart(2, '0')}h`,
  hourBar: (hour, orders, amount) =>
    `${String(hour).padStart(2, '0')}:00: ${orders} ${orders === 1 ? 'order' : 'orders'}, ${amount}`,
  topProducts: 'Best sellers',
  product: 'Product',
  quantity: 'Qty',
  matchTitle: 'Checked with Toss Payments',
  matchHint:
    'Matches the day’s card payments and refunds against Toss Payments’ transactions. Nothing is changed. Cash sales are not at Toss Payments and are not checked.',
  match: 'Check (R)',
  reconciling: 'Asking Toss Payments…',
  checkedAt: (at, count) => `Checked ${at} · ${count} ${count === 1 ? 'transaction' : 'transactions'}`,
  tossTotals: (approved, canceled) => `Approved ${approved} · cancelled ${canceled}`,
  allMatch: 'Every payment and refund matches Toss Payments.',
  mismatchCount: (n) => `${n} ${n === 1 ? 'difference' : 'differences'}`,
  unavailable: {
    training: 'Training mode has no real Toss Payments to check against.',
    'toss-unreachable': 'Toss Payments could not be reached, so the day was not checked.',
    'toss-refused': 'Toss Payments refused to list the transactions.',
    'shop-checked': 'The shop’s day close checked every register at once.',
    'store-offline':
      'The shared store could not be read, so nothing was matched: other registers’ sales would have looked like orphan charges.',
  },
  openOrder: 'Open order',
  reports: 'Reports',
  xReport: 'X report',
  zClose: 'Close the day',
  exportCsv: 'Export CSV (E)',
  exported: (name) => `Saved ${name}.`,
  showZ: 'View the Z report',
  closes: 'Closed days',
  noCloses: 'No day has been closed yet.',
  closeRow: (day, net, mismatches) =>
    `${day} · net ${net}${mismatches === null ? ' · not checked' : mismatches === 0 ? '' : ` · ${mismatches} ${mismatches === 1 ? 'difference' : 'differences'}`}`,
  confirmTitle: (day) => `Close business day ${day}?`,
  confirmBody: [
    'Closing freezes this day’s figures in a Z report that is kept. It cannot be undone.',
    'From now on, sales and refunds are recorded on the next business day.',
    'Orders still waiting for payment are cleared.',
  ],
  confirm: 'Close the day',
  cancel: 'Cancel',
  trainingNoClose:
    'In training mode the close is rehearsed over the training sales (practice Z). It is never kept as a real close.',
  practiceMark: 'Training practice close',
  practiceNote: 'A rehearsal over the training sales. Nothing reaches the real books or the list of closed days.',
  practiceClose: 'Practice close',
  practiceLeftIn: (n) => `${n} training ${n === 1 ? 'order is' : 'orders are'} counted for practice.`,
  practiceConfirmTitle: (day) => `Rehearse the close of training day ${day}?`,
  practiceConfirmBody: [
    'Makes a Z report over the training sales, marked as a training practice close.',
    'Nothing is closed or kept. Training sales go on being recorded on this day.',
  ],
  practiceConfirm: 'Make the practice close',
  closeFromDate: (day) => `This business day can be closed once ${day} has come.`,
  reportTitle: (kind, day, practice = false) =>
    `${practice ? 'Training practice close · ' : ''}${kind === 'X' ? `X report — ${day}` : `Z report — ${day}`}`,
  reportMeta: (at, by) => `${at} · ${by}`,
  reportXNote: 'An X report: nothing was closed or kept.',
  reportZNote: 'A Z report: these figures are kept and never change.',
  reportPracticeNote: 'A training rehearsal: nothing was closed or kept.',
  print: 'Print',
  close: 'Close',
  hints: [
    ['[ ]', 'Day before · after'],
    ['R', 'Check'],
    ['X', 'X report'],
    ['Z', 'Close'],
    ['E', 'CSV'],
  ],
  mismatch: {
    orphanCharge: (orderId, amount, at, known) =>
      known
        ? `Toss Payments approved ${amount} at ${at} for order ${orderId}, but that order was not paid with it (a charge with no sale).`
        : `Toss Payments approved ${amount} at ${at}, but the books have no order ${orderId} (a charge with no sale).`,
    orphanChargeCanceled: (amount) => `${amount} of it was cancelled at Toss Payments.`,
    unknownPayment: (orderId, amount) => `Order ${orderId}’s card payment of ${amount} is not at Toss Payments.`,
    unknownRefund: (orderId, amount, refundId) =>
      `Order ${orderId}’s refund ${refundId} of ${amount} is not at Toss Payments.`,
    paymentDiffers: (orderId, ours, toss) =>
      `Order ${orderId}’s payment differs: ${ours} in the books, ${toss} at Toss Payments.`,
    refundDiffers: (orderId, ours, toss, refundId) =>
      `Order ${orderId}’s refund ${refundId} differs: ${ours} in the books, ${toss} at Toss Payments.`,
    orphanRefund: (orderId, amount, at) =>
      `Toss Payments cancelled ${amount} of order ${orderId} at ${at}, and the books have no such refund.`,
  },
};

export const dayCloseTexts = { ko, en };
export const useDayCloseStrings = featureStrings(dayCloseTexts);
export type { DayCloseStrings };
