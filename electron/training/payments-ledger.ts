import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { vatSplit, type Won } from '../../shared/domain/money';
import { seoulIso } from '../../shared/domain/time';
import { EXPIRED_FAILURE, tossError, type TossError } from './errors';
import {
  maskCardNumber,
  newApproveNo,
  newPaymentKey,
  newSecret,
  newTransactionKey,
  type TossPayment,
} from './payment-object';
import type { TestCard } from './test-cards';
import type { ApprovedPayment } from './transactions';

export type LedgerResult = { ok: true; payment: TossPayment } | { ok: false; error: TossError };

export interface AuthorizeInput {
  orderId: string;
  orderName: string;
  amount: Won;
  /** The window's taxFreeAmount (requestPayment's), until the confirm states its own. */
  taxFreeAmount?: Won;
  card: TestCard;
}

export interface ConfirmInput {
  paymentKey: string;
  orderId: string;
  amount: Won;
  /** The 면세 part of the amount (Toss takes 0 when absent). */
  taxFreeAmount?: Won | undefined;
  /** The request's Authorization header, which the hostile test card repeats back. */
  authorization?: string;
}

export interface CancelInput {
  cancelReason: string;
  cancelAmount?: Won | undefined;
  refundableAmount?: Won | undefined;
  /** The 면세 part of the cancel (Toss takes 0 when absent). */
  taxFreeAmount?: Won | undefined;
}

interface Entry {
  payment: TossPayment;
  authenticatedAtMs: number;
  card: TestCard;
  /** The confirm failure that aborted this payment; repeats of confirm answer it again. */
  abortedWith?: TossError;
  /** The approval's transaction key (the payment's lastTransactionKey moves on with each cancel). */
  approvalKey?: string;
}

const SETTLED = new Set(['DONE', 'CANCELED', 'PARTIAL_CANCELED']);

/** Toss's split of an amount: suppliedAmount + vat + taxFreeAmount = the amount, VAT only on the taxable part. */
function amountsOf(amount: Won, taxFree: Won): Pick<TossPayment, 'suppliedAmount' | 'vat' | 'taxFreeAmount'> {
  const { vat } = vatSplit(amount, taxFree);
  return { suppliedAmount: amount - taxFree - vat, vat, taxFreeAmount: taxFree };
}

/**
 * Toss payments and their state machine:
 * IN_PROGRESS → DONE | ABORTED | EXPIRED, DONE → PARTIAL_CANCELED → CANCELED.
 * Every read hands out a copy so callers cannot bypass the transitions. With a `file`, the
 * payments outlive the app, so a training sale can still be refunded after a restart, as a real
 * one can at Toss.
 */
export class PaymentsLedger {
  private readonly byKey = new Map<string, Entry>();
  private readonly keysByOrder = new Map<string, string[]>();

