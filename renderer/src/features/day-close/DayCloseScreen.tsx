import { useEffect, useEffectEvent, useState } from 'react';
import { dayAfter, type DayReport, type DayMatch } from '../../../../shared/domain/day-close';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { isPlainKey, textFieldOf } from '../../lib/keyboard';
import { useBusinessDay } from '../../lib/use-business-day';
import { useCsvHeaders } from '../../lib/use-csv-headers';
import { FormError } from '../../ui/FormError';
import { HintBar } from '../../ui/HintBar';
import { MachineColumnsCheck } from '../../ui/MachineColumnsCheck';
import '../../ui/ui.css';
import { OrderDetail } from '../history';
import { OnlyThisRegister } from '../shared-store';
import { ClosedDays } from './ClosedDays';
import { CloseDialog } from './CloseDialog';
import { DayFiguresPanel } from './DayFiguresPanel';
import { FailedCashReceipts } from './FailedCashReceipts';
import './day-close.css';
import { useDayCloseStrings } from './day-close-strings';
import { HourlyChart } from './HourlyChart';
import { MatchPanel } from './MatchPanel';
import { MonthPanel } from './MonthPanel';
import { ReportDialog } from './ReportDialog';
import { ShopClosedNote, ShopDayPanel } from './ShopDayPanel';
import { useDayActions } from './use-day-actions';
import { useDayView } from './use-day-view';
import { useFailedCashReceipts } from './use-failed-cash-receipts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The manager's day close, opened on main's business day (after an evening close, the next one). */
export function DayCloseScreen() {
  const text = useDayCloseStrings();
  const { day, error } = useBusinessDay();
  if (day !== null) return <DayClose today={day} />;
  return (
    <div className="manager-screen day-close-screen" data-testid="day-close-screen">
      <h1>{text.title}</h1>
      <FormError error={error} testId="day-error" />
      {error === null && <span className="spinner spinner-large" role="status" aria-label={text.loading} />}
    </div>
  );
}

