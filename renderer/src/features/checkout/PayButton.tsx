import { useStrings } from '../../i18n/use-strings';
import { selectIsBusy, useCheckout } from './checkout-store';
import { usePhaseText } from './checkout-strings';
import './checkout.css';

export function PayButton({ cartEmpty, onPay }: { cartEmpty: boolean; onPay: () => void }) {
  const text = useStrings();
  const phaseText = usePhaseText();
  const phase = useCheckout((state) => state.phase);
  const busy = useCheckout(selectIsBusy);
  const mustCheckAgain = useCheckout((state) => state.approval !== null);
  const label = busy ? phaseText[phase] : mustCheckAgain ? text.checkAgain : text.pay;

  return (
    <button
      type="button"
      className="pay-button"
      data-testid="pay"
      data-phase={phase}
      disabled={busy || (cartEmpty && !mustCheckAgain)}
      aria-busy={busy}
      title={text.payHint}
      onClick={onPay}
    >
      {busy && <span className="spinner" aria-hidden="true" />}
      <span>{label}</span>
      {!busy && <kbd className="pay-key">F9</kbd>}
    </button>
  );
}
