import type { DrawerMovement } from '../../../../shared/domain/drawer';
import { formatWon } from '../../../../shared/domain/money';
import { formatSeoulTime } from '../../../../shared/domain/time';
import { useLocale } from '../../i18n/use-strings';
import { reasonLabel } from './drawer-reason';
import { useDrawerTexts } from './drawer-strings';

/** The open shift's cash paid in and out, oldest first, with who and why. */
export function MovementList({ movements }: { movements: readonly DrawerMovement[] }) {
  const text = useDrawerTexts();
  const locale = useLocale();
  if (movements.length === 0) return <p className="field-hint">{text.noMovements}</p>;
  return (
    <table className="data-table drawer-movements" data-testid="drawer-movements">
      <caption className="visually-hidden">{text.movementsHeading}</caption>
      <thead>
        <tr>
          <th scope="col">{text.time}</th>
          <th scope="col">{text.kindLabel}</th>
          <th scope="col">{text.reason}</th>
          <th scope="col">{text.who}</th>
          <th scope="col" className="num">
            {text.amount}
          </th>
        </tr>
      </thead>
      <tbody>
        {movements.map((movement, index) => (
          <tr key={`${movement.at}-${index}`} data-testid="drawer-movement">
            {/* Within a shift the time of day says enough. */}
            <td>{formatSeoulTime(movement.at).slice(11)}</td>
            <td>{movement.kind === 'in' ? text.kindIn : text.kindOut}</td>
            <td>{reasonLabel(movement.reason, text)}</td>
            <td>{movement.by ?? text.someone}</td>
            <td className="num">
              {movement.kind === 'in' ? '+' : '−'}
              {formatWon(movement.amount, locale)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
