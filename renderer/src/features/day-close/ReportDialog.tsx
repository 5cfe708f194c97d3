import { useEffect } from 'react';
import type { DayReport } from '../../../../shared/domain/day-close';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { Dialog } from '../../ui/Dialog';
import { DrawerShiftsTable, useDrawerTexts } from '../drawer';
import { OnlyThisRegister } from '../shared-store';
import { useDayCloseStrings } from './day-close-strings';
import { DayFiguresPanel } from './DayFiguresPanel';
import { HourlyChart } from './HourlyChart';
import { MatchPanel } from './MatchPanel';
import { ShopDayPanel } from './ShopDayPanel';

/** Only the report is printed: the page behind it is hidden from the printer while this class is on. */
const PRINTING = 'printing-day-report';

function printReport(): void {
  document.body.classList.add(PRINTING);
  window.addEventListener('afterprint', () => document.body.classList.remove(PRINTING), { once: true });
  window.print();
}

/** An X or Z report as it will be printed: the figures, the chart and what the check with Toss found; a training rehearsal marked as one. */
export function ReportDialog({
  report,
  onOpenOrder,
  onClose,
}: {
  report: DayReport;
  onOpenOrder: (orderId: string) => void;
  onClose: () => void;
}) {
  const text = useDayCloseStrings();
  const locale = useLocale();
  const drawerText = useDrawerTexts();
  useEffect(() => () => document.body.classList.remove(PRINTING), []);
  const { practice } = report.figures;
  const title = text.reportTitle(report.kind, report.day, practice);
  return (
    <Dialog title={title} onCancel={onClose} testId="day-report" wide>
      {/* It scrolls: a keyboard reaches it (arrow keys then scroll it). */}
      <div className="day-report" tabIndex={0} role="region" aria-label={title} data-testid="day-report-body">
        {practice && (
          <p className="day-practice" data-testid="day-report-practice">
            <strong>{text.practiceMark}</strong> {text.practiceNote}
          </p>
        )}
        <p className="day-report-meta" data-testid="day-report-meta">
          {text.reportMeta(formatDateTime(report.at, locale), report.by)} —{' '}
          {practice ? text.reportPracticeNote : report.kind === 'X' ? text.reportXNote : text.reportZNote}
        </p>
        {report.shop !== undefined && <ShopDayPanel shop={report.shop} figures={report.figures} />}
        {report.source === 'this-register' && report.shop === undefined && (
          <OnlyThisRegister testId="day-report-only-this-register" />
        )}
        <DayFiguresPanel figures={report.figures} />
        <HourlyChart byHour={report.figures.byHour} />
        {/* The shop's report lists every register's drawer above, this one's among them. */}
        {report.drawers.length > 0 && report.shop?.status !== 'shop' && (
          <DrawerShiftsTable shifts={report.drawers} caption={drawerText.title} />
        )}
        <MatchPanel reconciliation={report.reconciliation} busy={false} error={null} onOpenOrder={onOpenOrder} />
      </div>
      <div className="dialog-actions">
        <button type="button" className="button button-primary" onClick={printReport} data-testid="day-report-print">
          {text.print}
        </button>
        <button type="button" className="button button-plain" onClick={onClose} data-testid="day-report-close">
          {text.close}
        </button>
      </div>
    </Dialog>
  );
}
