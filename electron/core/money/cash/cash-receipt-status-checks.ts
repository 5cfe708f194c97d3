import type { CashReceipt, FailedCashReceipt } from '../../../../shared/domain/cash';
import type { Order } from '../../../../shared/domain/order';
import { cashTenderOf } from '../../../../shared/domain/payment-parts';
import { seoulDay, seoulIso } from '../../../../shared/domain/time';
import type { Logger } from '../../platform/log/logger';
import type { SettleJob } from '../../platform/jobs/background-settler';
import type { OpenList } from '../../platform/jobs/open-work';
import type { OrderLocks } from '../../orders/order-locks';
import type { OrderBook } from '../../orders/order-book';
import { OrderLifecycle } from '../../orders/order-lifecycle';
import type { TossCashReceipt } from '../../toss/toss-cash-receipt';
import type { TossOf } from '../../toss/toss-of';
import { TossApiError, TossUnreachableError } from '../../toss/toss-errors';
import { stillPaid } from './cash-receipt-amounts';
import { checkedAs } from './cash-receipt-records';

export interface CashReceiptStatusChecksDeps {
  /** Orders whose issued 현금영수증 the tax office has not settled yet (IN_PROGRESS). */
  watching: OpenList;
  /** Orders whose 현금영수증 the tax office refused, until it is issued again: the day close lists them. */
  failed: OpenList;
  orders: OrderBook;
  locks: OrderLocks;
  toss: TossOf;
  now: () => Date;
  log: Logger;
}

const HOUR_MS = 60 * 60 * 1000;
/** The first look-up an hour after the issue, then twice as long each time, at most 12 hours apart: the tax office takes a day or more. */
const FIRST_WAIT_MS = HOUR_MS;
const LONGEST_WAIT_MS = 12 * HOUR_MS;

/** When the receipt's status is next asked about (app clock, ms). */
export function nextStatusCheck(receipt: CashReceipt): number {
  const last = Date.parse(receipt.statusCheckedAt ?? receipt.requestedAt);
  return last + Math.min(FIRST_WAIT_MS * 2 ** receipt.statusChecks, LONGEST_WAIT_MS);
}

/** An issued receipt the tax office has not settled yet, and that is not cancelled. */
function watched(receipt: CashReceipt | null | undefined): receipt is CashReceipt {
  return receipt?.status === 'ISSUED' && receipt.issueStatus === 'IN_PROGRESS' && receipt.receiptKey !== null;
}

/**
 * Toss registers a 현금영수증 with the tax office provisionally (IN_PROGRESS) and learns a day or
 * more later whether it took (COMPLETED) or not (FAILED). Each open one is asked about in the
 * background with a growing wait, never at the counter: a look-up is a GET, so a round cut short
 * by a crash is simply asked again. Toss has no look-up by receiptKey: its list of the receipts
 * asked for on the day (`GET /v1/cash-receipts?requestDate=`) carries each one's `issueStatus` and,
 * on failure, `failure {code, message}` (Toss's reference as the community clients read it, and
 * api-evangelist/toss-payments' collection of it).
 */
export class CashReceiptStatusChecks implements SettleJob {
  readonly name = 'cash-receipt-status';

  private readonly lifecycle: OrderLifecycle;
  /** When each watched order is next due: read once from its receipt, then kept here. */
  private readonly due = new Map<string, number>();

  constructor(private readonly deps: CashReceiptStatusChecksDeps) {
    this.lifecycle = new OrderLifecycle(deps.orders, deps.locks);
  }

  /** After a receipt is recorded: one on its way to the tax office is watched; one issued again leaves the failed list. */
  async recorded(order: Order): Promise<void> {
    const receipt = cashTenderOf(order)?.cashReceipt;
    if (!receipt) return;
    if (receipt.status !== 'FAILED') await this.deps.failed.remove(order.orderId);
    if (!watched(receipt)) return;
    this.due.set(order.orderId, nextStatusCheck(receipt));
    await this.deps.watching.add(order.orderId);
  }

