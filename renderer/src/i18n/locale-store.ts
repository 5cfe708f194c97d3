import { create } from 'zustand';
import type { Locale } from '../../../shared/i18n/error-messages';
import { call } from '../lib/ipc';

interface LocaleState {
  locale: Locale;
}

interface LocaleActions {
  /** The language main has on record, taken at start. */
  adopt(locale: Locale): void;
  setLocale(locale: Locale): void;
  toggleLocale(): void;
}

/**
 * The screen's language. Main keeps the choice (the page's own storage would be lost whenever
 * its origin changes, e.g. a new loopback port); if saving fails it still holds for this session.
 */
export const useLocaleStore = create<LocaleState & LocaleActions>()((set, get) => ({
  locale: 'ko',
  adopt(locale) {
    set({ locale });
  },
  setLocale(locale) {
    set({ locale });
    void call('preferences:update', { locale }).catch(() => undefined);
  },
  toggleLocale() {
    get().setLocale(get().locale === 'ko' ? 'en' : 'ko');
  },
}));
