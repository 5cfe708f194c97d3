import { useId, useState } from 'react';
import type { CustomerScreenChoice, CustomerScreenPick } from '../../../../shared/domain/customer-screen';
import type { CustomerScreenView } from '../../../../shared/domain/customer-screen-view';
import { CUSTOMER_PAGE } from '../../../../shared/ipc/pages';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { FormError } from '../../ui/FormError';
import { useCustomerScreenStrings } from './customer-screen-strings';
import { useSettingsStrings } from './settings-strings';
import { useCustomerScreen } from './use-customer-screen';

function keyOf(choice: CustomerScreenChoice | CustomerScreenPick): string {
  return choice.kind === 'display' ? `display-${choice.displayId}` : choice.kind;
}

/** Settings → which monitor faces the customer: 자동, one of this computer's, or none; saved as it is picked. */
export function CustomerScreenPanel() {
  const text = useCustomerScreenStrings();
  const ids = useId();
  const screen = useCustomerScreen();
  return (
    <section className="panel" aria-labelledby={`${ids}-title`} data-testid="customer-screen-panel">
      <h2 id={`${ids}-title`}>{text.title}</h2>
      <p className="field-hint">{text.intro}</p>
      <FormError error={screen.loadError} />
      {screen.view !== null &&
        (screen.view.placing === 'browser' ? (
          <p data-testid="customer-screen-browser">{text.browser(CUSTOMER_PAGE)}</p>
        ) : (
          <CustomerScreenChoices {...screen} view={screen.view} />
        ))}
    </section>
  );
}

function CustomerScreenChoices({
  view,
  busy,
  error,
  save,
}: Omit<ReturnType<typeof useCustomerScreen>, 'view'> & { view: CustomerScreenView }) {
  const text = useCustomerScreenStrings();
  const shared = useSettingsStrings();
  const locale = useLocale();
  const ids = useId();
  const [saved, setSaved] = useState(false);
  const chosen = keyOf(view.choice);
  const missing = view.choice.kind === 'display' && view.chosenMissing ? view.choice : null;
  const showing = view.displays.find((display) => display.id === view.showingOn) ?? null;

  function pick(next: CustomerScreenPick): void {
    setSaved(false);
    save(next, () => setSaved(true));
  }

  const option = (key: string, next: CustomerScreenPick | null, label: string, hint: string | null) => (
    <label key={key} className="choice">
      <input
        type="radio"
        name={`${ids}-display`}
        checked={chosen === key}
        disabled={busy || next === null}
        onChange={() => next !== null && pick(next)}
        data-testid={`customer-screen-${key}`}
      />
      <span className="checkbox-text">
        <span>{label}</span>
        {hint !== null && <span className="field-hint">{hint}</span>}
      </span>
    </label>
  );

  return (
    <>
      <fieldset className="choice-group">
        <legend>{text.choiceLegend}</legend>
        <div className="choice-options">
          {option('auto', { kind: 'auto' }, text.auto, text.autoHint)}
          {view.displays.map((display) =>
            option(
              `display-${display.id}`,
              { kind: 'display', displayId: display.id },
              text.label(display),
              display.side === 'primary' ? text.cashierWarning : null,
            ),
          )}
          {missing !== null &&
            option(`display-${missing.displayId}`, null, text.label(missing.label), text.notConnected)}
          {option('off', { kind: 'off' }, text.off, text.offHint)}
        </div>
      </fieldset>
      {missing !== null && (
        <p className="field-hint" role="status" data-testid="customer-screen-missing">
          {text.chosenMissing}
        </p>
      )}
      <p className="field-hint" data-testid="customer-screen-showing">
        {showing === null ? text.showingNone : text.showingOn(showing)}
      </p>
      {view.changed !== null && (
        <p className="field-hint">{shared.changedBy(view.changed.by, formatDateTime(view.changed.at, locale))}</p>
      )}
      <FormError error={error} testId="customer-screen-error" />
      {saved && (
        <span className="form-ok" role="status" data-testid="customer-screen-saved">
          {shared.saved}
        </span>
      )}
    </>
  );
}
