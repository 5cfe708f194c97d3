import { useEffect, useEffectEvent, useState } from 'react';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { isPlainKey } from '../../lib/keyboard';
import { FormError } from '../../ui/FormError';
import { HintBar } from '../../ui/HintBar';
import { CountPanel } from './CountPanel';
import { closeDrawer, openDrawer, refreshDrawer, useDrawer } from './drawer-store';
import { useDrawerTexts } from './drawer-strings';
import { DrawerShiftsTable } from './DrawerShiftsTable';
import { MovementList } from './MovementList';
import { MoveForm } from './MoveForm';
import { ShiftFigures } from './ShiftFigures';
import './drawer.css';

/**
 * The cash drawer (시재), a cashier's: open a shift with its counted float; during it, cash paid
 * in and out with a reason; close it with the count against what should be there. Below, the
 * business day's shifts. Esc goes back to the register.
 */
export function DrawerScreen({ onBack }: { onBack: () => void }) {
  const text = useDrawerTexts();
  const locale = useLocale();
  const view = useDrawer((state) => state.view);
  const error = useDrawer((state) => state.error);
  const [closing, setClosing] = useState(false);
  const open = view?.open ?? null;

  useEffect(() => {
    void refreshDrawer();
  }, []);

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented || !isPlainKey(event)) return;
    event.preventDefault();
    if (closing) setClosing(false);
    else onBack();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <div className="manager-screen drawer-screen" data-testid="drawer-screen">
      <div className="drawer-top">
        <h1>{text.title}</h1>
        <button type="button" className="button button-plain button-small" onClick={onBack} data-testid="drawer-back">
          {text.back}
        </button>
      </div>
      <FormError error={error} testId="drawer-error" />
      {view === null ? (
        error === null && <span className="spinner spinner-large" role="status" aria-label={text.loading} />
      ) : open === null ? (
        <>
          <p className="drawer-notice" data-testid="drawer-closed-notice">
            {text.closedNotice}
          </p>
          <CountPanel key="open" purpose="open" submit={openDrawer} />
        </>
      ) : (
        <div className="drawer-body">
          <section className="panel" aria-labelledby="drawer-shift-heading" data-testid="drawer-open-shift">
            <h2 id="drawer-shift-heading">{text.shiftHeading(open.shiftId)}</h2>
            <p className="field-hint">
              {text.openedBy(formatDateTime(open.openedAt, locale), open.openedBy ?? text.someone)}
            </p>
            <ShiftFigures shift={open} />
            <h3>{text.movementsHeading}</h3>
            <MovementList movements={open.movements} />
            {!closing && (
              <div className="form-actions">
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => setClosing(true)}
                  data-testid="drawer-close-start"
                >
                  {text.closeStart}
                </button>
              </div>
            )}
          </section>
          {closing ? (
            <CountPanel
              key={`close-${open.shiftId}`}
              purpose="close"
              expected={open.takings.expected}
              submit={async (counted) => {
                const after = await closeDrawer(counted);
                setClosing(false);
                return after;
              }}
              onCancel={() => setClosing(false)}
            />
          ) : (
            <MoveForm />
          )}
        </div>
      )}
      {view !== null && view.today.length > 0 && (
        <section className="panel drawer-today" aria-labelledby="drawer-today-heading">
          <h2 id="drawer-today-heading">{text.todayHeading}</h2>
          <DrawerShiftsTable shifts={view.today} caption={text.todayHeading} captionHidden />
        </section>
      )}
      <HintBar hints={text.hints} />
    </div>
  );
}
