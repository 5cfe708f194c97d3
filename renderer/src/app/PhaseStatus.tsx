import { usePhaseText, type Phase } from '../features/checkout';

/** Announces the pay flow's progress to screen readers; tests read it too. */
export function PhaseStatus({ phase }: { phase: Phase }) {
  const phaseText = usePhaseText();
  return (
    <p className="visually-hidden" aria-live="polite" data-testid="phase" data-phase={phase}>
      {phaseText[phase]}
    </p>
  );
}
