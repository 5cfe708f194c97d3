import { featureStrings } from '../../i18n/use-strings';

const ko = {
  offline: (waiting: number) => `공유 저장소 연결 끊김 · ${waiting}건 대기`,
  offlineHint: '판매는 계속됩니다. 연결되면 대기 중인 기록을 자동으로 보냅니다.',
  title: '매장 공유 저장소 (PostgreSQL)',
  registerName: '이 계산대 이름',
  registerId: '계산대 ID',
  saveName: '이름 저장',
  url: '연결 문자열',
  urlHint:
    'postgres://사용자:비밀번호@서버:5432/데이터베이스 — 저장하기 전에 연결을 시험합니다. 비밀번호는 화면에 다시 보이지 않습니다.',
  inUse: (url: string) => `사용 중: ${url}`,
  none: '사용하지 않음 (이 계산대의 기록만 이 컴퓨터에 저장합니다)',
  fromEnvironment: 'POS_STORE_URL 환경 변수가 설정되어 있어 그 값을 사용합니다.',
  saveUrl: '시험 후 저장',
  turnOff: '사용 안 함',
  online: '연결됨',
  offlineSince: (since: string, waiting: number) => `${since}부터 연결 끊김 · ${waiting}건 대기`,
  onlyThisRegister: '공유 저장소에 연결할 수 없어 이 계산대의 주문만 보입니다',
};

const en: typeof ko = {
  offline: (waiting: number) => `Shared store offline · ${waiting} waiting`,
  offlineHint: 'Selling goes on. What waits is sent on its own once the store is back.',
  title: 'Shop’s shared store (PostgreSQL)',
  registerName: 'This register’s name',
  registerId: 'Register ID',
  saveName: 'Save name',
  url: 'Connection string',
  urlHint:
    'postgres://user:password@server:5432/database — the connection is tested before it is saved. The password is never shown again.',
  inUse: (url: string) => `In use: ${url}`,
  none: 'Not used (this register keeps its records on this computer only)',
  fromEnvironment: 'The POS_STORE_URL environment variable is set, and it is used.',
  saveUrl: 'Test and save',
  turnOff: 'Turn off',
  online: 'Connected',
  offlineSince: (since: string, waiting: number) => `Offline since ${since} · ${waiting} waiting`,
  onlyThisRegister: 'The shared store cannot be reached: only this register’s orders are shown',
};

export const sharedStoreTexts = { ko, en };
export const useSharedStoreStrings = featureStrings(sharedStoreTexts);
