import { useId } from 'react';
import { useHistoryStrings, type RefundKind } from './history-strings';

const KINDS: readonly RefundKind[] = ['full', 'lines', 'amount'];

/** Whole, by items, or an amount: radio buttons side by side (arrow keys move between them). */
export function RefundKindChoice({ value, onChange }: { value: RefundKind; onChange: (kind: RefundKind) => void }) {
  const text = useHistoryStrings();
  const name = useId();
  return (
    <fieldset className="choice-set">
      <legend>{text.refundKind}</legend>
      <div className="choice-row">
        {KINDS.map((kind) => (
          <label key={kind} className="choice-chip">
            <input
              type="radio"
              name={name}
              checked={value === kind}
              onChange={() => onChange(kind)}
              data-testid={`refund-kind-${kind}`}
            />
            <span>{text.kinds[kind]}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
