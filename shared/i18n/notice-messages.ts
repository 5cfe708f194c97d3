import type { Notice, NoticeCode } from '../domain/notices';
import type { Locale } from './error-messages';

const noticeMessages: Record<NoticeCode, Record<Locale, string>> = {
  SECRET_KEY_UNREADABLE: {
    ko: '저장된 토스페이먼츠 시크릿 키를 이 컴퓨터에서 읽을 수 없어 교육 모드로 시작했습니다. 키 파일은 지우지 않고 옆에 옮겨 두었습니다. 설정에서 키를 다시 입력해 주세요.',
    en: 'The saved Toss Payments secret key cannot be read on this computer, so the app started in training mode. The key file was moved aside, not deleted. Enter the key again in Settings.',
  },
  SECRET_KEY_NOT_SAVED: {
    ko: 'TOSS_SECRET_KEY로 받은 키를 안전하게 저장하지 못했습니다. 이번에는 그대로 쓰지만, 다음에도 환경 변수로 주거나 설정에서 저장해 주세요.',
    en: 'The key given in TOSS_SECRET_KEY could not be stored safely. It is used for now; give it again next time or save it in Settings.',
  },
  SECRET_KEY_ELSEWHERE: {
    ko: '저장된 시크릿 키는 데스크톱 앱이 운영체제 키체인으로 암호화해 두어 브라우저 호스트에서는 열 수 없습니다. 교육 모드로 시작했습니다.',
    en: 'The saved secret key is encrypted with the operating system keychain by the desktop app, and the browser host cannot open it. Started in training mode.',
  },
  KEYRING_LOCKED: {
    ko: '운영체제 키체인(키링)이 잠겨 있거나 아직 준비되지 않아 저장된 시크릿 키를 열 수 없어 교육 모드로 시작했습니다. 키 파일은 그대로 있습니다. 키링을 잠금 해제한 뒤 관리자가 설정에서 실제 결제 모드로 바꾸면 다시 시작하지 않아도 됩니다.',
    en: 'The operating system keychain (keyring) is locked or not ready yet, so the saved secret key could not be opened and the app started in training mode. The key file is untouched. Unlock the keyring, then a manager switches to live mode in Settings; no restart is needed.',
  },
  STORE_FILE_DAMAGED: {
    ko: '저장된 판매 파일 하나가 손상되어 그날의 주문을 읽을 수 없습니다. 파일은 그대로 두었고, 그날의 판매와 환불만 막혀 있습니다. 프로그램을 닫고 npm run doctor를 실행하면 손상된 줄을 격리 파일로 옮깁니다(지우지 않습니다).',
    en: 'A stored sales file is damaged, so that day’s orders cannot be read. The file was left as it is, and only that day’s sales and refunds are held back. Close Toss POS and run npm run doctor: it moves the bad line into a quarantine file (never deleting it).',
  },
};

export function describeNotice(notice: Pick<Notice, 'code'>, locale: Locale): string {
  return noticeMessages[notice.code][locale];
}
