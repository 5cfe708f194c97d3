import { create } from 'zustand';
import type { Locale } from '../../../shared/i18n/error-messages';

const STORAGE_KEY = 'toss-pos.locale';

// localStorage can throw (storage disabled); the app must still start, in Korean.
function readSavedLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'ko';
  } catch {
    return 'ko';
  }
}

function saveLocale(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Not persisting is fine: the choice still holds for this session.
  }
}

interface LocaleState {
  locale: Locale;
}

interface LocaleActions {
  setLocale(locale: Locale): void;
  toggleLocale(): void;
}

export const useLocaleStore = create<LocaleState & LocaleActions>()((set, get) => ({
  locale: readSavedLocale(),
  setLocale(locale) {
    saveLocale(locale);
    set({ locale });
  },
  toggleLocale() {
    get().setLocale(get().locale === 'ko' ? 'en' : 'ko');
  },
}));
