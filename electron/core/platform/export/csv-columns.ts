import type { CsvHeaders } from '../../../../shared/domain/csv-headers';

/** A CSV column by its three names: the Korean and English the screens speak, and the machine word scripts read. */
export interface CsvColumn {
  machine: string;
  ko: string;
  en: string;
}

/** The header row in the language asked for; machine words when none was. */
export function csvHeaderRow(columns: readonly CsvColumn[], headers: CsvHeaders = 'machine'): string[] {
  return columns.map((column) => column[headers]);
}
