import { useState } from 'react';
import type { PosErrorData } from '../../../../shared/domain/errors';
import { FormError } from '../../ui/FormError';
import { useStaffStrings } from './staff-strings';
import { useStaff } from './staff-store';

/** A first start in training mode may skip the owner: the documented training manager opens the register at once. */
export function TrainingQuickStart({ onStarted }: { onStarted: () => void }) {
  const text = useStaffStrings();
  const offered = useStaff((state) => state.status?.trainingManagerOffered ?? false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<PosErrorData | null>(null);

  async function startTraining(): Promise<void> {
    setBusy(true);
    const failed = await useStaff.getState().useTrainingManager();
    setError(failed);
    setBusy(false);
    if (failed === null) onStarted();
  }

  if (!offered) return null;
  return (
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
  );
}
