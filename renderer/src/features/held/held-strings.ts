import { featureStrings } from '../../i18n/use-strings';

export interface HeldTexts {
  holdButton: string;
  listButton: (count: number) => string;
  holdTitle: string;
  labelField: string;
  labelHint: string;
  hold: string;
  holding: string;
  cancel: string;
  listTitle: string;
  loading: string;
  empty: string;
  noLabel: string;
  /** The first line's product, and how many other lines: "크루아상 외 2건". */
  firstAndMore: (name: string, more: number) => string;
  items: (count: number) => string;
  heldAt: (time: string) => string;
  listKeys: string;
  resume: string;
  resuming: string;
  discard: string;
  close: string;
  discardTitle: string;
  discardBody: (name: string) => string;
  discardConfirm: string;
  changesTitle: string;
  repricedHeading: string;
  droppedHeading: string;
  dropReasons: { gone: string; 'sold-out': string; option: string };
  couponDropped: (code: string) => string;
  discountNeedsApproval: string;
  discountDropped: string;
  total: (before: string, after: string) => string;
  ok: string;
}

const ko: HeldTexts = {
  holdButton: '보류',
  listButton: (count) => `보류 목록 ${count}`,
  holdTitle: '주문 보류',
  labelField: '이름 또는 테이블 번호 (선택)',
  labelHint: '보류 목록에서 이 주문을 찾을 때 씁니다. 20자까지.',
  hold: '보류하기',
  holding: '보류하는 중…',
  cancel: '취소',
  listTitle: '보류 목록',
  loading: '불러오는 중…',
  empty: '보류한 주문이 없습니다.',
  noLabel: '이름 없음',
  firstAndMore: (name, more) => (more > 0 ? `${name} 외 ${more}건` : name),
  items: (count) => `${count}개`,
  heldAt: (time) => `${time} 보류`,
  listKeys: '↑ ↓ 선택 · Enter 불러오기 · Del 삭제 · Esc 닫기',
  resume: '불러오기',
  resuming: '불러오는 중…',
  discard: '삭제',
  close: '닫기',
  discardTitle: '보류 주문 삭제',
  discardBody: (name) => `‘${name}’ 보류 주문을 삭제할까요? 되돌릴 수 없습니다.`,
  discardConfirm: '삭제하기',
  changesTitle: '보류하는 동안 바뀐 점',
  repricedHeading: '가격이 바뀐 상품 (지금 가격으로 계산합니다)',
  droppedHeading: '지금은 팔 수 없어 뺀 상품',
  dropReasons: { gone: '판매 중지', 'sold-out': '품절', option: '옵션을 더 이상 고를 수 없음' },
  couponDropped: (code) => `쿠폰 ${code}: 적용할 수 없어 뺐습니다.`,
  discountNeedsApproval: '한도를 넘는 할인이라 관리자 승인을 다시 받아야 합니다.',
  discountDropped: '할인이 더 이상 맞지 않아 뺐습니다. 필요하면 다시 넣어 주세요.',
  total: (before, after) => `합계 ${before} → ${after}`,
  ok: '확인',
};

const en: HeldTexts = {
  holdButton: 'Hold',
  listButton: (count) => `Held ${count}`,
  holdTitle: 'Hold order',
  labelField: 'Name or table number (optional)',
  labelHint: 'To find this order in the held list. Up to 20 characters.',
  hold: 'Hold',
  holding: 'Holding…',
  cancel: 'Cancel',
  listTitle: 'Held orders',
  loading: 'Loading…',
  empty: 'No orders are on hold.',
  noLabel: 'No name',
  firstAndMore: (name, more) => (more > 0 ? `${name} and ${more} more` : name),
  items: (count) => `${count} ${count === 1 ? 'item' : 'items'}`,
  heldAt: (time) => `held at ${time}`,
  listKeys: '↑ ↓ select · Enter resume · Del discard · Esc close',
  resume: 'Resume',
  resuming: 'Resuming…',
  discard: 'Discard',
  close: 'Close',
  discardTitle: 'Discard held order',
  discardBody: (name) => `Discard the held order “${name}”? This cannot be undone.`,
  discardConfirm: 'Discard',
  changesTitle: 'What changed while it was held',
  repricedHeading: 'New prices (the order is charged at today’s price)',
  droppedHeading: 'Taken out: cannot be sold now',
  dropReasons: { gone: 'no longer sold', 'sold-out': 'sold out', option: 'its options can no longer be chosen' },
  couponDropped: (code) => `Coupon ${code} no longer applies and was taken off.`,
  discountNeedsApproval: 'The discount is above the limit: a manager must approve it again.',
  discountDropped: 'The discount no longer fits and was taken off. Add it again if needed.',
  total: (before, after) => `Total ${before} → ${after}`,
  ok: 'OK',
};

export const heldTexts = { ko, en };
export const useHeldTexts = featureStrings(heldTexts);
