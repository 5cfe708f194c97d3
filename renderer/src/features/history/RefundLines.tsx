import { lineKeyOf } from '../../../../shared/domain/cart-line';
import { formatWon } from '../../../../shared/domain/money';
import type { Order } from '../../../../shared/domain/order';
import { useLocale } from '../../i18n/use-strings';
import { useHistoryStrings } from './history-strings';
import { refundedQuantities } from './order-standing';
import { useLineName } from './use-line-name';

interface RefundLinesProps {
  order: Order;
  /** Units to give back, by line key. */
  quantities: Readonly<Record<string, number>>;
  onChange: (quantities: Record<string, number>) => void;
  problem: string | null;
}

/** A row per line with a stepper from 0 up to the units not yet refunded. */
export function RefundLines({ order, quantities, onChange, problem }: RefundLinesProps) {
  const text = useHistoryStrings();
  const locale = useLocale();
  const nameOf = useLineName(order);
  const refunded = refundedQuantities(order);

  return (
    <fieldset className="choice-set" aria-describedby={problem === null ? undefined : 'refund-lines-problem'}>
      <legend>{text.linesLegend}</legend>
      <ul className="refund-lines">
        {order.lines.map((line) => {
          // Two lattes apart by their options are two lines, each refunded on its own.
          const key = lineKeyOf(line);
          const left = Math.max(0, line.quantity - (refunded.get(key) ?? 0));
          const chosen = Math.min(quantities[key] ?? 0, left);
          const name = nameOf(key);
          const set = (quantity: number) => onChange({ ...quantities, [key]: Math.min(left, Math.max(0, quantity)) });
          return (
            <li key={key} className="refund-line" data-testid={`refund-line-${key}`}>
              <span className="refund-line-name">
                {name}
                <span className="history-sub">
                  {text.lineLeft(left, line.quantity)} ·{' '}
                  {text.lineNet(formatWon(Math.floor((line.lineTotal - line.discount) / line.quantity), locale))}
                </span>
              </span>
              <span className="stepper">
                <button
                  type="button"
                  className="stepper-button"
                  aria-label={text.fewer(name)}
                  disabled={chosen === 0}
                  onClick={() => set(chosen - 1)}
                  data-testid={`refund-fewer-${key}`}
                >
                  −
                </button>
                <input
                  type="number"
                  className="stepper-value"
                  min={0}
                  max={left}
                  value={chosen}
                  disabled={left === 0}
                  aria-label={`${name} · ${text.quantity}`}
                  onChange={(event) =>
                    set(Number.isInteger(event.target.valueAsNumber) ? event.target.valueAsNumber : 0)
                  }
                  data-testid={`refund-qty-${key}`}
                />
                <button
                  type="button"
                  className="stepper-button"
                  aria-label={text.more(name)}
                  disabled={chosen >= left}
                  onClick={() => set(chosen + 1)}
                  data-testid={`refund-more-${key}`}
                >
                  +
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {problem !== null && (
        <p id="refund-lines-problem" className="field-error" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
