import { REFUND_REASONS } from '../../../../shared/domain/refunds';
import type { HistoryStrings } from './history-strings';

/** Between a preset reason and the manager's own words, in the one text main records. */
const JOIN = ' · ';

/** The reason recorded: the preset as main lists it (Korean, whatever the screen's language), then any words typed. */
export function composeReason(preset: number | null, detail: string): string {
  const chosen = preset === null ? undefined : REFUND_REASONS[preset];
  return [chosen, detail.trim()].filter((part) => part !== undefined && part !== '').join(JOIN);
}

/** A recorded reason in the screen's language: a preset it starts with is translated, the typed words are kept. */
export function reasonLabel(reason: string, text: HistoryStrings): string {
  const index = REFUND_REASONS.findIndex((preset) => reason === preset || reason.startsWith(preset + JOIN));
  if (index < 0) return reason;
  return text.reasons[index] + reason.slice((REFUND_REASONS[index] ?? '').length);
}
