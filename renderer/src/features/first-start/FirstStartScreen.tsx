import { useEffect } from 'react';
import { LanguageChoice } from '../../ui/LanguageChoice';
import { OwnerForm, TrainingQuickStart, UnlockDialog, useStaff, useStaffStrings } from '../staff';
import { CatalogStep } from './CatalogStep';
import { useFirstStartStrings } from './first-start-strings';
import { FIRST_START_STEPS, useFirstStart } from './first-start-store';
import { ShopStep } from './ShopStep';
import { TossStep } from './TossStep';
import './first-start.css';

interface FirstStartScreenProps {
  mode: 'training' | 'live';
  onModeSwitched: () => void;
}

/**
 * A new, empty folder, in either mode: the shop's details → the owner → the catalog → Toss keys or
 * training. Nothing else opens meanwhile; in training the documented training manager may skip it all.
 */
export function FirstStartScreen({ mode, onModeSwitched }: FirstStartScreenProps) {
  const text = useFirstStartStrings();
  const staffText = useStaffStrings();
  const step = useFirstStart((state) => state.step);
  const at = FIRST_START_STEPS.indexOf(step);
  // The owner's session locks itself after two idle minutes (or with Lock): their PIN carries on, or the register opens.
  const relock = useStaff((state) => state.status?.ownerNeeded === false && state.status.session === null);

  useEffect(() => useFirstStart.getState().begin(), []);

  return (
    <div className="manager-screen first-start" data-testid="setup-screen" data-step={step}>
      <div className="first-start-head">
        <h1>{text.title}</h1>
        <LanguageChoice />
      </div>
      <ol className="first-start-steps" aria-label={text.title}>
        {FIRST_START_STEPS.map((name, i) => (
          <li key={name} aria-current={i === at ? 'step' : undefined} className={i < at ? 'is-done' : undefined}>
            {text.steps[name]}
          </li>
        ))}
      </ol>
      <h2 className="first-start-step-title" data-testid="first-start-step">
        {text.stepOf(at + 1, FIRST_START_STEPS.length, text.steps[step])}
      </h2>
      {step === 'shop' && (
        <>
          <ShopStep />
          <TrainingQuickStart onStarted={() => void useFirstStart.getState().finish()} />
        </>
      )}
      {step === 'owner' && (
        <>
          <OwnerForm
            intro={staffText.setupIntro}
            autoFocus
            onCreated={() => void useFirstStart.getState().ownerCreated()}
          />
          <div className="form-actions">
            <button type="button" className="button button-plain" onClick={() => useFirstStart.getState().back()}>
              {text.back}
            </button>
          </div>
        </>
      )}
      {step === 'catalog' && <CatalogStep training={mode === 'training'} />}
      {step === 'toss' && <TossStep live={mode === 'live'} onModeSwitched={onModeSwitched} />}
      {relock && (
        <UnlockDialog
          onUnlocked={() => useFirstStart.setState({ error: null })}
          onCancel={() => void useFirstStart.getState().finish()}
        />
      )}
    </div>
  );
}
