import type { DrawerShiftView } from '../../../../shared/domain/drawer';
import { formatWon } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n/use-strings';
import { useDrawerTexts } from './drawer-strings';

/** "−1,000원" for a negative amount. */
export function signedWon(amount: number, locale: 'ko' | 'en'): string {
  return amount < 0 ? `−${formatWon(-amount, locale)}` : formatWon(amount, locale);
}

/** An amount that went in (+) or out (−) of the drawer; nothing has no sign. */
function moved(sign: '+' | '−', amount: number, locale: 'ko' | 'en'): string {
  return amount === 0 ? formatWon(0, locale) : `${sign}${formatWon(amount, locale)}`;
}

/** Over, short or even, in words. */
export function useOverShortText(): (overShort: number) => string {
  const text = useDrawerTexts();
  const locale = useLocale();
  return (overShort) =>
    overShort === 0
      ? text.even
      : overShort > 0
        ? text.over(formatWon(overShort, locale))
        : text.short(formatWon(-overShort, locale));
}

/** A shift's float and what went in and out of the drawer, down to what should be in it. */
export function ShiftFigures({ shift }: { shift: DrawerShiftView }) {
  const text = useDrawerTexts();
  const locale = useLocale();
  const { takings } = shift;
  const rows: Array<[string, string, string]> = [
    ['float', text.float, formatWon(shift.floatTotal, locale)],
    ['cash-sales', text.cashSales(takings.cashSaleCount), moved('+', takings.cashSales, locale)],
    ['cash-refunds', text.cashRefunds, moved('−', takings.cashRefunds, locale)],
    ['paid-in', text.paidIn, moved('+', takings.paidIn, locale)],
    ['paid-out', text.paidOut, moved('−', takings.paidOut, locale)],
  ];
  return (
    <dl className="drawer-figures">
      {rows.map(([key, label, value]) => (
        <div key={key} className="drawer-figure">
          <dt>{label}</dt>
          <dd data-testid={`drawer-${key}`}>{value}</dd>
        </div>
      ))}
      <div className="drawer-figure drawer-figure-total">
        <dt>{text.expected}</dt>
        <dd data-testid="drawer-expected">{signedWon(takings.expected, locale)}</dd>
      </div>
    </dl>
  );
}
