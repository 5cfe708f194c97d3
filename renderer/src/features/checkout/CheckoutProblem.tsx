import { useLocale, useStrings } from '../../i18n/use-strings';
import { useCheckout } from './checkout-store';
import { describeProblem } from './describe-problem';

/** Why the last payment attempt stopped, and what the cashier can do about it. */
export function CheckoutProblem() {
  const text = useStrings();
  const locale = useLocale();
  const problem = useCheckout((state) => state.problem);
  const phase = useCheckout((state) => state.phase);
  const outcomeUnknown = useCheckout((state) => state.approval !== null);
  const checkAgain = useCheckout((state) => state.checkAgain);
  const dismissProblem = useCheckout((state) => state.dismissProblem);

  if (problem === null) return null;
  const code = problem.source === 'main' ? (problem.error.tossCode ?? problem.error.code) : problem.code;
  // The technical detail is for whoever the cashier calls, so it waits behind the code.
  const detail = problem.source === 'main' ? problem.error.message : problem.detail;

  return (
    <div className="checkout-problem">
      <div className="problem-body">
        {/* Only the sentence is the alert: it is what a screen reader should say and a test should read. */}
        <p className="problem-message" role="alert" data-testid="error">
          {describeProblem(problem, locale, text)}
        </p>
        {outcomeUnknown && <p className="problem-note">{text.cartLockedNote}</p>}
        {code !== null && (
          <p className="problem-code" title={detail}>
            {code}
          </p>
        )}
      </div>
      {outcomeUnknown ? (
        <button
          type="button"
          className="button button-primary"
          data-testid="check-again"
          title={text.checkAgainHint}
          disabled={phase !== 'idle'}
          onClick={() => void checkAgain()}
        >
          {text.checkAgain}
        </button>
      ) : (
        <button type="button" className="problem-dismiss" aria-label={text.dismiss} title={text.dismiss} onClick={dismissProblem}>
          ×
        </button>
      )}
    </div>
  );
}
