import { z } from 'zod';
import { PAYMENT_STATUSES } from './payment-object';

/** Which /v1 calls a fault applies to. */
export const FAULT_ROUTES = ['confirm', 'cancel', 'lookup', 'cash-receipt', 'any'] as const;
export type FaultRoute = (typeof FAULT_ROUTES)[number];

/**
 * What goes wrong between the app and Toss. `processed` says whether Toss did the work before
 * the answer went wrong: the cases a client cannot tell apart are the ones worth testing.
 */
export const faultSchema = z.discriminatedUnion('kind', [
  /** The real answer, sent late (past the client's timeout, say). */
  z.strictObject({ kind: z.literal('latency'), ms: z.number().int().min(0).max(600_000) }),
  /** An answer instead of (or after) the real work: a Toss error code, or a bare status with an HTML page. */
  z.strictObject({
    kind: z.literal('answer'),
    status: z.number().int().min(400).max(599),
    code: z.string().max(80).optional(),
    html: z.boolean().optional(),
    retryAfterS: z.number().int().min(0).max(3600).optional(),
    processed: z.boolean(),
  }),
  /** The connection is dropped with no answer. */
  z.strictObject({ kind: z.literal('reset'), processed: z.boolean() }),
  /** A 200 whose body is cut off mid-JSON. */
  z.strictObject({ kind: z.literal('malformed'), processed: z.boolean() }),
  /** The real answer, a few bytes at a time. */
  z.strictObject({
    kind: z.literal('trickle'),
    chunkBytes: z.number().int().min(1).max(4096),
    intervalMs: z.number().int().min(1).max(60_000),
  }),
  /** The real work, then a payment object that says something else (a Toss bug, or a man in the middle). */
  z.strictObject({
    kind: z.literal('tamper'),
    totalAmount: z.number().int().optional(),
    status: z.enum(PAYMENT_STATUSES).optional(),
    method: z.string().max(40).nullable().optional(),
    dropCard: z.boolean().optional(),
  }),
]);
export type Fault = z.infer<typeof faultSchema>;

export const faultRuleSchema = z.strictObject({
  route: z.enum(FAULT_ROUTES),
  fault: faultSchema,
  /** How many matching calls it hits (1 unless said), or every one until cleared. */
  times: z.union([z.number().int().min(1).max(1_000_000), z.literal('always')]).optional(),
  /** Only calls about this order (confirm body) or payment (path). */
  orderId: z.string().max(64).optional(),
  paymentKey: z.string().max(200).optional(),
});
export type FaultRule = z.infer<typeof faultRuleSchema>;

export interface FaultCall {
  route: Exclude<FaultRoute, 'any'>;
  orderId?: string;
  paymentKey?: string;
}

/** The simulator's fault switches: rules queued by a test (in process, or over `/__sim/faults`), taken in order. */
export class FaultSwitch {
  private rules: { rule: FaultRule; left: number }[] = [];

  add(rule: FaultRule): void {
    const times = rule.times ?? 1;
    this.rules.push({ rule, left: times === 'always' ? Number.POSITIVE_INFINITY : times });
  }

  clear(): void {
    this.rules = [];
  }

  pending(): FaultRule[] {
    return this.rules.map((entry) => entry.rule);
  }

  /** The fault for this call, if a rule matches; a rule used up is dropped. */
  take(call: FaultCall): Fault | undefined {
    const index = this.rules.findIndex(({ rule }) => matches(rule, call));
    const entry = this.rules[index];
    if (!entry) return undefined;
    entry.left -= 1;
    if (entry.left <= 0) this.rules.splice(index, 1);
    return entry.rule.fault;
  }
}

function matches(rule: FaultRule, call: FaultCall): boolean {
  if (rule.route !== 'any' && rule.route !== call.route) return false;
  if (rule.orderId !== undefined && rule.orderId !== call.orderId) return false;
  return rule.paymentKey === undefined || rule.paymentKey === call.paymentKey;
}

/** A payment answer as a tamper fault rewrites it; other answers pass unchanged. */
export function tamperBody(body: string, fault: Extract<Fault, { kind: 'tamper' }>): string {
  let payment: Record<string, unknown>;
  try {
    payment = JSON.parse(body) as Record<string, unknown>;
  } catch {
    return body;
  }
  if (typeof payment.paymentKey !== 'string') return body;
  if (fault.totalAmount !== undefined) payment.totalAmount = fault.totalAmount;
  if (fault.status !== undefined) payment.status = fault.status;
  if (fault.method !== undefined) payment.method = fault.method;
  if (fault.dropCard) payment.card = null;
  return JSON.stringify(payment);
}
