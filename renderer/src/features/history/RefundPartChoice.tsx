import { useId } from 'react';
import { formatWon } from '../../../../shared/domain/money';
import { partLabel } from '../../i18n/part-label';
import { useLocale } from '../../i18n/use-strings';
import { useHistoryStrings } from './history-strings';
import type { RefundablePart } from './order-standing';

interface RefundPartChoiceProps {
  parts: readonly RefundablePart[];
  value: number | null;
  onChange: (part: number) => void;
  problem: string | null;
}

/** Which payment of an order paid in parts the refund goes back to: a radio per paid part, with what it has left. */
export function RefundPartChoice({ parts, value, onChange, problem }: RefundPartChoiceProps) {
  const text = useHistoryStrings();
  const locale = useLocale();
  const name = useId();
  const won = (amount: number) => formatWon(amount, locale);
  return (
    <fieldset className="choice-set" aria-describedby={problem === null ? undefined : `${name}-problem`}>
      <legend>{text.refundPartLegend}</legend>
      <div className="choice-row">
        {parts.map(({ part, balance }) => (
          <label key={part.part} className="choice-chip">
            <input
              type="radio"
              name={name}
              checked={value === part.part}
              disabled={balance === 0}
              onChange={() => onChange(part.part)}
              data-testid={`refund-part-${part.part}`}
            />
            <span>{text.refundPartChoice(partLabel(part, locale), won(part.amount), won(balance))}</span>
          </label>
        ))}
      </div>
      {problem !== null && (
        <p id={`${name}-problem`} className="field-error" role="alert" data-testid="refund-part-problem">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
