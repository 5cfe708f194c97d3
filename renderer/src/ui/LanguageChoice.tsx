import type { Locale } from '../../../shared/i18n/locale';
import { useLocaleStore } from '../i18n/locale-store';
import { useStrings } from '../i18n/use-strings';

/** Each language named in itself, so whoever reads neither of the other can still find theirs. */
const LANGUAGES: ReadonlyArray<{ locale: Locale; name: string }> = [
  { locale: 'ko', name: '한국어' },
  { locale: 'en', name: 'English' },
];

/** The screen language, chosen where a start begins (main keeps the choice in its preferences). */
export function LanguageChoice() {
  const text = useStrings();
  const locale = useLocaleStore((state) => state.locale);
  const setLocale = useLocaleStore((state) => state.setLocale);
  return (
    <div className="language-choice" role="group" aria-label={text.languageChoice} data-testid="language-choice">
      {LANGUAGES.map((language) => (
        <button
          key={language.locale}
          type="button"
          lang={language.locale}
          className={language.locale === locale ? 'button button-primary' : 'button button-secondary'}
          aria-pressed={language.locale === locale}
          data-testid={`language-${language.locale}`}
          onClick={() => setLocale(language.locale)}
        >
          {language.name}
        </button>
      ))}
    </div>
  );
}
