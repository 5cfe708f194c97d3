import { useEffect } from 'react';
import { useCheckout } from '../features/checkout/checkout-store';
import { ReceiptScreen } from '../features/receipt/ReceiptScreen';
import { RegisterScreen } from '../features/register/RegisterScreen';
import { useLocale } from '../i18n/use-strings';
import { BootScreen } from './BootScreen';
import { Header } from './Header';
import { NoticeBanner } from './NoticeBanner';
import { PhaseStatus } from './PhaseStatus';
import { useSession } from './session-store';
import { TrainingBanner } from './TrainingBanner';
import './app.css';

export function App() {
  const boot = useSession((state) => state.boot);
  const load = useSession((state) => state.load);
  const phase = useCheckout((state) => state.phase);
  const locale = useLocale();

  useEffect(() => {
    void load();
  }, [load]);

  // Screen readers and the browser's own text handling follow the chosen language.
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  return (
    <div className="app">
      <Header />
      {boot.status === 'ready' && boot.info.mode === 'training' && <TrainingBanner />}
      {boot.status === 'ready' && <NoticeBanner notices={boot.info.notices} />}
      <main className="app-main">
        {boot.status !== 'ready' ? (
          <BootScreen boot={boot} onRetry={() => void load()} />
        ) : phase === 'paid' ? (
          <ReceiptScreen />
        ) : (
          <RegisterScreen catalog={boot.catalog} />
        )}
      </main>
      <PhaseStatus phase={phase} />
    </div>
  );
}
