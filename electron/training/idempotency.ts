import { createHash } from 'node:crypto';

/** Toss's limits (toss-api.md §3). */
export const MAX_IDEMPOTENCY_KEY_LENGTH = 300;
export const IDEMPOTENCY_TTL_MS = 15 * 24 * 60 * 60 * 1000;

export interface StoredResponse {
  status: number;
  body: string;
}

export type IdempotencyBegin = { kind: 'new' } | { kind: 'in-flight' } | { kind: 'replay'; response: StoredResponse };

interface Slot {
  expiresAtMs: number;
  response: StoredResponse | null;
}

/**
 * Toss matches a repeat by key + API key + method + URL, not by body: reusing a key for a
 * different order replays the first order's answer. The Authorization header stands in for
 * the API key, and it is hashed so secrets are not kept as map keys.
 */
export function idempotencyScope(key: string, authorization: string, method: string, path: string): string {
  return createHash('sha256')
    .update(JSON.stringify([key, authorization, method, path]))
    .digest('hex');
}

/** Remembers the first response per scope for 15 days of the injected clock. */
export class IdempotencyStore {
  private readonly slots = new Map<string, Slot>();

  constructor(
    private readonly now: () => Date,
    private readonly ttlMs = IDEMPOTENCY_TTL_MS,
  ) {}

  begin(scope: string): IdempotencyBegin {
    const nowMs = this.now().getTime();
    this.sweep(nowMs);
    const slot = this.slots.get(scope);
    if (slot && slot.expiresAtMs > nowMs) {
      return slot.response ? { kind: 'replay', response: slot.response } : { kind: 'in-flight' };
    }
    // Re-inserting moves the scope to the back, keeping the map ordered by expiry for sweep().
    this.slots.delete(scope);
    this.slots.set(scope, { expiresAtMs: nowMs + this.ttlMs, response: null });
    return { kind: 'new' };
  }

  finish(scope: string, response: StoredResponse): void {
    const slot = this.slots.get(scope);
    if (slot) slot.response = response;
  }

  /** Slots are inserted in expiry order, so expired ones sit at the front. */
  private sweep(nowMs: number): void {
    for (const [scope, slot] of this.slots) {
      if (slot.expiresAtMs > nowMs) break;
      this.slots.delete(scope);
    }
  }
}
