import { useState } from 'react';
import type { CsvHeaders } from '../../../shared/domain/csv-headers';
import { useLocale } from '../i18n/use-strings';

/** The header words an export asks main for: the screen's language, or the machine words scripts read when ticked. */
export function useCsvHeaders(): { machine: boolean; setMachine: (machine: boolean) => void; headers: CsvHeaders } {
  const locale = useLocale();
  const [machine, setMachine] = useState(false);
  return { machine, setMachine, headers: machine ? 'machine' : locale };
}
