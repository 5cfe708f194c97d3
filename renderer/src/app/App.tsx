import { useEffect, useState } from 'react';
import { CatalogScreen } from '../features/catalog';
import { useCheckout, useCheckoutChimes } from '../features/checkout';
import { CouponsScreen } from '../features/coupons';
import { DayCloseScreen } from '../features/day-close';
import { DrawerScreen, DrawerStatus } from '../features/drawer';
import { CallControls, OrderTicketPrint } from '../features/calling';
import { RecentReceiptsButton } from '../features/recent-receipts';
import { FirstProductHint, FirstStartScreen, useFirstStart } from '../features/first-start';
import { HeldControls } from '../features/held';
import { HistoryScreen } from '../features/history';
import { ReceiptScreen } from '../features/receipt';
import { keepDraftInMain, RegisterScreen, restoreRegister } from '../features/register';
import { SettingsScreen } from '../features/settings';
import { SettlementNotice } from '../features/settlements';
import { SharedStoreBadge } from '../features/shared-store';
import { SignInScreen, UnlockDialog, useStaff } from '../features/staff';
import { useLocale, useStrings } from '../i18n/use-strings';
import { useSession } from '../session/session-store';
import { BootScreen } from './BootScreen';
import { Header } from './Header';
import { useNav } from './nav-store';
import { NoticeBanner } from './NoticeBanner';
import { PhaseStatus } from './PhaseStatus';
import { TrainingBanner } from './TrainingBanner';
import '../ui/ui.css';
import './app.css';

/** A new mode means another Toss: the page reloads so its CSP and payment window follow. */
function reloadIntoNewMode(): void {
  window.location.reload();
}

export function App() {
  const boot = useSession((state) => state.boot);
  const load = useSession((state) => state.load);
  const phase = useCheckout((state) => state.phase);
  const staff = useStaff((state) => state.status);
  const firstStartRunning = useFirstStart((state) => state.running);
  const nav = useNav();
  const text = useStrings();
  const locale = useLocale();
  const sessionOpen = staff?.session != null;
  const [restored, setRestored] = useState(false);
  const booted = boot.status === 'ready';
  useCheckoutChimes();

  // The register as main kept it (a reload, a crashed window), then every change kept there again.
  useEffect(() => {
    if (!booted) return;
    let stop: (() => void) | null = null;
    let current = true;
    void restoreRegister()
      .catch(() => undefined)
      .then(() => {
        if (!current) return;
        stop = keepDraftInMain();
        setRestored(true);
      });
    return () => {
      current = false;
      stop?.();
    };
  }, [booted]);

  useEffect(() => {
    void load();
    void useStaff.getState().refresh();
  }, [load]);

  useEffect(() => {
    if (!sessionOpen) useNav.getState().sessionEnded();
  }, [sessionOpen]);

  // Screen readers and the browser's own text handling follow the chosen language.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const ready = boot.status === 'ready' && staff !== null && restored;
  // The first start stays on screen after its owner exists, until its last step.
  const setupNeeded = staff?.setupNeeded === true || firstStartRunning;
  // Nobody at the till: the register and its sales wait for someone to sign in.
  const signedIn = staff?.signedIn != null;

  return (
    <div className="app">
      <Header showNav={ready && !setupNeeded && signedIn} canSignOut={phase === 'idle' || phase === 'paid'} />
      {boot.status === 'ready' && boot.info.mode === 'training' && <TrainingBanner />}
      {boot.status === 'ready' && <NoticeBanner notices={boot.info.notices} />}
      {boot.status === 'ready' && <SettlementNotice />}
      {boot.status === 'ready' && <SharedStoreBadge />}
      {nav.refused === 'payment-in-flight' && (
        <p className="nav-refused" role="alert" data-testid="nav-refused">
          {text.navRefusedPayment}
        </p>
      )}
      <main className="app-main">
        {boot.status !== 'ready' ? (
          <BootScreen boot={boot} onRetry={() => void load()} />
        ) : !ready ? (
          <BootScreen boot={{ status: 'loading' }} onRetry={() => undefined} />
        ) : setupNeeded ? (
          <FirstStartScreen mode={boot.info.mode} onModeSwitched={reloadIntoNewMode} />
        ) : !signedIn ? (
          <SignInScreen />
        ) : nav.screen === 'settings' ? (
          <SettingsScreen onModeSwitched={reloadIntoNewMode} />
        ) : nav.screen === 'catalog' ? (
          <CatalogScreen />
        ) : nav.screen === 'coupons' ? (
          <CouponsScreen />
        ) : nav.screen === 'history' ? (
          <HistoryScreen />
        ) : nav.screen === 'day-close' ? (
          <DayCloseScreen />
        ) : nav.screen === 'drawer' ? (
          <DrawerScreen onBack={() => nav.go('register')} />
        ) : phase === 'paid' ? (
          <>
            <ReceiptScreen />
            <OrderTicketPrint />
          </>
        ) : (
          <RegisterScreen
            catalog={boot.catalog}
            cartTools={<HeldControls />}
            searchTools={
              <>
                <DrawerStatus onOpen={() => nav.go('drawer')} />
                <CallControls />
                <RecentReceiptsButton />
              </>
            }
            catalogNotice={
              boot.catalog.products.length === 0 && <FirstProductHint onAdd={() => useNav.getState().go('catalog')} />
            }
          />
        )}
      </main>
      {nav.awaitingPin !== null && <UnlockDialog onUnlocked={() => nav.unlocked()} onCancel={() => nav.cancelPin()} />}
      <PhaseStatus phase={phase} />
    </div>
  );
}
