import { featureStrings } from '../../i18n/use-strings';

export interface DrawerTexts {
  title: string;
  loading: string;
  /** The register's badge: whether a shift is open. */
  statusOpen: string;
  statusClosed: string;
  statusTitle: string;
  closedNotice: string;
  openHeading: string;
  openHint: string;
  openButton: string;
  opening: string;
  notes: string;
  coins: string;
  /** A count field's name for screen readers: "50,000원권 장 수". */
  piecesOf: (won: string) => string;
  countTotal: string;
  piecesInvalid: string;
  shiftHeading: (id: string) => string;
  openedBy: (time: string, who: string) => string;
  someone: string;
  float: string;
  cashSales: (count: number) => string;
  cashSalesColumn: string;
  cashRefunds: string;
  paidIn: string;
  paidOut: string;
  expected: string;
  counted: string;
  overShort: string;
  over: (amount: string) => string;
  short: (amount: string) => string;
  even: string;
  moveHeading: string;
  kindLabel: string;
  kindIn: string;
  kindOut: string;
  amount: string;
  amountInvalid: string;
  reason: string;
  reasonHint: string;
  reasonMissing: string;
  presets: string;
  /** The preset reasons in the screen's language, in DRAWER_REASONS' order. */
  reasons: readonly string[];
  record: string;
  recording: string;
  movementsHeading: string;
  noMovements: string;
  time: string;
  who: string;
  closeHeading: string;
  closeStart: string;
  closeHint: string;
  closeButton: string;
  closing: string;
  cancel: string;
  todayHeading: string;
  noShifts: string;
  shift: string;
  stillOpen: string;
  closedBy: (time: string, who: string) => string;
  back: string;
  hints: ReadonlyArray<readonly [string, string]>;
}

const ko: DrawerTexts = {
  title: '시재',
  loading: '불러오는 중…',
  statusOpen: '시재 열림',
  statusClosed: '시재 닫힘',
  statusTitle: '시재 (Shift+F7)',
  closedNotice: '시재가 열려 있지 않습니다. 현금 판매는 받지만 어느 근무의 시재에도 잡히지 않습니다.',
  openHeading: '시재 열기',
  openHint: '서랍에 넣은 시작 시재를 지폐와 동전별로 세어 적어 주세요.',
  openButton: '시재 열기',
  opening: '여는 중…',
  notes: '지폐',
  coins: '동전',
  piecesOf: (won) => `${won} 개수`,
  countTotal: '합계',
  piecesInvalid: '0 이상의 정수로 적어 주세요.',
  shiftHeading: (id) => `근무 ${id}`,
  openedBy: (time, who) => `${time} ${who} 시작`,
  someone: '알 수 없음',
  float: '시작 시재',
  cashSales: (count) => `현금 판매 (${count}건)`,
  cashSalesColumn: '현금 판매',
  cashRefunds: '현금 환불',
  paidIn: '입금',
  paidOut: '출금',
  expected: '있어야 할 현금',
  counted: '센 현금',
  overShort: '과부족',
  over: (amount) => `${amount} 많음`,
  short: (amount) => `${amount} 부족`,
  even: '맞음',
  moveHeading: '입금 / 출금',
  kindLabel: '종류',
  kindIn: '입금',
  kindOut: '출금',
  amount: '금액 (원)',
  amountInvalid: '1원 이상의 정수로 적어 주세요.',
  reason: '사유',
  reasonHint: '위에서 고르거나 직접 적어 주세요. 80자까지.',
  reasonMissing: '사유를 적어 주세요.',
  presets: '자주 쓰는 사유',
  reasons: ['식자재 구입', '거스름돈 보충', '소모품 구입', '은행 입금'],
  record: '기록하기',
  recording: '기록하는 중…',
  movementsHeading: '이번 근무의 입출금',
  noMovements: '아직 입금이나 출금이 없습니다.',
  time: '시각',
  who: '담당',
  closeHeading: '시재 마감',
  closeStart: '시재 마감하기',
  closeHint: '서랍의 현금을 지폐와 동전별로 세어 적어 주세요. 있어야 할 현금과 비교합니다.',
  closeButton: '마감하기',
  closing: '마감하는 중…',
  cancel: '취소',
  todayHeading: '오늘의 근무',
  noShifts: '오늘 연 시재가 없습니다.',
  shift: '근무',
  stillOpen: '열림',
  closedBy: (time, who) => `${time} ${who} 마감`,
  back: '계산 화면으로',
  hints: [
    ['Tab', '다음 칸'],
    ['Enter', '기록 / 확인'],
    ['Esc', '계산 화면으로'],
  ],
};

const en: DrawerTexts = {
  title: 'Cash drawer',
  loading: 'Loading…',
  statusOpen: 'Drawer open',
  statusClosed: 'Drawer closed',
  statusTitle: 'Cash drawer (Shift+F7)',
  closedNotice: 'No drawer shift is open. Cash sales are still taken, but no shift’s drawer counts them.',
  openHeading: 'Open the drawer',
  openHint: 'Count the opening float you put in the drawer, note by note and coin by coin.',
  openButton: 'Open drawer',
  opening: 'Opening…',
  notes: 'Notes',
  coins: 'Coins',
  piecesOf: (won) => `${won} pieces`,
  countTotal: 'Total',
  piecesInvalid: 'Enter a whole number, 0 or more.',
  shiftHeading: (id) => `Shift ${id}`,
  openedBy: (time, who) => `opened ${time} by ${who}`,
  someone: 'unknown',
  float: 'Opening float',
  cashSales: (count) => `Cash sales (${count})`,
  cashSalesColumn: 'Cash sales',
  cashRefunds: 'Cash refunds',
  paidIn: 'Paid in',
  paidOut: 'Paid out',
  expected: 'Expected in drawer',
  counted: 'Counted',
  overShort: 'Over / short',
  over: (amount) => `${amount} over`,
  short: (amount) => `${amount} short`,
  even: 'even',
  moveHeading: 'Paid in / paid out',
  kindLabel: 'Kind',
  kindIn: 'Paid in',
  kindOut: 'Paid out',
  amount: 'Amount (won)',
  amountInvalid: 'Enter a whole number of won, 1 or more.',
  reason: 'Reason',
  reasonHint: 'Pick one above, type your own, or both. Up to 80 characters.',
  reasonMissing: 'Enter a reason.',
  presets: 'Common reasons',
  reasons: ['Groceries', 'Change top-up', 'Supplies', 'Bank deposit'],
  record: 'Record',
  recording: 'Recording…',
  movementsHeading: 'Paid in and out this shift',
  noMovements: 'Nothing paid in or out yet.',
  time: 'Time',
  who: 'By',
  closeHeading: 'Close the drawer',
  closeStart: 'Close drawer',
  closeHint: 'Count the cash in the drawer, note by note and coin by coin. It is compared with what should be there.',
  closeButton: 'Close',
  closing: 'Closing…',
  cancel: 'Cancel',
  todayHeading: 'Today’s shifts',
  noShifts: 'No drawer was opened today.',
  shift: 'Shift',
  stillOpen: 'open',
  closedBy: (time, who) => `closed ${time} by ${who}`,
  back: 'Back to the register',
  hints: [
    ['Tab', 'next field'],
    ['Enter', 'record / confirm'],
    ['Esc', 'back to the register'],
  ],
};

export const drawerTexts = { ko, en };
export const useDrawerTexts = featureStrings(drawerTexts);
