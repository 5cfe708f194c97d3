import { z } from 'zod';

/** Past a cap the waiting lines are no longer counted: `more` says that more than `waiting` wait. */
const waitingSchema = { waiting: z.number().int().min(0), more: z.literal(true).optional() };

/**
 * Whether this register's live journals are reaching the shop's shared store (PostgreSQL):
 * `off` with none set up; `online`; `offline` since a moment, with how many journal lines wait.
 * Selling never waits on it: the register's own journals are the books.
 */
export const sharedStoreStatusSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('off') }),
  z.strictObject({ state: z.literal('online'), ...waitingSchema }),
  z.strictObject({ state: z.literal('offline'), since: z.string(), ...waitingSchema }),
]);
export type SharedStoreStatus = z.infer<typeof sharedStoreStatusSchema>;

/** This register as the shop knows it: a stable id made once, and a name a manager gives it. */
export const registerIdentitySchema = z.strictObject({
  id: z.string().min(1).max(40),
  name: z.string().trim().min(1).max(40),
});
export type RegisterIdentity = z.infer<typeof registerIdentitySchema>;
