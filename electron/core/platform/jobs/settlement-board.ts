import type { PosErrorCode } from '../../../../shared/domain/errors';
import type { Order } from '../../../../shared/domain/order';
import type { Settlement } from '../../../../shared/domain/settlements';
import { seoulIso } from '../../../../shared/domain/time';

/** Outcomes kept for the cashier at most; the oldest seen-or-not goes first. */
const KEPT = 50;

/**
 * What the register's notice shows: each payment the background settler is asking Toss about,
 * and how it ended, until the cashier dismisses it. In memory: after a restart the settler finds
 * the open ones again, and an outcome already on the books needs no notice.
 */
export class SettlementBoard {
  private readonly entries = new Map<string, Settlement>();
  private nextTryAt: string | null = null;

  /** The settler is asking Toss about this order's confirm. */
  trying(order: Order): void {
    const known = this.entries.get(order.orderId);
    const attempt = order.attempts.findLast((a) => a.outcome === 'CONFIRMING');
    // A card part's confirm is for the part's amount.
    const part = attempt?.part === undefined ? undefined : order.parts.find((p) => p.part === attempt.part);
    this.put({
      orderId: order.orderId,
      orderName: order.orderName,
      ...(part ? { part: part.part } : {}),
      amount: part?.amount ?? order.amount,
      startedAt: attempt?.startedAt ?? order.updatedAt,
      state: 'SETTLING',
      problem: known?.problem ?? null,
      tries: (known?.tries ?? 0) + 1,
      nextTryAt: null,
    });
  }

  /** Toss could not say yet: the order stays open and is asked about again. */
  stillOpen(orderId: string, problem: PosErrorCode): void {
    const known = this.entries.get(orderId);
    if (known) known.problem = problem;
  }

  /** The order is settled (paid, or not charged); `problem` says why it was not paid. */
  ended(orderId: string, order: Order | null, problem: PosErrorCode | null): void {
    const known = this.entries.get(orderId);
    if (!known) return;
    // A card part's settling ends paid when the part is, though the order may not be whole yet.
    const paid =
      known.part === undefined
        ? order?.status === 'PAID'
        : order?.parts.some((p) => p.part === known.part && p.status === 'PAID') === true;
    this.put({ ...known, state: paid ? 'PAID' : 'NOT_PAID', problem: paid ? null : problem, nextTryAt: null });
  }

  /** When the settler runs next (null: nothing open). */
  scheduled(at: Date | null): void {
    this.nextTryAt = at === null ? null : seoulIso(at);
  }

  list(): Settlement[] {
    return [...this.entries.values()].map((entry) => ({
      ...entry,
      nextTryAt: entry.state === 'SETTLING' ? this.nextTryAt : null,
    }));
  }

  /** The cashier has seen an outcome; a payment still being settled stays on the notice. */
  dismiss(orderId: string): Settlement[] {
    if (this.entries.get(orderId)?.state !== 'SETTLING') this.entries.delete(orderId);
    return this.list();
  }

  private put(entry: Settlement): void {
    this.entries.delete(entry.orderId);
    this.entries.set(entry.orderId, entry);
    for (const [orderId, kept] of this.entries) {
      if (this.entries.size <= KEPT) break;
      if (kept.state !== 'SETTLING') this.entries.delete(orderId);
    }
  }
}
