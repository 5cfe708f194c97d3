import { z } from 'zod';
import { sumWon, wonSchema, type Won } from './money';

/** Notes then coins the drawer is counted in, largest first: 5만/1만/5천/1천 원 notes, 500/100/50/10원 coins. */
export const DENOMINATIONS = [50_000, 10_000, 5_000, 1_000, 500, 100, 50, 10] as const;
export type Denomination = (typeof DENOMINATIONS)[number];

/** The smallest denomination that is a note: below it, coins. */
export const SMALLEST_NOTE: Denomination = 1_000;

/** More pieces of one kind than a drawer could hold is a typo. */
export const MAX_PIECES = 100_000;

const pieces = z
  .number()
  .int('a whole number of pieces')
  .min(0, 'no fewer than 0 pieces')
  .max(MAX_PIECES, `at most ${MAX_PIECES} pieces`);

/** How many of each note and coin were counted; a kind not counted is 0. */
export const drawerCountSchema = z.strictObject({
  50000: pieces.default(0),
  10000: pieces.default(0),
  5000: pieces.default(0),
  1000: pieces.default(0),
  500: pieces.default(0),
  100: pieces.default(0),
  50: pieces.default(0),
  10: pieces.default(0),
});
export type DrawerCount = z.infer<typeof drawerCountSchema>;

/** A count with nothing in it. */
export function emptyCount(): DrawerCount {
  return { 50000: 0, 10000: 0, 5000: 0, 1000: 0, 500: 0, 100: 0, 50: 0, 10: 0 };
}

/** What a count comes to, in won. */
export function countTotal(count: DrawerCount): Won {
  return sumWon(DENOMINATIONS.map((denomination) => denomination * count[denomination]));
}

/** Reasons the paid in / out form offers (free text is taken too). */
export const DRAWER_REASONS = ['식자재 구입', '거스름돈 보충', '소모품 구입', '은행 입금'] as const;

export const drawerReasonSchema = z.string().trim().min(1).max(100);

/** The most one paid in or out may move: a typo guard, as for a cash sale. */
export const MAX_DRAWER_MOVE: Won = 100_000_000;

const shiftIdSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}-\d{1,4}$/, 'a shift id, YYYY-MM-DD-n');

/** Who did a drawer action: the name the register knew then, or null when no one was signed in. */
const actorSchema = z.string().max(40).nullable();

/** Cash put into (in) or taken out of (out) the drawer during a shift, not a sale: change brought in, groceries paid. */
const drawerMovementSchema = z.strictObject({
  kind: z.enum(['in', 'out']),
  amount: wonSchema.min(1).max(MAX_DRAWER_MOVE),
  reason: drawerReasonSchema,
  at: z.string(),
  by: actorSchema,
});
export type DrawerMovement = z.infer<typeof drawerMovementSchema>;

/** Won that may go below zero: a drawer can be short. */
const signedWon = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);

/** What the drawer took and gave over a shift's span, from the order books and its own movements. */
const drawerTakingsSchema = z.strictObject({
  /** Cash sales (a whole order in cash, or an order's cash part) paid during the shift, and how many. */
  cashSales: wonSchema,
  cashSaleCount: z.number().int().nonnegative(),
  /** Cash handed back for refunds made during the shift, whatever day their sale was. */
  cashRefunds: wonSchema,
  paidIn: wonSchema,
  paidOut: wonSchema,
  /** The float + cash sales − cash refunds + paid in − paid out. */
  expected: signedWon,
});
type DrawerTakings = z.infer<typeof drawerTakingsSchema>;

/** A shift's close: the count, and the figures as they stood then (kept, so a report never changes after). */
const drawerCloseSchema = z.strictObject({
  at: z.string(),
  by: actorSchema,
  counted: drawerCountSchema,
  countedTotal: wonSchema,
  takings: drawerTakingsSchema,
  /** Counted − expected: above 0 over, below 0 short. */
  overShort: signedWon,
});

/** One shift of the cash drawer, from its opening float to its count. At most one is open at a time. */
export const drawerShiftSchema = z.strictObject({
  shiftId: shiftIdSchema,
  openedAt: z.string(),
  openedBy: actorSchema,
  float: drawerCountSchema,
  floatTotal: wonSchema,
  movements: z.array(drawerMovementSchema).max(1_000),
  /** Null while the shift is open. */
  close: drawerCloseSchema.nullable(),
});
export type DrawerShift = z.infer<typeof drawerShiftSchema>;

/** A shift as the drawer screen and the reports show it: its figures now (open) or as closed. */
export const drawerShiftViewSchema = z.strictObject({
  shiftId: shiftIdSchema,
  openedAt: z.string(),
  openedBy: actorSchema,
  floatTotal: wonSchema,
  movements: z.array(drawerMovementSchema),
  takings: drawerTakingsSchema,
  closedAt: z.string().nullable(),
  closedBy: actorSchema,
  counted: wonSchema.nullable(),
  overShort: signedWon.nullable(),
});
export type DrawerShiftView = z.infer<typeof drawerShiftViewSchema>;

/** The drawer screen's view: the open shift, if any, and the shifts opened this business day. */
export const drawerViewSchema = z.strictObject({
  open: drawerShiftViewSchema.nullable(),
  today: z.array(drawerShiftViewSchema),
});
export type DrawerView = z.infer<typeof drawerViewSchema>;

/** The takings of a shift: the float, what the order books show, and its own movements. */
export function takingsOf(
  floatTotal: Won,
  movements: readonly DrawerMovement[],
  cash: { sales: Won; saleCount: number; refunds: Won },
): DrawerTakings {
  const paidIn = sumWon(movements.filter((m) => m.kind === 'in').map((m) => m.amount));
  const paidOut = sumWon(movements.filter((m) => m.kind === 'out').map((m) => m.amount));
  return {
    cashSales: cash.sales,
    cashSaleCount: cash.saleCount,
    cashRefunds: cash.refunds,
    paidIn,
    paidOut,
    expected: floatTotal + cash.sales - cash.refunds + paidIn - paidOut,
  };
}
