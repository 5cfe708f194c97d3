import { useEffect, useRef, useState } from 'react';
import { needsManagerApproval } from '../../../../shared/domain/discount-approval';
import { useLocale, useStrings } from '../../i18n/use-strings';
import { useCheckout, type Problem } from './checkout-store';
import { describeProblem } from './describe-problem';

/**
 * Why the last payment attempt stopped, in the middle of the register where the cashier looks,
 * and what to do next. Toss's code is never shown as text (it rides along as `data-code` for
 * whoever the cashier calls); the plain sentence is. A discount main would not take without a
 * manager (its approval used, expired, for another cart) is approved again, not paid again.
 * A declined card can also be paid another way: in cash, or split over several tenders.
 */
export function CheckoutProblem({
  onPayAgain,
  onApproveAgain,
  onPayCash,
  onSplit,
}: {
  onPayAgain: () => void;
  onApproveAgain: () => void;
  onPayCash: () => void;
  onSplit: () => void;
}) {
  const text = useStrings();
  const locale = useLocale();
  const problem = useCheckout((state) => state.problem);
  const phase = useCheckout((state) => state.phase);
  const outcomeUnknown = useCheckout((state) => state.approval !== null);
  const checkAgain = useCheckout((state) => state.checkAgain);
  const dismissProblem = useCheckout((state) => state.dismissProblem);
  // The split dialog tells of its own parts' problems.
  const splitOpen = useCheckout((state) => state.split?.open === true);
  const action = useRef<HTMLButtonElement>(null);
  const firstWay = useRef<HTMLButtonElement>(null);
  // The problem whose other ways of paying are shown: a new problem starts with them folded.
  const [otherWaysOf, setOtherWaysOf] = useState<Problem | null>(null);
  const otherWays = problem !== null && otherWaysOf === problem;

  // The cashier's next step takes the focus, so Enter or Space does it.
  useEffect(() => {
    if (problem !== null) action.current?.focus();
  }, [problem]);

  useEffect(() => {
    if (otherWays) firstWay.current?.focus();
  }, [otherWays]);

  if (problem === null || splitOpen) return null;
  const code = problem.source === 'main' ? (problem.error.tossCode ?? problem.error.code) : problem.code;
  const askManager = problem.source === 'main' && needsManagerApproval(problem.error.code);

  return (
    <div className="checkout-problem" data-code={code ?? undefined} data-testid="checkout-problem">
      <p className="problem-message" role="alert" data-testid="error">
        {describeProblem(problem, locale, text)}
      </p>
      {outcomeUnknown && <p className="problem-note">{text.cartLockedNote}</p>}
      <div className="problem-actions">
        {outcomeUnknown ? (
          <button
            ref={action}
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
          <>
            <button
              type="button"
              className="button button-plain"
              data-testid="problem-dismiss"
              onClick={dismissProblem}
            >
              {text.dismiss}
            </button>
            {!askManager && otherWays && (
              <>
                <button
                  ref={firstWay}
                  type="button"
                  className="button button-secondary"
                  data-testid="problem-pay-cash"
                  onClick={() => {
                    dismissProblem();
                    onPayCash();
                  }}
                >
                  {text.payInCash}
                </button>
                <button
                  type="button"
                  className="button button-secondary"
                  data-testid="problem-pay-split"
                  onClick={() => {
                    dismissProblem();
                    onSplit();
                  }}
                >
                  {text.payInParts}
                </button>
              </>
            )}
            {!askManager && !otherWays && (
              <button
                type="button"
                className="button button-secondary"
                data-testid="problem-another-way"
                onClick={() => setOtherWaysOf(problem)}
              >
                {text.payAnotherWay}
              </button>
            )}
            {askManager ? (
              <button
                ref={action}
                type="button"
                className="button button-primary"
                data-testid="problem-approve-again"
                onClick={onApproveAgain}
              >
                {text.approveAgain}
              </button>
            ) : (
              <button
                ref={action}
                type="button"
                className="button button-primary"
                data-testid="pay-again"
                onClick={onPayAgain}
              >
                {text.payAgain}
              </button>
            )}
          </>
        )}
      </div>
    </div>
  );
}
