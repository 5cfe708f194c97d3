import type { DisplayLabel, DisplaySide } from '../../../../shared/domain/customer-screen';
import { featureStrings } from '../../i18n/use-strings';

const koSides: Record<DisplaySide, string> = {
  primary: '계산대 화면',
  left: '왼쪽',
  right: '오른쪽',
  above: '위',
  below: '아래',
};

const ko = {
  title: '고객 화면',
  intro:
    '고객에게 주문과 결제 금액을 보여 주는 화면을 어느 모니터에 띄울지 고릅니다. 고객 화면은 포커스를 가져가지 않아 스캔과 키 입력은 늘 계산대로 갑니다.',
  choiceLegend: '고객 화면을 띄울 모니터',
  auto: '자동',
  autoHint: '계산대 화면이 아닌 모니터에 띄웁니다. 모니터가 하나뿐이면 띄우지 않습니다.',
  off: '사용 안 함',
  offHint: '고객 화면을 띄우지 않습니다.',
  label: (label: DisplayLabel) => `모니터 ${label.number} · ${label.width}×${label.height} (${koSides[label.side]})`,
  notConnected: '연결 안 됨',
  cashierWarning: '계산대 화면입니다. 고르면 고객 화면이 계산대 화면 전체를 덮습니다.',
  chosenMissing: '고른 모니터가 연결되어 있지 않아 자동으로 띄웁니다. 다시 연결하면 그 모니터로 돌아갑니다.',
  showingOn: (label: DisplayLabel) => `지금 고객 화면: ${ko.label(label)}`,
  showingNone: '지금 띄운 고객 화면이 없습니다.',
  browser: (page: string) =>
    `브라우저에서는 모니터를 고를 수 없습니다. 고객 화면은 ${page} 페이지입니다. 고객 쪽 모니터의 브라우저 창에서 이 주소를 여세요.`,
};

const enSides: Record<DisplaySide, string> = {
  primary: 'register screen',
  left: 'left',
  right: 'right',
  above: 'above',
  below: 'below',
};

const en: typeof ko = {
  title: 'Customer screen',
  intro:
    'Choose the monitor that shows the customer their order and what to pay. The customer screen never takes focus: scans and keys always go to the register.',
  choiceLegend: 'Monitor for the customer screen',
  auto: 'Automatic',
  autoHint: 'Any monitor but the register’s. With only one monitor, none is shown.',
  off: 'Off',
  offHint: 'No customer screen.',
  label: (label: DisplayLabel) => `Monitor ${label.number} · ${label.width}×${label.height} (${enSides[label.side]})`,
  notConnected: 'not connected',
  cashierWarning: 'This is the register’s screen: the customer screen would cover it whole.',
  chosenMissing:
    'The chosen monitor is not connected, so the customer screen is placed automatically. It goes back there when the monitor returns.',
  showingOn: (label: DisplayLabel) => `Customer screen now: ${en.label(label)}`,
  showingNone: 'No customer screen is shown now.',
  browser: (page: string) =>
    `In a browser there are no monitors to choose. The customer screen is the ${page} page: open that address in a browser window on the customer’s monitor.`,
};

export const customerScreenTexts = { ko, en };
export const useCustomerScreenStrings = featureStrings(customerScreenTexts);
