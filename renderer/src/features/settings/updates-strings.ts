import { featureStrings } from '../../i18n/use-strings';

const ko = {
  title: '자동 업데이트',
  enabled: '새 버전을 자동으로 받아 설치합니다',
  hint: '설치된 앱에서만 동작합니다. 업데이트는 백그라운드에서 받아 두었다가, 앱을 끌 때나 마감(Z) 후 결제·환불이 진행 중이지 않을 때 설치합니다. 판매 중에는 설치하지 않습니다.',
  off: '꺼 두면 업데이트를 확인하지 않으며, 이미 받아 둔 업데이트도 설치하지 않습니다.',
};

const en: typeof ko = {
  title: 'Automatic updates',
  enabled: 'Download and install new versions automatically',
  hint: 'Installed app only. Updates download in the background and install when the app quits, or after the day close (Z) when no payment or refund is under way. Never during a sale.',
  off: 'While off, the app never checks for updates and does not install one it already downloaded.',
};

export const updatesTexts = { ko, en };
export const useUpdatesStrings = featureStrings(updatesTexts);
