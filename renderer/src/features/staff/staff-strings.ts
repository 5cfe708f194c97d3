import { featureStrings } from '../../i18n/use-strings';

const ko = {
  setupIntro: '환불·설정·상품 관리는 관리자 PIN으로만 열립니다. 가게 주인을 첫 관리자로 등록해 주세요.',
  name: '이름',
  pin: 'PIN (숫자 4~8자리)',
  pinAgain: 'PIN 한 번 더',
  pinMismatch: '두 PIN이 다릅니다.',
  create: '관리자 만들기',
  trainingOffer: '교육 모드에서는 안내된 교육용 관리자(PIN 0000)로 바로 시작할 수도 있습니다.',
  trainingManagerTitle: '교육용 관리자로 열었습니다',
  trainingManagerLimits:
    '교육용 관리자(PIN 0000)는 누구나 아는 PIN이라 보기만 할 수 있습니다. 직원·가게 정보·토스 키·할인 한도·결제 모드·상품은 실제 관리자 PIN으로 잠금을 해제한 뒤 바꿔 주세요.',
  ownerNeededIntro:
    '지금은 교육용 관리자만 있습니다. 교육용 관리자는 직원·설정·상품·결제 모드를 바꿀 수 없습니다. 실제 결제를 시작하려면 가게 주인을 첫 실제 관리자로 등록해 주세요.',
  useTraining: '교육용 관리자로 시작',
  unlockTitle: '관리자 확인',
  unlockIntro: '관리자 PIN을 입력하세요.',
  unlock: '확인',
  cancel: '취소',
  lockedFor: (seconds: number) => `PIN을 여러 번 틀려 ${seconds}초 동안 잠겼습니다.`,
  managerBadge: (name: string) => `관리자: ${name}`,
  lock: '잠그기',
  staffTitle: '직원',
  role: '역할',
  roles: { cashier: '캐셔', manager: '관리자' },
  active: '상태',
  activeYes: '근무 중',
  activeNo: '비활성',
  deactivate: '비활성화',
  activate: '다시 활성화',
  addStaff: '직원 추가',
  pinOptional: '캐셔는 PIN이 없어도 됩니다.',
  trainingOnly: '교육용',
  added: (name: string) => `${name} 님을 추가했습니다.`,
};
type StaffStrings = typeof ko;

const en: StaffStrings = {
  setupIntro:
    'Refunds, settings and the catalog open only with a manager PIN. Register the shop owner as the first manager.',
  name: 'Name',
  pin: 'PIN (4–8 digits)',
  pinAgain: 'PIN again',
  pinMismatch: 'The two PINs differ.',
  create: 'Create manager',
  trainingOffer: 'In training mode you can also start with the documented training manager (PIN 0000).',
  trainingManagerTitle: 'Opened with the training manager',
  trainingManagerLimits:
    'The training manager’s PIN (0000) is public, so it can only look. Unlock with a real manager’s PIN to change staff, shop details, Toss keys, discount limits, the payment mode or the catalog.',
  ownerNeededIntro:
    'Only the training manager exists, and it cannot change staff, settings, the catalog or the payment mode. To take live payments, register the shop owner as the first real manager.',
  useTraining: 'Start with the training manager',
  unlockTitle: 'Manager check',
  unlockIntro: 'Enter a manager PIN.',
  unlock: 'Unlock',
  cancel: 'Cancel',
  lockedFor: (seconds) => `Too many wrong PINs: locked for ${seconds} s.`,
  managerBadge: (name) => `Manager: ${name}`,
  lock: 'Lock',
  staffTitle: 'Staff',
  role: 'Role',
  roles: { cashier: 'Cashier', manager: 'Manager' },
  active: 'Status',
  activeYes: 'Active',
  activeNo: 'Inactive',
  deactivate: 'Deactivate',
  activate: 'Reactivate',
  addStaff: 'Add staff',
  pinOptional: 'Cashiers need no PIN.',
  trainingOnly: 'Training',
  added: (name) => `${name} was added.`,
};

export const staffTexts = { ko, en };
export const useStaffStrings = featureStrings<StaffStrings>(staffTexts);
