import { useId, useState, type FormEvent } from 'react';
import { formatDateTime } from '../../i18n/format';
import { useLocale } from '../../i18n/use-strings';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { OpenWorkElsewhere } from './OpenWorkElsewhere';
import { useSharedStoreStrings } from './shared-store-strings';
import { useSharedStoreSetting, type SharedStoreView } from './use-shared-store-setting';
import './shared-store.css';

/** Settings → this register's name and the shop's shared store (a manager's). */
export function SharedStorePanel() {
  const text = useSharedStoreStrings();
  const ids = useId();
  const setting = useSharedStoreSetting();
  return (
    <section className="panel" aria-labelledby={`${ids}-title`} data-testid="shared-store-panel">
      <h2 id={`${ids}-title`}>{text.title}</h2>
      <FormError error={setting.loadError} />
      {/* Keyed on the id: the name field starts from the identity made when a store was first saved. */}
      {setting.view !== null && (
        <SharedStoreForms key={setting.view.register?.id ?? 'none'} {...setting} view={setting.view} />
      )}
    </section>
  );
}

function SharedStoreForms({
  view,
  busy,
  error,
  saveName,
  saveUrl,
}: Omit<ReturnType<typeof useSharedStoreSetting>, 'view' | 'loadError'> & { view: SharedStoreView }) {
  const text = useSharedStoreStrings();
  const locale = useLocale();
  const [name, setName] = useState(view.register?.name ?? '');
  const [from, setFrom] = useState(String(view.callNumbersFrom));
  const [url, setUrl] = useState('');
  const status = view.status;
  const firstNumber = /^\d{1,4}$/.test(from.trim()) ? Number(from.trim()) : NaN;
  const fromValid = firstNumber >= 1 && firstNumber <= 9000;

  function submitName(event: FormEvent): void {
    event.preventDefault();
    if (fromValid) saveName(name.trim(), firstNumber, () => undefined);
  }

  function submitUrl(event: FormEvent): void {
    event.preventDefault();
    saveUrl(url.trim(), () => setUrl(''));
  }

  return (
    <>
      <form className="shared-store-form" onSubmit={submitName}>
        <TextField
          label={text.registerName}
          maxLength={40}
          value={name}
          onChange={setName}
          hint={view.register === null ? undefined : `${text.registerId}: ${view.register.id}`}
          data-testid="register-name"
        />
        <TextField
          label={text.callNumbersFrom}
          inputMode="numeric"
          maxLength={4}
          value={from}
          onChange={setFrom}
          hint={text.callNumbersFromHint}
          error={fromValid ? undefined : text.callNumbersFromInvalid}
          data-testid="call-numbers-from"
        />
        <button
          type="submit"
          className="button button-secondary"
          disabled={busy || name.trim() === '' || !fromValid}
          data-testid="register-name-save"
        >
          {text.saveName}
        </button>
      </form>
      <p data-testid="shared-store-in-use">{view.url === null ? text.none : text.inUse(view.url)}</p>
      {view.url !== null && (
        <p className="field-hint" data-testid="shared-store-state">
          {status.state === 'offline'
            ? text.offlineSince(formatDateTime(status.since, locale), status.waiting, status.more)
            : status.state === 'online'
              ? text.online
              : null}
        </p>
      )}
      {view.fromEnvironment ? (
        <p className="field-hint">{text.fromEnvironment}</p>
      ) : (
        <form className="shared-store-form" onSubmit={submitUrl}>
          <TextField
            label={text.url}
            maxLength={500}
            value={url}
            onChange={setUrl}
            hint={text.urlHint}
            placeholder="postgres://pos:••••@192.168.0.10:5432/shop"
            data-testid="shared-store-url"
          />
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || url.trim() === ''}
            data-testid="shared-store-save"
          >
            {text.saveUrl}
          </button>
          {view.url !== null && (
            <button
              type="button"
              className="button button-secondary"
              disabled={busy}
              onClick={() => saveUrl(null, () => undefined)}
              data-testid="shared-store-off"
            >
              {text.turnOff}
            </button>
          )}
        </form>
      )}
      <FormError error={error} testId="shared-store-error" />
      {view.url !== null && <OpenWorkElsewhere />}
    </>
  );
}
