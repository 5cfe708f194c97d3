/**
 * Where the pay flow is: idle → creating-order → awaiting-window → confirming → paid. Every
 * failure goes back to idle with a problem to show; only Pay and Check again leave idle, so one
 * flow runs at a time however often Pay is pressed.
 */
export type Phase = 'idle' | 'creating-order' | 'awaiting-window' | 'confirming' | 'paid';
