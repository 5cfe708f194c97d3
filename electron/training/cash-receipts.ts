import { randomBytes, randomInt } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { maskCashReceiptIdentity } from '../../shared/domain/cash';
import { seoulIso } from '../../shared/domain/time';
import { tossError, type TossError } from './errors';
import { ORDER_ID_PATTERN } from './payment-object';

/** Toss's CashReceipt object, as the simulator fills it (toss-api.md, "Transactions and cash receipts"). */
export interface TossCashReceipt {
  receiptKey: string;
  issueNumber: string;
  issueStatus: 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';
  type: '소득공제' | '지출증빙';
  transactionType: 'CONFIRM' | 'CANCEL';
  orderId: string;
  orderName: string;
  amount: number;
  /** The 면세 part of `amount`, as the issue asked (0 when it named none). */
  taxFreeAmount: number;
  /** What is left after cancels. */
  remainingAmount: number;
  businessNumber: string;
  /** Masked as the register masks it (`010-****-5678`): the simulator never keeps the number whole. */
  customerIdentityNumber: string;
  receiptUrl: string;
  requestedAt: string;
  /** Set once the tax office refused it (FAILED). */
  failure?: { code: string; message: string } | null;
}

/** A training identity number Toss refuses, so the app's failure path can be tried. */
export const REFUSED_IDENTITY = '01000000000';

/**
 * Training identity numbers ending in these digits are issued (IN_PROGRESS) and then refused by
 * the tax office the next day (FAILED), e.g. 010-1234-0404: every other receipt turns COMPLETED.
 */
export const TAX_OFFICE_REFUSES_ENDING = '0404';

/** What the simulated tax office says when it refuses a receipt (Toss passes its reason on in `failure`). */
const TAX_OFFICE_REFUSAL = {
  code: 'INVALID_CASH_RECEIPT_IDENTITY',
  message: '국세청에서 현금영수증 등록을 거절했습니다. 식별 번호를 확인해 주세요.',
};

export const issueBody = z.object({
  amount: z.number().int().positive(),
  orderId: z.string().regex(ORDER_ID_PATTERN),
  orderName: z.string().min(1).max(100),
  customerIdentityNumber: z.string().min(1).max(30),
  type: z.enum(['소득공제', '지출증빙']),
  taxFreeAmount: z.number().int().nonnegative().optional(),
});

export const cancelBody = z.object({ amount: z.number().int().positive().optional() });

/** `GET /v1/cash-receipts`: the receipts asked for on one day (Korean time), a page at a time. */
export const listQuery = z.object({
  requestDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  cursor: z.coerce.number().int().nonnegative().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
});

export interface CashReceiptPage {
  hasNext: boolean;
  lastCursor: number;
  data: TossCashReceipt[];
}

/** A number from before the simulator masked them (a digits-only identity) is masked on reading. */
function masked(receipt: TossCashReceipt): TossCashReceipt {
  const identity = receipt.customerIdentityNumber;
  return /^\d+$/.test(identity) ? { ...receipt, customerIdentityNumber: maskCashReceiptIdentity(identity) } : receipt;
}

export type CashReceiptResult = { ok: true; receipt: TossCashReceipt } | { ok: false; error: TossError };

/** The training shop's own business number, printed on every simulated 현금영수증. */
const SHOP_BUSINESS_NUMBER = '1234567891';

/**
 * 현금영수증 issued and cancelled in training. With a `file`, they outlive the app, as the
 * payments ledger's do, so a training cash sale can be refunded after a restart.
 */
export class CashReceiptsLedger {
  private readonly byKey = new Map<string, TossCashReceipt>();

  constructor(private readonly deps: { now: () => Date; origin: string; file?: string | undefined }) {
    if (deps.file === undefined) return;
    let stored: TossCashReceipt[];
    try {
      stored = (JSON.parse(readFileSync(deps.file, 'utf8')) as { receipts: TossCashReceipt[] }).receipts;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      return;
    }
    for (const receipt of stored) this.byKey.set(receipt.receiptKey, masked(receipt));
    // A file an earlier version wrote with whole numbers is rewritten masked at once.
    if (stored.some((receipt) => masked(receipt) !== receipt)) this.save();
  }

