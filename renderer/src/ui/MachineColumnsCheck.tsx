import { featureStrings } from '../i18n/use-strings';

const useText = featureStrings({
  ko: { label: '영문 열 이름', hint: '스크립트용 (order_id …)' },
  en: { label: 'Machine column names', hint: 'for scripts (order_id …)' },
});

/** Beside a CSV export: the header row in machine words (as scripts read it) instead of the screen's language. */
export function MachineColumnsCheck({
  checked,
  onChange,
  testId,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId: string;
}) {
  const text = useText();
  return (
    <label className="checkbox csv-machine-columns">
      <input
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        data-testid={testId}
      />
      <span className="checkbox-text">
        <span>{text.label}</span>
        <span className="field-hint">{text.hint}</span>
      </span>
    </label>
  );
}
