import { selectManagerName, TillBadge, useStaff, useStaffStrings } from '../features/staff';
import { useLocaleStore } from '../i18n/locale-store';
import { useStrings } from '../i18n/use-strings';
import { selectInfo, useSession } from '../session/session-store';
import { useNav, type Screen } from './nav-store';

const SCREENS: readonly Screen[] = ['register', 'catalog', 'coupons', 'history', 'day-close', 'settings'];

/** `canSignOut`: no payment under way, so the next cashier may take over. */
export function Header({ showNav, canSignOut }: { showNav: boolean; canSignOut: boolean }) {
  const text = useStrings();
  const staffText = useStaffStrings();
  const locale = useLocaleStore((state) => state.locale);
  const toggleLocale = useLocaleStore((state) => state.toggleLocale);
  const screen = useNav((state) => state.screen);
  const go = useNav((state) => state.go);
  const manager = useStaff(selectManagerName);
  const shopName = useSession((state) => selectInfo(state)?.shopName ?? null);

  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        {/* The shop's own name, once entered, takes the app's place: the tabs keep their line on a 1024 px screen. */}
        {shopName === null ? (
          <span className="brand-name">{text.appName}</span>
        ) : (
          <span className="brand-name brand-shop" data-testid="shop-name" title={shopName}>
            {shopName}
          </span>
        )}
      </div>
      {showNav && (
        <nav className="app-nav" aria-label={text.navLabel}>
          {SCREENS.map((target) => (
            <button
              key={target}
              type="button"
              className="nav-tab"
              data-testid={`nav-${target}`}
              aria-current={screen === target ? 'page' : undefined}
              onClick={() => go(target)}
            >
              {text.screens[target]}
            </button>
          ))}
        </nav>
      )}
      <div className="header-tools">
        <TillBadge canSignOut={canSignOut} />
        {manager !== null && (
          <div className="manager-badge" data-testid="manager-badge">
            <span title={staffText.managerBadge(manager)}>{staffText.managerBadge(manager)}</span>
            <button
              type="button"
              className="button button-plain button-small"
              data-testid="manager-lock"
              onClick={() => void useStaff.getState().lock()}
            >
              {staffText.lock}
            </button>
          </div>
        )}
        {/* The spoken name starts with what the button shows (KO EN), then says what it does. */}
        <button
          type="button"
          className="lang-toggle"
          data-testid="lang-toggle"
          title={text.langToggleLabel}
          onClick={toggleLocale}
        >
          <span className={locale === 'ko' ? 'lang-option is-active' : 'lang-option'}>KO</span>
          <span className={locale === 'en' ? 'lang-option is-active' : 'lang-option'}>EN</span>
          <span className="visually-hidden">{text.langToggleLabel}</span>
        </button>
      </div>
    </header>
  );
}