  issue(input: z.infer<typeof issueBody>): CashReceiptResult {
    const digits = input.customerIdentityNumber.replace(/-/g, '');
    if (!/^\d{10,19}$/.test(digits) || digits === REFUSED_IDENTITY) {
      return { ok: false, error: tossError('INVALID_REQUEST', '현금영수증 발급 대상 식별 번호가 올바르지 않습니다.') };
    }
    const taxFreeAmount = input.taxFreeAmount ?? 0;
    if (taxFreeAmount > input.amount)
      return {
        ok: false,
        error: tossError('INVALID_REQUEST', '면세 금액이 발급 금액보다 클 수 없습니다. (taxFreeAmount)'),
      };
    const receiptKey = `tcr_${randomBytes(12).toString('base64url')}`;
    const receipt: TossCashReceipt = {
      receiptKey,
      issueNumber: String(randomInt(100_000_000, 1_000_000_000)),
      issueStatus: 'IN_PROGRESS',
      type: input.type,
      transactionType: 'CONFIRM',
      orderId: input.orderId,
      orderName: input.orderName,
      amount: input.amount,
      taxFreeAmount,
      remainingAmount: input.amount,
      businessNumber: SHOP_BUSINESS_NUMBER,
      customerIdentityNumber: maskCashReceiptIdentity(digits),
      receiptUrl: `${this.deps.origin}/receipt/cash/${receiptKey}`,
      requestedAt: seoulIso(this.deps.now()),
    };
    this.byKey.set(receiptKey, receipt);
    this.save();
    return { ok: true, receipt: { ...receipt } };
  }

  /** Cancels all that is left, or `amount` of it (a partial refund). */
  cancel(receiptKey: string, amount: number | undefined): CashReceiptResult {
    const receipt = this.byKey.get(receiptKey);
    if (!receipt) return { ok: false, error: tossError('NOT_FOUND', '존재하지 않는 현금영수증입니다.') };
    const cancelled = amount ?? receipt.remainingAmount;
    if (receipt.remainingAmount === 0)
      return { ok: false, error: tossError('ALREADY_CANCELED_PAYMENT', '이미 취소된 현금영수증입니다.') };
    if (cancelled > receipt.remainingAmount) return { ok: false, error: tossError('NOT_CANCELABLE_AMOUNT') };
    receipt.remainingAmount -= cancelled;
    this.save();
    return {
      ok: true,
      receipt: {
        ...this.settled(receipt),
        transactionType: 'CANCEL',
        amount: cancelled,
        requestedAt: seoulIso(this.deps.now()),
      },
    };
  }

  /**
   * As Toss reports it now: the tax office settles a receipt the day after it was asked for (by
   * the simulator's clock, which is the app's, test clock included), COMPLETED or, for a number
   * ending in TAX_OFFICE_REFUSES_ENDING, FAILED. The masked number keeps its last four digits.
   */
  private settled(receipt: TossCashReceipt): TossCashReceipt {
    if (receipt.issueStatus !== 'IN_PROGRESS') return { ...receipt };
    if (seoulIso(this.deps.now()).slice(0, 10) <= receipt.requestedAt.slice(0, 10)) return { ...receipt };
    return receipt.customerIdentityNumber.endsWith(TAX_OFFICE_REFUSES_ENDING)
      ? { ...receipt, issueStatus: 'FAILED', failure: TAX_OFFICE_REFUSAL }
      : { ...receipt, issueStatus: 'COMPLETED' };
  }

  /** The receipts asked for on `query.requestDate`, in the order they were asked, from `cursor` on. */
  list(query: z.infer<typeof listQuery>): CashReceiptPage {
    const day = [...this.byKey.values()].filter((receipt) => receipt.requestedAt.slice(0, 10) === query.requestDate);
    const from = query.cursor ?? 0;
    const data = day.slice(from, from + query.limit).map((receipt) => this.settled(receipt));
    const lastCursor = from + data.length;
    return { hasNext: lastCursor < day.length, lastCursor, data };
  }

  get(receiptKey: string): TossCashReceipt | undefined {
    const receipt = this.byKey.get(receiptKey);
    return receipt && this.settled(receipt);
  }

  private save(): void {
    const file = this.deps.file;
    if (file === undefined) return;
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.tmp`;
    writeFileSync(temp, JSON.stringify({ receipts: [...this.byKey.values()] }), { mode: 0o600 });
    renameSync(temp, file);
  }
}
