import { useEffect, useState } from 'react';
import type { Cashier } from '../../../../shared/domain/staff';
import { call } from '../../lib/ipc';

/** The names the sign-in screen offers to pick (none unless the owner allows signing in by name). */
export function useSignInNames(): Cashier[] {
  const [names, setNames] = useState<Cashier[]>([]);
  useEffect(() => {
    let current = true;
    call('staff:sign-in-names', {}).then(
      (list) => current && setNames(list),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);
  return names;
}
