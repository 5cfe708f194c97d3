import type { Locale } from '../../../shared/i18n/error-messages';
import { useLocaleStore } from './locale-store';
import { strings, type Strings } from './strings';

export function useLocale(): Locale {
  return useLocaleStore((state) => state.locale);
}

export function useStrings(): Strings {
  return strings[useLocale()];
}

/** A feature's own texts in both languages, as a hook that follows the chosen one. */
export function featureStrings<T>(table: Record<Locale, T>): () => T {
  return function useFeatureStrings() {
    return table[useLocale()];
  };
}
