import { useSharedStoreStrings } from './shared-store-strings';
import './shared-store.css';

/** Said above history and the day's figures while the shared store does not answer: what they show is this register's alone. */
export function OnlyThisRegister({ testId }: { testId: string }) {
  const text = useSharedStoreStrings();
  return (
    <p className="store-only-this-register" role="status" data-testid={testId}>
      {text.onlyThisRegister}
    </p>
  );
}
