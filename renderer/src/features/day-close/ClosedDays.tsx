import { formatWon } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n/use-strings';
import { FormError } from '../../ui/FormError';
import { useDayCloseStrings } from './day-close-strings';
import { useClosedDays } from './use-closed-days';

/** The days already closed, newest first: each opens its Z report's day. */
export function ClosedDays({ version, onPick }: { version: number; onPick: (day: string) => void }) {
  const text = useDayCloseStrings();
  const locale = useLocale();
  const { closes, error } = useClosedDays(version);
  return (
    <section
      className="panel day-panel"
      aria-labelledby="day-closes-title"
      aria-busy={closes === null && error === null}
      data-testid="day-closes"
    >
      <h2 id="day-closes-title">{text.closes}</h2>
      <FormError error={error} />
      {closes !== null && closes.length === 0 && <p className="field-hint">{text.noCloses}</p>}
      {closes !== null && closes.length > 0 && (
        <ul className="day-close-list">
          {closes.map((close) => (
            <li key={close.day}>
              <button
                type="button"
                className="button button-plain button-small"
                onClick={() => onPick(close.day)}
                data-testid={`day-closed-${close.day}`}
              >
                {text.closeRow(close.day, formatWon(close.net, locale), close.mismatches)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
