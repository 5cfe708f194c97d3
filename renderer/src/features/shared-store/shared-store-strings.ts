import { featureStrings } from '../../i18n/use-strings';

/** How many lines wait: "10,000+" once the count stopped at its cap (main does not read a long backlog just to count it). */
const waitingCount = (waiting: number, more = false) => `${waiting.toLocaleString('en-US')}${more ? '+' : ''}`;

/** What another register left under way (the `kind` of `refund:open-elsewhere`). */
type OpenWorkKind = 'confirm' | 'refund' | 'cash-receipt-issue' | 'cash-receipt-cancel';

const koKinds: Record<OpenWorkKind, string> = {
  confirm: '카드 결제 확인 중',
  refund: '환불 중',
  'cash-receipt-issue': '현금영수증 발급 확인 중',
  'cash-receipt-cancel': '현금영수증 취소 대기',
};

const enKinds: Record<OpenWorkKind, string> = {
  confirm: 'card payment being confirmed',
  refund: 'refund',
  'cash-receipt-issue': 'cash receipt issue not confirmed',
  'cash-receipt-cancel': 'cash receipt cancel owed',
};

const ko = {
  offline: (waiting: number, more?: boolean) => `공유 저장소 연결 끊김 · ${waitingCount(waiting, more)}건 대기`,
  offlineHint: '판매는 계속됩니다. 연결되면 대기 중인 기록을 자동으로 보냅니다.',
  title: '매장 공유 저장소 (PostgreSQL)',
  registerName: '이 계산대 이름',
  registerId: '계산대 ID',
  saveName: '저장',
  callNumbersFrom: '대기번호 시작 번호',
  callNumbersFromHint:
    '매일 이 번호부터 부릅니다. 계산대마다 다르게 두면 (1, 101, 201…) 같은 번호를 두 번 부르지 않습니다.',
  callNumbersFromInvalid: '1부터 9000 사이의 숫자를 넣어 주세요.',
  url: '연결 문자열',
  urlHint:
    'postgres://사용자:비밀번호@서버:5432/데이터베이스 — 저장하기 전에 연결을 시험합니다. 비밀번호는 화면에 다시 보이지 않습니다.',
  inUse: (url: string) => `사용 중: ${url}`,
  none: '사용하지 않음 (이 계산대의 기록만 이 컴퓨터에 저장합니다)',
  fromEnvironment: 'POS_STORE_URL 환경 변수가 설정되어 있어 그 값을 사용합니다.',
  saveUrl: '시험 후 저장',
  turnOff: '사용 안 함',
  online: '연결됨',
  offlineSince: (since: string, waiting: number, more?: boolean) =>
    `${since}부터 연결 끊김 · ${waitingCount(waiting, more)}건 대기`,
  onlyThisRegister: '공유 저장소에 연결할 수 없어 이 계산대의 주문만 보입니다',
  elsewhereTitle: '다른 계산대의 마무리되지 않은 결제·환불·현금영수증',
  elsewhereHint:
    '보통은 결제, 환불, 현금영수증을 시작한 계산대가 스스로 마무리합니다. 그 계산대를 더 쓰지 않게 되었을 때만 여기서 토스에 결과를 확인해 마무리하세요.',
  elsewhereNone: '마무리되지 않은 결제, 환불, 현금영수증이 없습니다.',
  elsewhereWork: (kind: OpenWorkKind, register: string, orderId: string, amount: string, at: string) =>
    `${register} · ${koKinds[kind]} · 주문 ${orderId} · ${amount} · ${at} 시작`,
  elsewhereSettle: '확인 후 마무리',
  elsewhereSettleLabel: (register: string, orderId: string) => `${register}의 주문 ${orderId} 확인 후 마무리`,
};

const en: typeof ko = {
  offline: (waiting: number, more?: boolean) => `Shared store offline · ${waitingCount(waiting, more)} waiting`,
  offlineHint: 'Selling goes on. What waits is sent on its own once the store is back.',
  title: 'Shop’s shared store (PostgreSQL)',
  registerName: 'This register’s name',
  registerId: 'Register ID',
  saveName: 'Save',
  callNumbersFrom: 'First order number of the day',
  callNumbersFromHint:
    'Order numbers start here each day. Give each register its own start (1, 101, 201…) so no number is called twice.',
  callNumbersFromInvalid: 'Enter a number from 1 to 9000.',
  url: 'Connection string',
  urlHint:
    'postgres://user:password@server:5432/database — the connection is tested before it is saved. The password is never shown again.',
  inUse: (url: string) => `In use: ${url}`,
  none: 'Not used (this register keeps its records on this computer only)',
  fromEnvironment: 'The POS_STORE_URL environment variable is set, and it is used.',
  saveUrl: 'Test and save',
  turnOff: 'Turn off',
  online: 'Connected',
  offlineSince: (since: string, waiting: number, more?: boolean) =>
    `Offline since ${since} · ${waitingCount(waiting, more)} waiting`,
  onlyThisRegister: 'The shared store cannot be reached: only this register’s orders are shown',
  elsewhereTitle: 'Payments, refunds and cash receipts left open at other registers',
  elsewhereHint:
    'The register that started a payment, a refund or a cash receipt normally settles it itself. Only when that register is gone for good, settle it here: Toss is asked how it ended.',
  elsewhereNone: 'No payment, refund or cash receipt is left open.',
  elsewhereWork: (kind: OpenWorkKind, register: string, orderId: string, amount: string, at: string) =>
    `${register} · ${enKinds[kind]} · order ${orderId} · ${amount} · started ${at}`,
  elsewhereSettle: 'Check and settle',
  elsewhereSettleLabel: (register: string, orderId: string) => `Check and settle ${register}'s order ${orderId}`,
};

export const sharedStoreTexts = { ko, en };
export const useSharedStoreStrings = featureStrings(sharedStoreTexts);
