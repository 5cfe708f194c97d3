import type { Phase } from '../features/checkout';
import { useStrings } from '../i18n/use-strings';

/** Announces the pay flow's progress to screen readers; tests read it too. */
export function PhaseStatus({ phase }: { phase: Phase }) {
  const text = useStrings();
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="phase" data-phase={phase}>
      {text.phase[phase]}
    </p>
  );
}
