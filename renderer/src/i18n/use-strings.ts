import type { Locale } from '../../../shared/i18n/error-messages';
import { useLocaleStore } from './locale-store';
import { strings, type Strings } from './strings';

export function useLocale(): Locale {
  return useLocaleStore((state) => state.locale);
}

export function useStrings(): Strings {
  return strings[useLocale()];
}
