import { useStrings } from '../i18n/use-strings';

export function TrainingBanner() {
  const text = useStrings();
  return (
    <div className="training-banner" role="status" data-testid="training-banner">
      {text.trainingBanner}
    </div>
  );
}
