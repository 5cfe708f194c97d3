import { DENOMINATIONS, SMALLEST_NOTE, type Denomination } from '../../../../shared/domain/drawer';
import { formatWon } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n/use-strings';
import { piecesOf, runningTotal, type CountTexts } from './count-form';
import { useDrawerTexts } from './drawer-strings';

interface CountFormProps {
  /** Names the fields for tests: `<prefix>-50000` … and `<prefix>-total`. */
  prefix: string;
  texts: CountTexts;
  onChange: (texts: CountTexts) => void;
  /** Once the cashier tried to submit: fields that do not read say so. */
  showErrors: boolean;
  disabled: boolean;
}

function CountField({
  denomination,
  prefix,
  texts,
  onChange,
  showErrors,
  disabled,
}: CountFormProps & { denomination: Denomination }) {
  const text = useDrawerTexts();
  const locale = useLocale();
  const id = `${prefix}-${denomination}`;
  const invalid = showErrors && Number.isNaN(piecesOf(texts[denomination]));
  const value = texts[denomination];
  const pieces = piecesOf(value);
  return (
    <div className="drawer-count-field">
      <label htmlFor={id}>{formatWon(denomination, locale)}</label>
      <input
        id={id}
        inputMode="numeric"
        autoComplete="off"
        value={value}
        placeholder="0"
        disabled={disabled}
        aria-label={text.piecesOf(formatWon(denomination, locale))}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? `${id}-error` : undefined}
        onChange={(event) => onChange({ ...texts, [denomination]: event.target.value })}
        data-testid={id}
      />
      <span className="drawer-count-sum" aria-hidden="true">
        {Number.isNaN(pieces) ? '—' : formatWon(denomination * pieces, locale)}
      </span>
      {invalid && (
        <p id={`${id}-error`} className="field-error" role="alert">
          {text.piecesInvalid}
        </p>
      )}
    </div>
  );
}

/** Notes then coins, a count for each, and what they come to as the cashier types. */
export function CountForm(props: CountFormProps) {
  const text = useDrawerTexts();
  const locale = useLocale();
  const groups: Array<[string, Denomination[]]> = [
    [text.notes, DENOMINATIONS.filter((d) => d >= SMALLEST_NOTE)],
    [text.coins, DENOMINATIONS.filter((d) => d < SMALLEST_NOTE)],
  ];
  return (
    <div className="drawer-count">
      {groups.map(([legend, denominations]) => (
        <fieldset key={legend} className="drawer-count-group">
          <legend>{legend}</legend>
          {denominations.map((denomination) => (
            <CountField key={denomination} denomination={denomination} {...props} />
          ))}
        </fieldset>
      ))}
      <p className="drawer-count-total" role="status">
        {text.countTotal}{' '}
        <strong data-testid={`${props.prefix}-total`}>{formatWon(runningTotal(props.texts), locale)}</strong>
      </p>
    </div>
  );
}
