import { useLocaleStore } from '../i18n/locale-store';
import { useStrings } from '../i18n/use-strings';

export function Header() {
  const text = useStrings();
  const locale = useLocaleStore((state) => state.locale);
  const toggleLocale = useLocaleStore((state) => state.toggleLocale);

  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">{text.appName}</span>
      </div>
      <button
        type="button"
        className="lang-toggle"
        data-testid="lang-toggle"
        aria-label={text.langToggleLabel}
        title={text.langToggleLabel}
        onClick={toggleLocale}
      >
        <span className={locale === 'ko' ? 'lang-option is-active' : 'lang-option'}>KO</span>
        <span className={locale === 'en' ? 'lang-option is-active' : 'lang-option'}>EN</span>
      </button>
    </header>
  );
}