  constructor(
    private readonly deps: { now: () => Date; origin: string; sessionTtlMs: number; file?: string | undefined },
  ) {
    if (deps.file === undefined) return;
    let saved: Entry[] = [];
    try {
      saved = (JSON.parse(readFileSync(deps.file, 'utf8')) as { entries: Entry[] }).entries;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    for (const entry of saved) {
      this.byKey.set(entry.payment.paymentKey, entry);
      this.keysByOrder.set(entry.payment.orderId, [
        ...(this.keysByOrder.get(entry.payment.orderId) ?? []),
        entry.payment.paymentKey,
      ]);
    }
  }

  /** Keeps the payments on disk (training data only: written whole, temp file then rename). */
  private save(): void {
    const file = this.deps.file;
    if (file === undefined) return;
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const temp = `${file}.tmp`;
    writeFileSync(temp, JSON.stringify({ entries: [...this.byKey.values()] }), { mode: 0o600 });
    renameSync(temp, file);
  }

  /** What the payment window does once the buyer has entered a card that authenticates. */
  authorize(input: AuthorizeInput): LedgerResult {
    // Toss refuses to reuse an orderId that was already approved (or cancelled after approval).
    const orderKeys = this.keysByOrder.get(input.orderId) ?? [];
    if (orderKeys.some((key) => SETTLED.has(this.entry(key).payment.status))) {
      return { ok: false, error: tossError('DUPLICATED_ORDER_ID') };
    }
    const now = this.deps.now();
    const paymentKey = newPaymentKey();
    const payment: TossPayment = {
      version: '2022-11-16',
      paymentKey,
      type: 'NORMAL',
      orderId: input.orderId,
      orderName: input.orderName,
      mId: 'tosspayments',
      currency: 'KRW',
      method: '카드',
      totalAmount: input.amount,
      balanceAmount: input.amount,
      ...amountsOf(input.amount, input.taxFreeAmount ?? 0),
      taxExemptionAmount: 0,
      status: 'IN_PROGRESS',
      requestedAt: seoulIso(now),
      approvedAt: null,
      useEscrow: false,
      cultureExpense: false,
      isPartialCancelable: true,
      lastTransactionKey: null,
      card: {
        amount: input.amount,
        issuerCode: '4V',
        acquirerCode: '21',
        number: maskCardNumber(input.card.number),
        installmentPlanMonths: 0,
        isInterestFree: false,
        interestPayer: null,
        // Toss shows zeros until the card company has approved.
        approveNo: '00000000',
        useCardPoint: false,
        cardType: '신용',
        ownerType: '개인',
        acquireStatus: 'READY',
      },
      virtualAccount: null,
      transfer: null,
      mobilePhone: null,
      giftCertificate: null,
      cashReceipt: null,
      cashReceipts: null,
      discount: null,
      easyPay: null,
      cancels: null,
      secret: newSecret(),
      country: 'KR',
      failure: null,
      receipt: { url: `${this.deps.origin}/receipt/${paymentKey}` },
      checkout: { url: `${this.deps.origin}/v1/payments/${paymentKey}/checkout` },
    };
    this.byKey.set(paymentKey, { payment, authenticatedAtMs: now.getTime(), card: input.card });
    this.keysByOrder.set(input.orderId, [...orderKeys, paymentKey]);
    this.save();
    return { ok: true, payment: structuredClone(payment) };
  }

  confirm(input: ConfirmInput): LedgerResult {
    const entry = this.byKey.get(input.paymentKey);
    if (!entry) return { ok: false, error: tossError('NOT_FOUND_PAYMENT') };
    const payment = this.refresh(entry);
    // Toss ties the session to the orderId given to requestPayment; another id finds no session.
    if (payment.orderId !== input.orderId) return { ok: false, error: tossError('NOT_FOUND_PAYMENT_SESSION') };
    if (SETTLED.has(payment.status)) return { ok: false, error: tossError('ALREADY_PROCESSED_PAYMENT') };
    if (payment.status === 'EXPIRED') return { ok: false, error: tossError('NOT_FOUND_PAYMENT_SESSION') };
    if (entry.abortedWith) return { ok: false, error: entry.abortedWith };
    if (input.amount !== payment.totalAmount) {
      return {
        ok: false,
        error: tossError('INVALID_REQUEST', '결제 금액이 인증된 금액과 일치하지 않습니다. (amount mismatch)'),
      };
    }
    const taxFree = input.taxFreeAmount ?? 0;
    if (taxFree > input.amount) {
      return {
        ok: false,
        error: tossError('INVALID_REQUEST', '면세 금액이 결제 금액보다 클 수 없습니다. (taxFreeAmount)'),
      };
    }
    if (entry.card.outcome.kind === 'confirm-echo') {
      const key = Buffer.from((input.authorization ?? '').replace(/^Basic\s+/, ''), 'base64')
        .toString('utf8')
        .replace(/:$/, '');
      return {
        ok: false,
        error: tossError(
          'INVALID_REQUEST',
          `잘못된 요청입니다. Authorization: ${input.authorization ?? ''} (key ${key})`,
        ),
      };
    }
    if (entry.card.outcome.kind === 'confirm-fail') {
      const error = tossError(entry.card.outcome.code);
      payment.status = 'ABORTED';
      payment.failure = { ...error.body };
      entry.abortedWith = error;
      this.save();
      return { ok: false, error };
    }
    Object.assign(payment, amountsOf(payment.totalAmount, taxFree));
    payment.status = 'DONE';
    payment.approvedAt = seoulIso(this.deps.now());
    payment.lastTransactionKey = newTransactionKey();
    entry.approvalKey = payment.lastTransactionKey;
    payment.card.approveNo = newApproveNo();
    this.save();
    return { ok: true, payment: structuredClone(payment) };
  }

  cancel(paymentKey: string, input: CancelInput): LedgerResult {
    const entry = this.byKey.get(paymentKey);
    if (!entry) return { ok: false, error: tossError('NOT_FOUND_PAYMENT') };
    const payment = this.refresh(entry);
    if (payment.status === 'CANCELED') return { ok: false, error: tossError('ALREADY_CANCELED_PAYMENT') };
    if (payment.status !== 'DONE' && payment.status !== 'PARTIAL_CANCELED') {
      return { ok: false, error: tossError('NOT_CANCELABLE_PAYMENT') };
    }
    if (input.refundableAmount !== undefined && input.refundableAmount !== payment.balanceAmount) {
      return { ok: false, error: tossError('NOT_MATCHES_REFUNDABLE_AMOUNT') };
    }
    const cancelAmount = input.cancelAmount ?? payment.balanceAmount;
    if (cancelAmount > payment.balanceAmount) return { ok: false, error: tossError('NOT_CANCELABLE_AMOUNT') };
    const balance = payment.balanceAmount - cancelAmount;
    // The 면세 part falls with each cancel; a cancel that empties the payment takes all of it that is left.
    const taxFree = input.taxFreeAmount ?? 0;
    if (
      taxFree > cancelAmount ||
      taxFree > payment.taxFreeAmount ||
      (balance === 0 && taxFree !== payment.taxFreeAmount)
    ) {
      return { ok: false, error: tossError('INVALID_REQUEST', '면세 취소 금액이 올바르지 않습니다. (taxFreeAmount)') };
    }
    const after = amountsOf(balance, payment.taxFreeAmount - taxFree);
    const transactionKey = newTransactionKey();
    payment.cancels = [
      ...(payment.cancels ?? []),
      {
        cancelAmount,
        cancelReason: input.cancelReason,
        taxFreeAmount: taxFree,
        taxExemptionAmount: 0,
        refundableAmount: balance,
        cardDiscountAmount: 0,
        transferDiscountAmount: 0,
        easyPayDiscountAmount: 0,
        canceledAt: seoulIso(this.deps.now()),
        transactionKey,
        receiptKey: null,
        cancelStatus: 'DONE',
        cancelRequestId: null,
      },
    ];
    payment.balanceAmount = balance;
    Object.assign(payment, after);
    payment.status = balance === 0 ? 'CANCELED' : 'PARTIAL_CANCELED';
    payment.lastTransactionKey = transactionKey;
    this.save();
    return { ok: true, payment: structuredClone(payment) };
  }

  get(paymentKey: string): LedgerResult {
    const entry = this.byKey.get(paymentKey);
    if (!entry) return { ok: false, error: tossError('NOT_FOUND_PAYMENT') };
    return { ok: true, payment: structuredClone(this.refresh(entry)) };
  }

  /** Every payment, in the order the windows authorised them: what a test checks the shop's books against. */
  all(): TossPayment[] {
    return [...this.byKey.values()].map((entry) => structuredClone(this.refresh(entry)));
  }

  /** Every payment Toss approved, with its approval's transaction key: what `GET /v1/transactions` lists. */
  approved(): ApprovedPayment[] {
    return [...this.byKey.values()].flatMap((entry) => {
      const payment = this.refresh(entry);
      // A ledger file written before approval keys were kept: the last key is the approval's while nothing was cancelled.
      const approvalKey = entry.approvalKey ?? payment.lastTransactionKey;
      return payment.approvedAt === null || approvalKey === null
        ? []
        : [{ payment: structuredClone(payment), approvalKey }];
    });
  }

  /** The order's latest payment, preferring a settled one so reconciliation sees the money. */
  getByOrder(orderId: string): LedgerResult {
    const entries = (this.keysByOrder.get(orderId) ?? []).map((key) => this.entry(key));
    const newestFirst = entries.reverse();
    const chosen = newestFirst.find((e) => SETTLED.has(this.refresh(e).status)) ?? newestFirst[0];
    if (!chosen) return { ok: false, error: tossError('NOT_FOUND_PAYMENT') };
    return { ok: true, payment: structuredClone(this.refresh(chosen)) };
  }

  private entry(paymentKey: string): Entry {
    const entry = this.byKey.get(paymentKey);
    if (!entry) throw new Error(`ledger index points at a missing payment ${paymentKey}`);
    return entry;
  }

  /** Expiry is lazy: a session past its confirm window becomes EXPIRED when next looked at. */
  private refresh(entry: Entry): TossPayment {
    const { payment } = entry;
    if (
      payment.status === 'IN_PROGRESS' &&
      this.deps.now().getTime() - entry.authenticatedAtMs > this.deps.sessionTtlMs
    ) {
      payment.status = 'EXPIRED';
      payment.failure = { ...EXPIRED_FAILURE };
    }
    return payment;
  }
}
