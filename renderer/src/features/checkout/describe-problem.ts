import { describeError, describeSdkError, type Locale } from '../../../../shared/i18n/error-messages';
import type { Strings } from '../../i18n/strings';
import type { Problem } from './checkout-store';

/** The sentence for the cashier, in the current language. */
export function describeProblem(problem: Problem, locale: Locale, text: Strings): string {
  if (problem.source === 'main') return describeError(problem.error, locale);
  return (
    (problem.code === null ? undefined : describeSdkError(problem.code, locale)) ?? text.windowFailed(problem.code)
  );
}
