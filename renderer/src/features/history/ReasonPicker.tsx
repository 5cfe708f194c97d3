import { REFUND_REASONS } from '../../../../shared/domain/refunds';
import { TextField } from '../../ui/TextField';
import { useHistoryStrings } from './history-strings';

interface ReasonPickerProps {
  preset: number | null;
  detail: string;
  onChange: (reason: { preset: number | null; detail: string }) => void;
  problem: string | null;
}

/** A preset reason (a second press lets it go), and the manager's own words: one or both, never neither. */
export function ReasonPicker({ preset, detail, onChange, problem }: ReasonPickerProps) {
  const text = useHistoryStrings();
  return (
    <fieldset className="choice-set">
      <legend>{text.reasonLegend}</legend>
      <div className="choice-row">
        {REFUND_REASONS.map((reason, index) => (
          <button
            key={reason}
            type="button"
            className="choice-chip"
            aria-pressed={preset === index}
            onClick={() => onChange({ preset: preset === index ? null : index, detail })}
            data-testid={`refund-reason-${index}`}
          >
            {text.reasons[index]}
          </button>
        ))}
      </div>
      <TextField
        label={text.reasonDetail}
        value={detail}
        onChange={(next) => onChange({ preset, detail: next })}
        maxLength={120}
        error={problem}
        data-testid="refund-reason-text"
      />
    </fieldset>
  );
}
