import { z } from 'zod';

export const roles = ['cashier', 'manager'] as const;
export type Role = (typeof roles)[number];

export const pinSchema = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');
export const staffNameSchema = z.string().trim().min(1, 'enter a name').max(40);

/** A member of staff as the screens see them: never a PIN or its hash. */
export const staffMemberSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: z.enum(roles),
  active: z.boolean(),
  /** The documented training manager: works in training mode only. */
  trainingOnly: z.boolean(),
  createdAt: z.string(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

export const managerSessionSchema = z.strictObject({
  managerId: z.string(),
  managerName: z.string(),
  /** The documented training manager's: it changes nothing that outlives training. */
  trainingOnly: z.boolean(),
  /** The session locks itself at this time unless a manager action extends it. */
  expiresAt: z.string(),
});
export type ManagerSession = z.infer<typeof managerSessionSchema>;

/** Who rang a sale up (or asked for a refund, or closed the day): the person signed in at the till, stamped by main. */
export const cashierSchema = z.strictObject({ id: z.string(), name: z.string() });
export type Cashier = z.infer<typeof cashierSchema>;

/** The person signed in at the till now (a cashier, or a manager who is then also the cashier). */
export const tillSignInSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  role: z.enum(roles),
  trainingOnly: z.boolean(),
  since: z.string(),
});
export type TillSignIn = z.infer<typeof tillSignInSchema>;

export const staffStatusSchema = z.strictObject({
  /** No manager who can work in this mode yet: the owner sets one up before anything else. */
  setupNeeded: z.boolean(),
  /** Training mode offers the documented training manager instead of a new one. */
  trainingManagerOffered: z.boolean(),
  /** The shop has no manager of its own yet (it started with the training manager): the owner can still be set up. */
  ownerNeeded: z.boolean(),
  session: managerSessionSchema.nullable(),
  /** Unlock is refused until then after too many wrong PINs. */
  lockedUntil: z.string().nullable(),
  /** Who is signed in at the till; null shows the sign-in screen. */
  signedIn: tillSignInSchema.nullable(),
  /** The owner lets staff sign in by picking their name (off by default). */
  nameSignIn: z.boolean(),
});
export type StaffStatus = z.infer<typeof staffStatusSchema>;

/**
 * A manager main has a session open for (or who approved on the spot), as every service that
 * records who did something sees them. `trainingOnly`: the documented training manager, whose
 * public PIN may change nothing that outlives training.
 */
export interface Manager {
  id: string;
  name: string;
  trainingOnly: boolean;
}

/** The documented training manager (README): only ever in training mode. */
export const TRAINING_MANAGER = { name: '교육용 관리자', pin: '0000' } as const;
