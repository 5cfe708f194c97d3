import { describeError } from '../../../shared/i18n/error-messages';
import { useLocale, useStrings } from '../i18n/use-strings';
import { LanguageChoice } from '../ui/LanguageChoice';
import type { Boot } from '../session/session-store';

/** Before the register can open: loading, or why it could not. */
export function BootScreen({ boot, onRetry }: { boot: Exclude<Boot, { status: 'ready' }>; onRetry: () => void }) {
  const text = useStrings();
  const locale = useLocale();

  if (boot.status !== 'failed') {
    return (
      <div className="boot-screen" aria-busy="true">
        <span className="spinner spinner-large" aria-hidden="true" />
        <p>{text.loading}</p>
      </div>
    );
  }
  return (
    <div className="boot-screen">
      <LanguageChoice />
      <p className="boot-error" role="alert" data-testid="error">
        {describeError(boot.error, locale)}
      </p>
      <button type="button" className="button button-primary" onClick={onRetry}>
        {text.retry}
      </button>
    </div>
  );
}
