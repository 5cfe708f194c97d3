import { useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import { FormError } from '../../ui/FormError';
import { OwnerForm } from './OwnerForm';
import { useStaffStrings } from './staff-strings';
import { useStaff } from './staff-store';

/** First start: nothing else opens until the owner is the first manager (or, in training, the training manager is chosen). */
export function SetupScreen() {
  const text = useStaffStrings();
  const offered = useStaff((state) => state.status?.trainingManagerOffered ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PosErrorData | null>(null);

  async function startTraining(): Promise<void> {
    setBusy(true);
    setError(await useStaff.getState().useTrainingManager());
    setBusy(false);
  }

  return (
    <div className="manager-screen setup-screen" data-testid="setup-screen">
      <h1>{text.setupTitle}</h1>
      <OwnerForm intro={text.setupIntro} autoFocus />
      {offered && (
        <div className="panel">
          <p>{text.trainingOffer}</p>
          <FormError error={error} testId="setup-training-error" />
          <div className="form-actions">
            <button
              type="button"
              className="button button-secondary"
              data-testid="setup-training"
              disabled={busy}
              onClick={() => void startTraining()}
            >
              {text.useTraining}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
