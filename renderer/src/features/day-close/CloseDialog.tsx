import type { DayReport } from '../../../../shared/domain/day-close';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { useDayCloseStrings } from './day-close-strings';
import { useCloseDay } from './use-close-day';

/** Asks before the Z close, says what it does, and makes it: the figures frozen, later sales in the next day (in training, a practice Z). */
export function CloseDialog({
  day,
  practice,
  onClosed,
  onCancel,
}: {
  day: string;
  /** Training's rehearsal: a practice Z, nothing closed. */
  practice: boolean;
  onClosed: (report: DayReport) => void;
  onCancel: () => void;
}) {
  const text = useDayCloseStrings();
  const { busy, error, close } = useCloseDay(day, practice, onClosed);

  return (
    <Dialog
      title={practice ? text.practiceConfirmTitle(day) : text.confirmTitle(day)}
      onCancel={onCancel}
      testId="day-close-confirm"
    >
      <ul className="day-confirm-list">
        {(practice ? text.practiceConfirmBody : text.confirmBody).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <FormError error={error} testId="day-close-error" />
      {/* Cancel comes first and takes focus: Z then Enter never closes a day by itself. */}
      <div className="dialog-actions">
        <button
          type="button"
          className="button button-plain"
          onClick={onCancel}
          disabled={busy}
          data-testid="day-close-no"
        >
          {text.cancel}
        </button>
        <button
          type="button"
          className="button button-danger"
          onClick={close}
          disabled={busy}
          aria-busy={busy}
          data-testid="day-close-yes"
        >
          {busy && <span className="spinner" aria-hidden="true" />} {practice ? text.practiceConfirm : text.confirm}
        </button>
      </div>
    </Dialog>
  );
}
