import { useState } from 'react';
import type { SettingsView } from '../../../../shared/domain/settings';
import { FormError } from '../../ui/FormError';
import { TossPanel } from '../settings';
import { useManagerData } from '../staff';
import { useFirstStartStrings } from './first-start-strings';
import { useFirstStart } from './first-start-store';

interface TossStepProps {
  live: boolean;
  /** Switching to live reloads the page into the new mode, as in Settings. */
  onModeSwitched: () => void;
}

/** Live already (keys set): nothing to ask. In training: the Settings' Toss panel, or training for now. */
export function TossStep({ live, onModeSwitched }: TossStepProps) {
  const text = useFirstStartStrings();
  const loaded = useManagerData('settings:get');
  const [saved, setSaved] = useState<SettingsView | null>(null);
  const view = saved ?? loaded.data;
  const finish = () => void useFirstStart.getState().finish();

  return (
    <div className="first-start-toss" data-testid="first-start-toss">
      <p className="panel">{live ? text.tossLive : text.tossIntroTraining}</p>
      {!live && view !== null && <TossPanel view={view} onSaved={setSaved} onModeSwitched={onModeSwitched} />}
      <FormError error={loaded.error} />
      <div className="form-actions">
        <button type="button" className="button button-plain" onClick={() => useFirstStart.getState().back()}>
          {text.back}
        </button>
        <button type="button" className="button button-primary" data-testid="first-start-finish" onClick={finish}>
          {live ? text.finish : text.trainingForNow}
        </button>
      </div>
    </div>
  );
}
