import type { Won } from '../../../../shared/domain/money';
import { selectInfo, useSession } from '../../session/session-store';
import { useCheckout, type CashTender } from '../checkout';

/** A card part of the order being split: Toss's window opens for `amount`. */
export function takeCardPart(amount: Won): void {
  const info = selectInfo(useSession.getState());
  if (info === null) return;
  void useCheckout.getState().payPartByCard(amount, info);
}

/** A cash part of the order being split, paid with what the customer handed over. */
export function takeCashPart(amount: Won, tender: CashTender): void {
  void useCheckout.getState().payPartInCash(amount, tender);
}

/** Esc on the split dialog: refused while a part is under way. */
export function closeSplit(): void {
  void useCheckout.getState().closeSplit();
}
