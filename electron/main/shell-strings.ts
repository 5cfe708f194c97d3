import type { Locale } from '../../shared/i18n/locale';

/** The words the shell itself shows before the register's page (and its language setting) is there. */
export const SHELL_STRINGS = {
  ko: {
    opening: 'Toss POS 여는 중…',
    about: 'Toss POS 정보',
    hide: 'Toss POS 가리기',
    quit: 'Toss POS 종료',
    edit: '편집',
    undo: '실행 취소',
    redo: '다시 실행',
    cut: '오려두기',
    copy: '복사하기',
    paste: '붙여넣기',
    selectAll: '전체 선택',
  },
  en: {
    opening: 'Opening Toss POS…',
    about: 'About Toss POS',
    hide: 'Hide Toss POS',
    quit: 'Quit Toss POS',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
  },
} as const satisfies Record<Locale, Record<string, string>>;

export type ShellStrings = (typeof SHELL_STRINGS)[Locale];

/** The OS's language decides: the shop's own setting is not read until the core has opened. */
export function shellLocale(systemLocale: string): Locale {
  return systemLocale.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
