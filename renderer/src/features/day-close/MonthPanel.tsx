import { useEffect, useState } from 'react';
import type { HistorySource } from '../../../../shared/domain/history';
import type { MonthReport } from '../../../../shared/domain/month-report';
import type { DayTaxFigures } from '../../../../shared/domain/tax-report';
import { formatWon } from '../../../../shared/domain/money';
import { useLocale } from '../../i18n/use-strings';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { OnlyThisRegister } from '../shared-store';
import { useTaxStrings } from './tax-strings';
import { useMonth } from './use-month';

/** The day report's print rule (day-close.css) prints the month's table alone too. */
const PRINTING = 'printing-day-report';

function printMonth(): void {
  document.body.classList.add(PRINTING);
  window.addEventListener('afterprint', () => document.body.classList.remove(PRINTING), { once: true });
  window.print();
}

function signed(amount: number, locale: 'ko' | 'en'): string {
  return amount < 0 ? `−${formatWon(-amount, locale)}` : formatWon(amount, locale);
}

function Figures({ taxes }: { taxes: DayTaxFigures }) {
  const locale = useLocale();
  return (
    <>
      {[taxes.card, taxes.cashWithReceipt, taxes.cashWithoutReceipt].map((amount, i) => (
        <td key={i} className="num">
          {formatWon(amount, locale)}
        </td>
      ))}
      <td className="num">{taxes.refunds === 0 ? formatWon(0, locale) : `−${formatWon(taxes.refunds, locale)}`}</td>
      {[taxes.net.taxable, taxes.net.vat, taxes.net.taxFree].map((amount, i) => (
        <td key={i} className="num">
          {signed(amount, locale)}
        </td>
      ))}
    </>
  );
}

function MonthDialog({ report, onClose }: { report: MonthReport; onClose: () => void }) {
  const text = useTaxStrings();
  useEffect(() => () => document.body.classList.remove(PRINTING), []);
  const title = `${text.monthTitle} ${report.month}`;
  return (
    <Dialog title={title} onCancel={onClose} testId="month-report" wide>
      <div className="day-report" tabIndex={0} role="region" aria-label={title}>
        <p className="field-hint">{text.monthNote}</p>
        {report.source === 'shop' && (
          <p className="field-hint" data-testid="month-shop-note">
            {text.monthShopNote}
          </p>
        )}
        {report.source === 'this-register' && <OnlyThisRegister testId="month-only-this-register" />}
        {report.days.length === 0 ? (
          <p>{text.monthEmpty}</p>
        ) : (
          <table className="data-table day-table" data-testid="month-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{text.day}</th>
                {[
                  text.card,
                  text.cashWithReceipt,
                  text.cashWithoutReceipt,
                  text.refunds,
                  text.taxable,
                  text.vat,
                  text.taxFree,
                ].map((label) => (
                  <th key={label} scope="col" className="num">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {report.days.map((day) => (
                <tr key={day.day} data-testid={`month-day-${day.day}`}>
                  <th scope="row">
                    {day.day} {day.closed ? 'Z' : ''}
                  </th>
                  <Figures taxes={day.taxes} />
                </tr>
              ))}
              <tr data-testid="month-total">
                <th scope="row">{text.total}</th>
                <Figures taxes={report.total} />
              </tr>
            </tbody>
          </table>
        )}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={printMonth} data-testid="month-print">
          {text.monthPrint}
        </button>
        <button type="button" className="button button-plain" onClick={onClose} data-testid="month-close">
          {text.close}
        </button>
      </div>
    </Dialog>
  );
}

/** A month picker for the 세무사's export: the month on screen (printable) or as CSV. */
export function MonthPanel({ initialMonth }: { initialMonth: string }) {
  const text = useTaxStrings();
  const [month, setMonth] = useState(initialMonth);
  const [report, setReport] = useState<MonthReport | null>(null);
  const [saved, setSaved] = useState<{ fileName: string; source?: HistorySource } | null>(null);
  const work = useMonth(month);
  return (
    <section className="panel day-panel" aria-labelledby="month-title" data-testid="month-panel">
      <h2 id="month-title">{text.monthTitle}</h2>
      <div className="day-actions" role="group" aria-label={text.monthTitle}>
        <label>
          <span>{text.month} </span>
          <input
            type="month"
            value={month}
            onChange={(event) => {
              if (/^\d{4}-\d{2}$/.test(event.target.value)) setMonth(event.target.value);
            }}
            data-testid="month-picker"
          />
        </label>
        <button
          type="button"
          className="button button-secondary"
          disabled={work.busy}
          onClick={() => work.show(setReport)}
          data-testid="month-show"
        >
          {text.monthShow}
        </button>
        <button
          type="button"
          className="button button-plain"
          disabled={work.busy}
          onClick={() => work.exportCsv(setSaved)}
          data-testid="month-export"
        >
          {text.monthCsv}
        </button>
        {saved !== null && (
          <span className="form-ok" role="status" data-testid="month-exported">
            {saved.fileName}
          </span>
        )}
      </div>
      {saved?.source === 'this-register' && <OnlyThisRegister testId="month-export-only-this-register" />}
      <FormError error={work.error} testId="month-error" />
      {report !== null && <MonthDialog report={report} onClose={() => setReport(null)} />}
    </section>
  );
}
