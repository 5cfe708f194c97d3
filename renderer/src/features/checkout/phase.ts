/**
 * Where the pay flow is: idle → creating-order → awaiting-window → confirming → paid; a card part
 * of a split payment goes idle → opening-part → awaiting-window → confirming → idle (or paid, with
 * the last part). Every failure goes back to idle with a problem to show; only Pay, a part and
 * Check again leave idle, so one flow runs at a time however often Pay is pressed.
 */
export type Phase = 'idle' | 'creating-order' | 'opening-part' | 'awaiting-window' | 'confirming' | 'paid';
