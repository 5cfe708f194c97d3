import { useEffect, useState } from 'react';
import type { FailedCashReceipt } from '../../../../shared/domain/cash';
import { callAsManager } from '../staff';

/** The 현금영수증 the tax office refused and that were not issued again, read again whenever `version` moves. */
export function useFailedCashReceipts(version: number): FailedCashReceipt[] {
  const [failed, setFailed] = useState<FailedCashReceipt[]>([]);
  useEffect(() => {
    let current = true;
    // A list that cannot be read now is left out: the day's own figures do not depend on it.
    callAsManager('cash:receipt-failures', {}).then(
      (found) => current && setFailed(found),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [version]);
  return failed;
}