  /**
   * The receipts the tax office refused and that were not issued again, newest sale first. One
   * issued again, or whose sale was refunded in full, leaves the list.
   */
  async failedReceipts(): Promise<FailedCashReceipt[]> {
    const failed: FailedCashReceipt[] = [];
    for (const orderId of this.deps.failed.list()) {
      const order = await this.deps.orders.get(orderId);
      const cash = order && cashTenderOf(order);
      const receipt = cash?.cashReceipt;
      if (
        !order ||
        !cash ||
        receipt?.status !== 'FAILED' ||
        receipt.issueStatus !== 'FAILED' ||
        stillPaid(order) === 0
      ) {
        await this.deps.failed.remove(orderId);
        continue;
      }
      failed.push({
        orderId,
        orderName: order.orderName,
        amount: stillPaid(order),
        paidAt: cash.paidAt,
        type: receipt.type,
        identityMasked: receipt.identityMasked,
        selfIssued: receipt.selfIssued,
        failure: receipt.failure,
        checkedAt: receipt.statusCheckedAt,
      });
    }
    return failed.sort((a, b) => b.paidAt.localeCompare(a.paidAt));
  }

  async settle(): Promise<boolean> {
    const now = this.deps.now().getTime();
    const lists = new Map<string, Promise<TossCashReceipt[]>>();
    let open = false;
    for (const orderId of this.deps.watching.list()) {
      const due = this.due.get(orderId) ?? (await this.dueOf(orderId));
      if (due === null || due > now) continue;
      try {
        await this.checkOne(orderId, lists);
      } catch (error) {
        if (!(error instanceof TossApiError || error instanceof TossUnreachableError)) throw error;
        // Toss could not say now: asked again with the settler's backoff, the receipt's own wait unchanged.
        open = true;
        this.deps.log.warn('cash receipt status not known yet', { orderId, error });
      }
    }
    return !open;
  }

  private async dueOf(orderId: string): Promise<number | null> {
    const order = await this.deps.orders.get(orderId);
    const receipt = order && cashTenderOf(order)?.cashReceipt;
    if (!watched(receipt)) {
      await this.unwatch(orderId, receipt);
      return null;
    }
    const due = nextStatusCheck(receipt);
    this.due.set(orderId, due);
    return due;
  }

  private checkOne(orderId: string, lists: Map<string, Promise<TossCashReceipt[]>>): Promise<void> {
    return this.deps.locks.run(orderId, async () => {
      const order = await this.deps.orders.get(orderId);
      const receipt = order && cashTenderOf(order)?.cashReceipt;
      if (!order || !watched(receipt)) return this.unwatch(orderId, receipt);
      const day = seoulDay(new Date(Date.parse(receipt.requestedAt)));
      const key = `${String(order.training)} ${day}`;
      const list = lists.get(key) ?? this.deps.toss(order).listCashReceipts(day);
      lists.set(key, list);
      const found = (await list).find(
        (listed) => listed.receiptKey === receipt.receiptKey && listed.transactionType !== 'CANCEL',
      );
      const status = found?.issueStatus ?? 'IN_PROGRESS';
      const failure = found?.failure ? { code: found.failure.code, message: found.failure.message } : null;
      const checked = checkedAs(receipt, status, seoulIso(this.deps.now()), failure);
      await this.lifecycle.recordCashReceipt(orderId, seoulIso(this.deps.now()), checked);
      if (status === 'IN_PROGRESS') {
        this.due.set(orderId, nextStatusCheck(checked));
        return;
      }
      if (status === 'FAILED')
        this.deps.log.warn('the tax office refused a cash receipt', { orderId, code: checked.failure?.code });
      await this.unwatch(orderId, checked);
    });
  }

  /**
   * No longer watched. One the tax office refused is listed as failed first, so a crash between
   * the two writes leaves it watched, and the next round lists it from what the order recorded.
   */
  private async unwatch(orderId: string, receipt: CashReceipt | null | undefined): Promise<void> {
    this.due.delete(orderId);
    if (receipt?.status === 'FAILED' && receipt.issueStatus === 'FAILED') await this.deps.failed.add(orderId);
    await this.deps.watching.remove(orderId);
  }
}
