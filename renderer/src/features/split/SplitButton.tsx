import { formatWon } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n/use-strings';
import { selectIsBusy, useCheckout } from '../checkout';
import { splitFigures } from './split-model';
import { useSplitTexts } from './split-strings';
import './split.css';

/** "나눠 결제" by Pay: the cart's order paid in parts; once parts are paid, the way back to them (as Pay is). */
export function SplitButton({ cartEmpty, onSplit }: { cartEmpty: boolean; onSplit: () => void }) {
  const text = useSplitTexts();
  const busy = useCheckout(selectIsBusy);
  const mustCheckAgain = useCheckout((state) => state.approval !== null);
  return (
    <button
      type="button"
      className="button button-plain split-button"
      data-testid="pay-split"
      title={text.buttonHint}
      disabled={busy || mustCheckAgain || cartEmpty}
      onClick={onSplit}
    >
      <span>{text.button}</span>
      {/* The register's hint bar has no room left at 1024 px: the key is told here. */}
      <kbd className="split-key">⇧F9</kbd>
    </button>
  );
}

/** Over the pay row while an order is partly paid and its dialog is closed: what was paid, what is left. */
export function SplitStanding() {
  const text = useSplitTexts();
  const locale = useLocale();
  const split = useCheckout((state) => state.split);
  if (split === null || split.open) return null;
  const { paid, left } = splitFigures(split.order);
  return (
    <p className="split-standing" role="status" data-testid="split-standing">
      {text.partlyPaid(formatWon(paid, locale), formatWon(left, locale))}
    </p>
  );
}
