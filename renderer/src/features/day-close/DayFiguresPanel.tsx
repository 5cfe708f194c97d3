import { cardCompanyName } from '../../../../shared/domain/card-companies';
import type { DayFigures, FigureLine } from '../../../../shared/domain/day-close';
import { formatWon } from '../../../../shared/domain/money';
import { formatDateTime, formatTossTerm } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { useDayCloseStrings } from './day-close-strings';
import { TaxFiguresTable } from './TaxFiguresTable';

function signedWon(amount: number, locale: 'ko' | 'en'): string {
  return amount < 0 ? `−${formatWon(-amount, locale)}` : formatWon(amount, locale);
}

function LineTable({
  caption,
  label,
  rows,
  testId,
}: {
  caption: string;
  label: string;
  rows: Array<FigureLine & { name: string; key: string }>;
  testId: string;
}) {
  const text = useDayCloseStrings();
  const locale = useLocale();
  if (rows.length === 0) return null;
  return (
    <table className="data-table day-table" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{label}</th>
          <th scope="col" className="num">
            {text.orders}
          </th>
          <th scope="col" className="num">
            {text.amountSold}
          </th>
          <th scope="col" className="num">
            {text.amountRefunded}
          </th>
          <th scope="col" className="num">
            {text.amountNet}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-testid={`${testId}-${row.key}`}>
            <th scope="row">{row.name}</th>
            <td className="num">{row.orders}</td>
            <td className="num">{formatWon(row.sales, locale)}</td>
            <td className="num">{row.refunds === 0 ? formatWon(0, locale) : `−${formatWon(row.refunds, locale)}`}</td>
            <td className="num">{signedWon(row.net, locale)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The day in figures: what it took, what discounts and refunds took back, and how it splits by method, card company and product. */
export function DayFiguresPanel({ figures }: { figures: DayFigures }) {
  const text = useDayCloseStrings();
  const locale = useLocale();
  const won = (amount: number) => formatWon(amount, locale);
  const methods = figures.byMethod.map((line) => ({
    ...line,
    key: line.method,
    name: line.method === 'none' ? text.paidByDiscount : formatTossTerm(line.method, locale),
  }));
  const companies = figures.byCardCompany.map((line) => ({
    ...line,
    key: line.issuerCode ?? 'unknown',
    name: cardCompanyName(line.issuerCode, locale) ?? text.unknownCompany,
  }));
  return (
    <section className="panel day-panel" aria-labelledby="day-figures-title" data-testid="day-figures">
      <h2 id="day-figures-title" className="visually-hidden">
        {text.net}
      </h2>
      <dl className="day-figures">
        <div>
          <dt>{text.gross}</dt>
          <dd data-testid="day-gross">{won(figures.gross)}</dd>
        </div>
        <div>
          <dt>{text.couponDiscounts}</dt>
          <dd data-testid="day-coupons">
            {figures.couponDiscounts === 0 ? won(0) : `−${won(figures.couponDiscounts)}`}
          </dd>
        </div>
        <div>
          <dt>{text.manualDiscounts}</dt>
          <dd data-testid="day-manual">
            {figures.manualDiscounts === 0 ? won(0) : `−${won(figures.manualDiscounts)}`}
          </dd>
        </div>
        <div>
          <dt>
            {text.sales} <span className="day-count">{text.salesOrders(figures.orders)}</span>
          </dt>
          <dd data-testid="day-sales">{won(figures.sales)}</dd>
        </div>
        <div>
          <dt>
            {text.refunds} <span className="day-count">{text.refundCount(figures.refunds.count)}</span>
          </dt>
          <dd data-testid="day-refunds">{figures.refunds.amount === 0 ? won(0) : `−${won(figures.refunds.amount)}`}</dd>
        </div>
        <div className="day-net">
          <dt>{text.net}</dt>
          <dd data-testid="day-net">{signedWon(figures.net, locale)}</dd>
        </div>
      </dl>
      <p className="day-notes">
        <span>{text.refundRule}</span>
        <span data-testid="day-training">
          {figures.practice ? text.practiceLeftIn(figures.orders) : text.trainingLeftOut(figures.trainingOrders)}
        </span>
        <span>
          {text.window(formatDateTime(figures.window.from, locale), formatDateTime(figures.window.until, locale))}
        </span>
      </p>
      {(figures.unsettled.payments > 0 || figures.unsettled.refunds > 0) && (
        <p className="day-unsettled" role="status" data-testid="day-unsettled">
          {text.unsettled(figures.unsettled.payments, figures.unsettled.refunds)}
        </p>
      )}
      {methods.length === 0 ? (
        <p className="field-hint">{text.noSales}</p>
      ) : (
        <div className="day-tables">
          <LineTable caption={text.byMethod} label={text.method} rows={methods} testId="day-method" />
          <LineTable caption={text.byCardCompany} label={text.cardCompany} rows={companies} testId="day-company" />
        </div>
      )}
      {figures.taxes !== undefined && <TaxFiguresTable taxes={figures.taxes} />}
      {figures.topProducts.length > 0 && (
        <table className="data-table day-table" data-testid="day-products">
          <caption>{text.topProducts}</caption>
          <thead>
            <tr>
              <th scope="col">{text.product}</th>
              <th scope="col" className="num">
                {text.quantity}
              </th>
              <th scope="col" className="num">
                {text.amountSold}
              </th>
            </tr>
          </thead>
          <tbody>
            {figures.topProducts.map((product) => (
              <tr key={product.productId}>
                <th scope="row">
                  {product.name}
                  {product.options.length > 0 && (
                    <span className="day-product-options">
                      {product.options.map((option) => `${option.name} ×${option.count}`).join(' · ')}
                    </span>
                  )}
                </th>
                <td className="num">{product.quantity}</td>
                <td className="num">{won(product.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
