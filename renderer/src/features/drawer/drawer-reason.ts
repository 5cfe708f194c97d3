import { DRAWER_REASONS } from '../../../../shared/domain/drawer';
import type { DrawerTexts } from './drawer-strings';

/** Between a preset reason and the cashier's own words, in the one text main records. */
const JOIN = ' · ';

/** The reason recorded: the preset as main lists it (Korean, whatever the screen's language), then any words typed. */
export function composeReason(preset: number | null, detail: string): string {
  const chosen = preset === null ? undefined : DRAWER_REASONS[preset];
  return [chosen, detail.trim()].filter((part) => part !== undefined && part !== '').join(JOIN);
}

/** A recorded reason in the screen's language: a preset it starts with is translated, the typed words are kept. */
export function reasonLabel(reason: string, text: DrawerTexts): string {
  const index = DRAWER_REASONS.findIndex((preset) => reason === preset || reason.startsWith(preset + JOIN));
  if (index < 0) return reason;
  return (text.reasons[index] ?? '') + reason.slice((DRAWER_REASONS[index] ?? '').length);
}
