import { useId, useState, type FormEvent } from 'react';
import { paperWidths, type ReceiptSettings } from '../../../../shared/domain/receipt-print';
import type { SettingsView } from '../../../../shared/domain/settings';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { FormError } from '../../ui/FormError';
import { useSettingsStrings } from './settings-strings';
import { usePrinters } from './use-printers';
import { useSettingsSave } from './use-settings-save';

/** The receipt paper, and in the desktop app the printer and whether to print without the dialog. */
export function ReceiptPanel({ view, onSaved }: { view: SettingsView; onSaved: (view: SettingsView) => void }) {
  const text = useSettingsStrings();
  const locale = useLocale();
  const ids = useId();
  const { printers, error: listError } = usePrinters();
  const [draft, setDraft] = useState<ReceiptSettings>(view.receipt);
  const { busy, error, save: send } = useSettingsSave('settings:save-receipt', onSaved);
  const [saved, setSaved] = useState(false);
  const shell = printers?.printing === 'shell';
  const known = printers?.printers ?? [];

  function change(next: Partial<ReceiptSettings>): void {
    setDraft((current) => ({ ...current, ...next }));
    setSaved(false);
  }

  function save(event: FormEvent): void {
    event.preventDefault();
    send(draft, (next) => {
      setDraft(next.receipt);
      setSaved(true);
    });
  }

  return (
    <form className="panel" aria-labelledby={`${ids}-title`} onSubmit={save} data-testid="receipt-panel">
      <h2 id={`${ids}-title`}>{text.receiptTitle}</h2>
      <fieldset className="choice-group">
        <legend>{text.paperWidth}</legend>
        <div className="choice-options">
          {paperWidths.map((width) => (
            <label key={width} className="choice">
              <input
                type="radio"
                name={`${ids}-paper`}
                checked={draft.paperWidth === width}
                onChange={() => change({ paperWidth: width })}
                data-testid={`receipt-paper-${width}`}
              />
              <span>{width === 80 ? text.paper80 : text.paper58}</span>
            </label>
          ))}
        </div>
      </fieldset>
      {printers === null && listError === null && (
        <span className="spinner" role="status" aria-label={text.loadingPrinters} />
      )}
      <FormError error={listError} />
      {printers !== null && !shell && (
        <p className="field-hint" data-testid="receipt-browser-printing">
          {text.browserPrinting}
        </p>
      )}
      {shell && (
        <>
          <div className="field">
            <label htmlFor={`${ids}-printer`}>{text.printer}</label>
            <select
              id={`${ids}-printer`}
              value={draft.printer ?? ''}
              onChange={(event) => change({ printer: event.target.value === '' ? null : event.target.value })}
              data-testid="receipt-printer"
            >
              <option value="">{text.defaultPrinter}</option>
              {known.map((printer) => (
                <option key={printer.name} value={printer.name}>
                  {printer.displayName}
                </option>
              ))}
              {draft.printer !== null && !known.some((printer) => printer.name === draft.printer) && (
                <option value={draft.printer}>{text.printerGone(draft.printer)}</option>
              )}
            </select>
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={draft.silent}
              onChange={(event) => change({ silent: event.target.checked })}
              data-testid="receipt-silent"
            />
            <span className="checkbox-text">
              <span>{text.silentPrint}</span>
              <span className="field-hint">{text.silentPrintHint}</span>
            </span>
          </label>
        </>
      )}
      {view.receiptChanged && (
        <p className="field-hint">
          {text.changedBy(view.receiptChanged.by, formatDateTime(view.receiptChanged.at, locale))}
        </p>
      )}
      <FormError error={error} testId="receipt-settings-error" />
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={busy} data-testid="receipt-settings-save">
          {text.save}
        </button>
        {saved && (
          <span className="form-ok" role="status" data-testid="receipt-settings-saved">
            {text.saved}
          </span>
        )}
      </div>
    </form>
  );
}
