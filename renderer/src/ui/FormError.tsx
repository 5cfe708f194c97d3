import type { PosErrorData } from '../../../shared/domain/errors';
import { describeError } from '../../../shared/i18n/error-messages';
import { useLocale } from '../i18n/use-strings';

/**
 * Main's refusal in the cashier's words, as an alert; `withDetail` adds main's own short detail
 * (which product, which barcode) for the manager screens.
 */
export function FormError({
  error,
  testId,
  withDetail = false,
}: {
  error: PosErrorData | null;
  testId?: string;
  withDetail?: boolean;
}) {
  const locale = useLocale();
  if (error === null) return null;
  return (
    <p className="form-error" role="alert" data-testid={testId}>
      {describeError(error, locale)}
      {withDetail && <span className="field-hint"> {error.message}</span>}
    </p>
  );
}
