import { useId, useState, type FormEvent } from 'react';
import type { TicketSettings } from '../../../../shared/domain/order-ticket';
import { paperWidths } from '../../../../shared/domain/receipt-print';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { FormError } from '../../ui/FormError';
import { useCallingStrings } from './calling-strings';
import { useTicketSettings, type TicketSettingsView } from './use-ticket-settings';
import './calling.css';

/** Settings → the order ticket for the bar or kitchen: on or off, its paper, and in the desktop app its printer. */
export function TicketPanel() {
  const text = useCallingStrings();
  const ids = useId();
  const settings = useTicketSettings();
  return (
    <section className="panel" aria-labelledby={`${ids}-title`} data-testid="ticket-panel">
      <h2 id={`${ids}-title`}>{text.ticketSettingsTitle}</h2>
      <FormError error={settings.loadError} />
      {settings.view !== null && <TicketForm {...settings} view={settings.view} />}
    </section>
  );
}

function TicketForm({
  view,
  printers,
  busy,
  error,
  save,
}: Omit<ReturnType<typeof useTicketSettings>, 'view'> & { view: TicketSettingsView }) {
  const text = useCallingStrings();
  const locale = useLocale();
  const ids = useId();
  const [draft, setDraft] = useState<TicketSettings>(view.settings);
  const [saved, setSaved] = useState(false);

  function change(next: Partial<TicketSettings>): void {
    setDraft((current) => ({ ...current, ...next }));
    setSaved(false);
  }

  function submit(event: FormEvent): void {
    event.preventDefault();
    save(draft, () => setSaved(true));
  }

  return (
    <form className="ticket-form" onSubmit={submit}>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.enabled}
          onChange={(event) => change({ enabled: event.target.checked })}
          data-testid="ticket-enabled"
        />
        <span className="checkbox-text">
          <span>{text.ticketEnabled}</span>
          <span className="field-hint">{text.ticketEnabledHint}</span>
        </span>
      </label>
      <fieldset className="choice-group">
        <legend>{text.ticketPaper}</legend>
        <div className="choice-options">
          {paperWidths.map((width) => (
            <label key={width} className="choice">
              <input
                type="radio"
                name={`${ids}-paper`}
                checked={draft.paperWidth === width}
                onChange={() => change({ paperWidth: width })}
                data-testid={`ticket-paper-${width}`}
              />
              <span>{`${width}mm`}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {view.printing === 'shell' ? (
        <div className="field">
          <label htmlFor={`${ids}-printer`}>{text.ticketPrinter}</label>
          <select
            id={`${ids}-printer`}
            value={draft.printer ?? ''}
            onChange={(event) => change({ printer: event.target.value === '' ? null : event.target.value })}
            data-testid="ticket-printer"
          >
            <option value="">{text.ticketDefaultPrinter}</option>
            {printers.map((printer) => (
              <option key={printer.name} value={printer.name}>
                {printer.displayName}
              </option>
            ))}
            {draft.printer !== null && !printers.some((printer) => printer.name === draft.printer) && (
              <option value={draft.printer}>{draft.printer}</option>
            )}
          </select>
        </div>
      ) : (
        <p className="field-hint" data-testid="ticket-browser-printing">
          {text.ticketBrowserPrinting}
        </p>
      )}
      {view.changed !== null && (
        <p className="field-hint">{text.changedBy(view.changed.by, formatDateTime(view.changed.at, locale))}</p>
      )}
      <FormError error={error} testId="ticket-settings-error" />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="ticket-settings-save">
          {text.save}
        </button>
        {saved && (
          <span className="form-ok" role="status" data-testid="ticket-settings-saved">
            {text.saved}
          </span>
        )}
      </div>
    </form>
  );
}
