import { useEffect, useState } from 'react';
import type { CustomerScreenPick } from '../../../../shared/domain/customer-screen';
import type { CustomerScreenView } from '../../../../shared/domain/customer-screen-view';
import type { PosErrorData } from '../../../../shared/domain/errors';
import { toPosError } from '../../lib/ipc';
import { useAction } from '../../lib/use-action';
import { callAsManager } from '../staff';

/** The customer-screen setting with this computer's displays, and its save (a manager's). */
export function useCustomerScreen() {
  const [view, setView] = useState<CustomerScreenView | null>(null);
  const [loadError, setLoadError] = useState<PosErrorData | null>(null);
  const { busy, error, run } = useAction();

  useEffect(() => {
    let current = true;
    callAsManager('displays:list', {}).then(
      (answer) => current && setView(answer),
      (failure: unknown) => current && setLoadError(toPosError(failure)),
    );
    return () => {
      current = false;
    };
  }, []);

  function save(pick: CustomerScreenPick, done: () => void): void {
    run(
      () => callAsManager('displays:save-customer-screen', pick),
      (next) => {
        setView(next);
        done();
      },
    );
  }

  return { view, loadError, busy, error, save };
}
