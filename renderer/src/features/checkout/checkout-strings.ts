import { featureStrings } from '../../i18n/use-strings';
import type { Phase } from './phase';

/** Where the pay flow is, in words: the Pay button while busy, and the screen-reader status. */
const ko: Record<Phase, string> = {
  idle: '결제 대기',
  'creating-order': '주문 생성 중…',
  'opening-part': '나눠 결제 준비 중…',
  'awaiting-window': '고객 결제 대기 중…',
  confirming: '승인 중…',
  paid: '결제 완료',
};

const en: Record<Phase, string> = {
  idle: 'Ready',
  'creating-order': 'Creating order…',
  'opening-part': 'Preparing the part…',
  'awaiting-window': 'Customer is paying…',
  confirming: 'Approving…',
  paid: 'Paid',
};

export const phaseTexts = { ko, en };
export const usePhaseText = featureStrings(phaseTexts);