/** A business day's figures and chart, the check with Toss, the X and Z reports (in training, a practice Z), CSV. */
function DayClose({ today }: { today: string }) {
  const text = useDayCloseStrings();
  const locale = useLocale();
  const [day, setDay] = useState(today);
  const [version, setVersion] = useState(0);
  const { view, error } = useDayView(day, version);
  const [checked, setChecked] = useState<{ day: string; reconciliation: DayMatch } | null>(null);
  const { machine, setMachine, headers } = useCsvHeaders();
  const { busy, error: actionError, clearError, ...actions } = useDayActions(day, headers);
  const [report, setReport] = useState<DayReport | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [openOrder, setOpenOrder] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  // Read again as an order's detail opens and closes: a refused receipt may have been issued again there.
  const failedReceipts = useFailedCashReceipts(version + (openOrder === null ? 0 : 1));
  const close = view?.close ?? null;
  const reconciliation = checked?.day === day ? checked.reconciliation : (close?.reconciliation ?? null);
  const practice = view?.figures.practice ?? false;
  // In training the Z is a rehearsal: made over the training sales, never kept.
  const canClose = view !== null && (view.closable === null || view.closable === 'training');

  function pick(next: string): void {
    if (!DAY.test(next)) return;
    setDay(next);
    clearError();
    setSaved(null);
  }

  const match = () => actions.match((found) => setChecked({ day, reconciliation: found }));
  const xReport = () => actions.xReport(setReport);
  const exportCsv = () => actions.exportCsv(setSaved);

  function closed(z: DayReport): void {
    setConfirming(false);
    setReport(z);
    setVersion((v) => v + 1);
  }

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (!isPlainKey(event) || textFieldOf(event.target) !== null || report !== null || confirming || openOrder !== null)
      return;
    const key = event.key.toLowerCase();
    if (key === '[') pick(dayAfter(day, -1));
    else if (key === ']') pick(dayAfter(day, 1));
    else if (key === 'r') match();
    else if (key === 'x' && view !== null && close === null) xReport();
    else if (key === 'z' && canClose) setConfirming(true);
    else if (key === 'e') exportCsv();
    else return;
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <div className="manager-screen day-close-screen" data-testid="day-close-screen">
      <div className="day-top">
        <h1>{text.title}</h1>
        <div className="day-picker" role="group" aria-label={text.dayLabel}>
          <button
            type="button"
            className="button button-plain button-small"
            onClick={() => pick(dayAfter(day, -1))}
            data-testid="day-previous"
          >
            {text.previousDay}
          </button>
          <label className="day-picker-field">
            <span className="visually-hidden">{text.dayLabel}</span>
            <input type="date" value={day} onChange={(event) => pick(event.target.value)} data-testid="day-picker" />
          </label>
          <button
            type="button"
            className="button button-plain button-small"
            onClick={() => pick(dayAfter(day, 1))}
            data-testid="day-next"
          >
            {text.nextDay}
          </button>
          {view !== null && view.currentDay !== day && (
            <button
              type="button"
              className="button button-plain button-small"
              onClick={() => pick(view.currentDay)}
              data-testid="day-current"
            >
              {text.today}
            </button>
          )}
        </div>
      </div>
      {view !== null && (
        <p
          className={close !== null ? 'day-status day-status-closed' : 'day-status'}
          role="status"
          data-testid="day-status"
        >
          {close !== null
            ? text.closedDay(formatDateTime(close.at, locale), close.by)
            : day > view.currentDay
              ? text.notStarted
              : text.openDay}
          <span className="day-current-note">{text.currentDay(view.currentDay)}</span>
        </p>
      )}
      <div className="day-actions" role="group" aria-label={text.reports}>
        {close === null ? (
          <>
            <button
              type="button"
              className="button button-secondary"
              onClick={xReport}
              disabled={view === null || busy !== null}
              aria-busy={busy === 'x-report'}
              data-testid="day-x-report"
            >
              {text.xReport} (X)
            </button>
            <button
              type="button"
              className="button button-primary"
              onClick={() => setConfirming(true)}
              disabled={!canClose || busy !== null}
              data-testid="day-z-close"
            >
              {practice ? text.practiceClose : text.zClose} (Z)
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setReport(close)}
            data-testid="day-z-view"
          >
            {text.showZ}
          </button>
        )}
        <button
          type="button"
          className="button button-plain"
          onClick={exportCsv}
          disabled={busy !== null}
          aria-busy={busy === 'export'}
          data-testid="day-export"
        >
          {text.exportCsv}
        </button>
        <MachineColumnsCheck checked={machine} onChange={setMachine} testId="day-export-machine" />
        {view?.closable === 'training' && <span className="field-hint">{text.trainingNoClose}</span>}
        {view?.closable === 'not-started' && day <= view.currentDay && (
          <span className="field-hint">{text.closeFromDate(day)}</span>
        )}
        {saved !== null && (
          <span className="form-ok" role="status" data-testid="day-exported">
            {text.exported(saved)}
          </span>
        )}
      </div>
      {practice && (
        <p className="day-practice" role="note" data-testid="day-practice">
          <strong>{text.practiceMark}</strong> {text.practiceNote}
        </p>
      )}
      {view?.shopClose != null && <ShopClosedNote note={view.shopClose} />}
      <FormError error={actionError ?? error} testId="day-error" />
      {view === null ? (
        error === null && <span className="spinner spinner-large" role="status" aria-label={text.loading} />
      ) : (
        <div className="day-body">
          {view.source === 'this-register' && <OnlyThisRegister testId="day-only-this-register" />}
          <DayFiguresPanel figures={view.figures} />
          {view.close === null && view.shop?.status === 'shop' && (
            <ShopDayPanel shop={view.shop} figures={view.figures} open />
          )}
          <HourlyChart byHour={view.figures.byHour} />
          <MatchPanel
            reconciliation={reconciliation}
            busy={busy === 'match'}
            error={null}
            onCheck={match}
            onOpenOrder={setOpenOrder}
          />
          <FailedCashReceipts failed={failedReceipts} onOpenOrder={setOpenOrder} />
          <ClosedDays version={version} onPick={pick} />
          <MonthPanel initialMonth={day.slice(0, 7)} />
        </div>
      )}
      <HintBar hints={text.hints} />
      {confirming && (
        <CloseDialog day={day} practice={practice} onClosed={closed} onCancel={() => setConfirming(false)} />
      )}
      {report !== null && <ReportDialog report={report} onOpenOrder={setOpenOrder} onClose={() => setReport(null)} />}
      {openOrder !== null && (
        <OrderDetail
          orderId={openOrder}
          orderName={openOrder}
          onRefunded={() => setVersion((v) => v + 1)}
          onClose={() => setOpenOrder(null)}
        />
      )}
    </div>
  );
}
