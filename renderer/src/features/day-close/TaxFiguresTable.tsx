import type { DayTaxFigures } from '../../../../shared/domain/tax-report';
import { formatWon } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n/use-strings';
import { useTaxStrings } from './tax-strings';

function signed(amount: number, locale: 'ko' | 'en'): string {
  return amount < 0 ? `−${formatWon(-amount, locale)}` : formatWon(amount, locale);
}

/** The day's figures for the 부가세 신고: how it was taken, and 과세 공급가액, 부가세 and 면세 sold, refunded and net. */
export function TaxFiguresTable({ taxes }: { taxes: DayTaxFigures }) {
  const text = useTaxStrings();
  const locale = useLocale();
  const won = (amount: number) => formatWon(amount, locale);
  const takings = [
    { key: 'card', label: text.card, value: taxes.card },
    { key: 'cash-receipt', label: text.cashWithReceipt, value: taxes.cashWithReceipt },
    { key: 'cash-plain', label: text.cashWithoutReceipt, value: taxes.cashWithoutReceipt },
  ];
  const splits = (['taxable', 'vat', 'taxFree'] as const).map((key) => ({
    key,
    label: text[key],
    sold: taxes.sales[key],
    refunded: taxes.refunded[key],
    net: taxes.net[key],
  }));
  return (
    <table className="data-table day-table" data-testid="day-taxes">
      <caption>{text.taxTitle}</caption>
      <thead>
        <tr>
          <th scope="col">{text.item}</th>
          <th scope="col" className="num">
            {text.sold}
          </th>
          <th scope="col" className="num">
            {text.refunded}
          </th>
          <th scope="col" className="num">
            {text.net}
          </th>
        </tr>
      </thead>
      <tbody>
        {takings.map((row) => (
          <tr key={row.key} data-testid={`day-taxes-${row.key}`}>
            <th scope="row">{row.label}</th>
            <td className="num">{won(row.value)}</td>
            <td className="num" />
            <td className="num" />
          </tr>
        ))}
        {splits.map((row) => (
          <tr key={row.key} data-testid={`day-taxes-${row.key}`}>
            <th scope="row">{row.label}</th>
            <td className="num">{won(row.sold)}</td>
            <td className="num">{row.refunded === 0 ? won(0) : `−${won(row.refunded)}`}</td>
            <td className="num">{signed(row.net, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
