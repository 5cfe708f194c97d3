import type { DrawerShiftView } from '../../../../shared/domain/drawer';
import { formatWon } from '../../../../shared/domain/money';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { useDrawerTexts } from './drawer-strings';
import { signedWon, useOverShortText } from './ShiftFigures';

/**
 * A day's drawer shifts, one row each: who opened and closed it, the float, cash sales and
 * refunds, paid in and out, expected, counted and over/short. On the drawer screen and in the X and Z reports.
 */
export function DrawerShiftsTable({
  shifts,
  caption,
  captionHidden = false,
}: {
  shifts: readonly DrawerShiftView[];
  caption: string;
  /** Where a heading above already says it: the caption is for screen readers only. */
  captionHidden?: boolean;
}) {
  const text = useDrawerTexts();
  const locale = useLocale();
  const overShortText = useOverShortText();
  const who = (name: string | null) => name ?? text.someone;
  return (
    <table className="data-table drawer-shifts" data-testid="drawer-shifts">
      <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{text.shift}</th>
          <th scope="col" className="num">
            {text.float}
          </th>
          <th scope="col" className="num">
            {text.cashSalesColumn}
          </th>
          <th scope="col" className="num">
            {text.cashRefunds}
          </th>
          <th scope="col" className="num">
            {text.paidIn}
          </th>
          <th scope="col" className="num">
            {text.paidOut}
          </th>
          <th scope="col" className="num">
            {text.expected}
          </th>
          <th scope="col" className="num">
            {text.counted}
          </th>
          <th scope="col" className="num">
            {text.overShort}
          </th>
        </tr>
      </thead>
      <tbody>
        {shifts.map((shift) => (
          <tr key={shift.shiftId} data-testid={`drawer-shift-${shift.shiftId}`}>
            <th scope="row">
              <span className="drawer-shift-id">{text.shiftHeading(shift.shiftId)}</span>
              <span className="drawer-shift-who">
                {text.openedBy(formatDateTime(shift.openedAt, locale), who(shift.openedBy))}
              </span>
              <span className="drawer-shift-who">
                {shift.closedAt === null
                  ? text.stillOpen
                  : text.closedBy(formatDateTime(shift.closedAt, locale), who(shift.closedBy))}
              </span>
            </th>
            <td className="num">{formatWon(shift.floatTotal, locale)}</td>
            <td className="num">{formatWon(shift.takings.cashSales, locale)}</td>
            <td className="num">{formatWon(shift.takings.cashRefunds, locale)}</td>
            <td className="num">{formatWon(shift.takings.paidIn, locale)}</td>
            <td className="num">{formatWon(shift.takings.paidOut, locale)}</td>
            <td className="num">{signedWon(shift.takings.expected, locale)}</td>
            <td className="num">{shift.counted === null ? '—' : formatWon(shift.counted, locale)}</td>
            <td
              className={shift.overShort !== null && shift.overShort < 0 ? 'num drawer-short' : 'num'}
              data-testid="drawer-shift-over-short"
            >
              {shift.overShort === null ? '—' : overShortText(shift.overShort)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
