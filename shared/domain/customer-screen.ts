import { z } from 'zod';

/** Where a display sits, seen from the cashier's (primary) one. */
export const displaySideSchema = z.enum(['primary', 'left', 'right', 'above', 'below']);
export type DisplaySide = z.infer<typeof displaySideSchema>;

/** What a person reads to tell the displays apart: "모니터 2 · 1920×1080 (오른쪽)". */
export const displayLabelSchema = z.strictObject({
  /** 1, 2 … from left to right (then top to bottom). */
  number: z.number().int().min(1).max(99),
  /** In the display's own pixels (its size times its scale). */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  side: displaySideSchema,
});
export type DisplayLabel = z.infer<typeof displayLabelSchema>;

export const displayInfoSchema = displayLabelSchema.extend({ id: z.number().int() });
export type DisplayInfo = z.infer<typeof displayInfoSchema>;

/**
 * Which display faces the customer: any but the cashier's (`auto`), one chosen by its id, or none.
 * A chosen display keeps the label it had, so Settings can name it while it is unplugged.
 */
export const customerScreenChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('auto') }),
  z.strictObject({ kind: z.literal('off') }),
  z.strictObject({ kind: z.literal('display'), displayId: z.number().int(), label: displayLabelSchema }),
]);
export type CustomerScreenChoice = z.infer<typeof customerScreenChoiceSchema>;

/** What a manager picks: a display by its id only (main names it from the displays connected now). */
export const customerScreenPickSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('auto') }),
  z.strictObject({ kind: z.literal('off') }),
  z.strictObject({ kind: z.literal('display'), displayId: z.number().int() }),
]);
export type CustomerScreenPick = z.infer<typeof customerScreenPickSchema>;

export const defaultCustomerScreen: CustomerScreenChoice = { kind: 'auto' };

/** A connected display as the shell reports it (Electron's `Display`, in DIP with its scale). */
export interface ShellDisplay {
  id: number;
  bounds: { x: number; y: number; width: number; height: number };
  scaleFactor: number;
}

/**
 * The display the customer window goes on, or null for none. A chosen display that is unplugged
 * falls back to `auto` until it returns; `auto` never picks the cashier's (primary) display, which
 * only a manager's explicit choice can put the customer window on.
 */
export function customerDisplayOf<D extends Pick<ShellDisplay, 'id'>>(
  displays: readonly D[],
  primaryId: number,
  choice: CustomerScreenChoice,
): D | null {
  if (choice.kind === 'off') return null;
  const chosen = choice.kind === 'display' ? displays.find((display) => display.id === choice.displayId) : undefined;
  return chosen ?? displays.find((display) => display.id !== primaryId) ?? null;
}

function sideOf(bounds: ShellDisplay['bounds'], primary: ShellDisplay['bounds']): Exclude<DisplaySide, 'primary'> {
  const dx = bounds.x + bounds.width / 2 - (primary.x + primary.width / 2);
  const dy = bounds.y + bounds.height / 2 - (primary.y + primary.height / 2);
  if (Math.abs(dx) >= Math.abs(dy)) return dx >= 0 ? 'right' : 'left';
  return dy >= 0 ? 'below' : 'above';
}

/** Numbers and names the connected displays the way the OS arranges them, left to right. */
export function describeDisplays(displays: readonly ShellDisplay[], primaryId: number): DisplayInfo[] {
  const primary = displays.find((display) => display.id === primaryId)?.bounds ?? displays[0]?.bounds;
  return [...displays]
    .sort((a, b) => a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y)
    .slice(0, 99)
    .map((display, index) => ({
      id: display.id,
      number: index + 1,
      width: Math.max(1, Math.round(display.bounds.width * display.scaleFactor)),
      height: Math.max(1, Math.round(display.bounds.height * display.scaleFactor)),
      side: display.id === primaryId || primary === undefined ? 'primary' : sideOf(display.bounds, primary),
    }));
}
