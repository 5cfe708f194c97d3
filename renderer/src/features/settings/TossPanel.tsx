import { useState, type FormEvent } from 'react';
import type { SettingsView } from '../../../../shared/domain/settings';
import { Dialog } from '../../ui/Dialog';
import { FormError } from '../../ui/FormError';
import { TextField } from '../../ui/TextField';
import { useSettingsStrings } from './settings-strings';
import { useTossSettings } from './use-toss-settings';

interface TossPanelProps {
  view: SettingsView;
  onSaved: (view: SettingsView) => void;
  /** The page reloads into the new mode: its CSP and payment window follow the Toss it now uses. */
  onModeSwitched: () => void;
}

export function TossPanel({ view, onSaved, onModeSwitched }: TossPanelProps) {
  const text = useSettingsStrings();
  const [clientKey, setClientKey] = useState('');
  const [secretKey, setSecretKey] = useState('');
  const [accept, setAccept] = useState(false);
  const { savingKeys: busy, error, ...toss } = useTossSettings(onSaved, onModeSwitched);
  const [confirming, setConfirming] = useState(false);
  const protection = view.keyStorage.protection;
  const needsConsent = protection === 'weak' || protection === 'plain-text';
  const live = view.toss.mode === 'live';

  function saveKeys(event: FormEvent): void {
    event.preventDefault();
    toss.saveKeys({ clientKey: clientKey.trim(), secretKey: secretKey.trim(), acceptUnencrypted: accept }, () => {
      setClientKey('');
      setSecretKey('');
    });
  }

  function switchMode(): void {
    setConfirming(false);
    toss.switchMode(live ? 'training' : 'live');
  }

  return (
    <section className="panel" aria-labelledby="toss-title">
      <h2 id="toss-title">{text.tossTitle}</h2>
      <p>{text.tossIntro}</p>
      <p data-testid="toss-saved-keys">
        {view.toss.secretKey === null || view.toss.clientKey === null
          ? text.noKeys
          : text.savedKeys(view.toss.clientKey, view.toss.secretKey)}
      </p>
      {view.toss.keysFromEnvironment && <p className="field-hint">{text.fromEnvironment}</p>}
      <p className={protection === 'os-keychain' ? 'field-hint' : 'form-error'} data-testid="key-storage">
        {text.protection[protection]}{' '}
        {protection !== 'plain-text' && <span className="field-hint">({view.keyStorage.detail})</span>}
      </p>
      <form onSubmit={saveKeys} aria-busy={busy}>
        <div className="form-grid">
          <TextField
            label={text.clientKey}
            value={clientKey}
            onChange={setClientKey}
            maxLength={200}
            data-testid="toss-client-key"
            required
          />
          <TextField
            label={text.secretKey}
            value={secretKey}
            onChange={setSecretKey}
            type="password"
            maxLength={200}
            data-testid="toss-secret-key"
            required
          />
        </div>
        {needsConsent && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={accept}
              onChange={(event) => setAccept(event.target.checked)}
              data-testid="toss-accept-unencrypted"
            />
            <span>{text.acceptUnencrypted}</span>
          </label>
        )}
        <div className="form-actions">
          <button
            type="submit"
            className="button button-primary"
            data-testid="toss-save"
            disabled={busy || protection === 'none'}
          >
            {busy ? text.checking : text.checkAndSave}
          </button>
        </div>
      </form>

      <h2>{text.modeTitle}</h2>
      <p data-testid="toss-mode">{text.modeNow(live)}</p>
      {(['live', 'training'] as const).map(
        (mode) =>
          view.toss.openWork[mode] > 0 && (
            <p className="field-hint" key={mode} data-testid={`toss-open-work-${mode}`}>
              {text.openWork(view.toss.openWork[mode], mode === 'live')}
            </p>
          ),
      )}
      <div className="form-actions">
        <button
          type="button"
          className={live ? 'button button-secondary' : 'button button-danger'}
          data-testid="toss-switch-mode"
          disabled={busy}
          onClick={() => setConfirming(true)}
        >
          {live ? text.toTraining : text.toLive}
        </button>
      </div>
      <FormError error={error} testId="toss-error" />
      {confirming && (
        <Dialog
          title={live ? text.confirmTrainingTitle : text.confirmLiveTitle}
          onCancel={() => setConfirming(false)}
          testId="mode-confirm"
        >
          <p>{live ? text.confirmTraining : text.confirmLive}</p>
          <div className="dialog-actions">
            <button type="button" className="button button-plain" onClick={() => setConfirming(false)}>
              {text.cancel}
            </button>
            <button type="button" className="button button-primary" data-testid="mode-confirm-yes" onClick={switchMode}>
              {text.confirm}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
