import { ANONYMOUS, loadTossPayments } from '@tosspayments/tosspayments-sdk';
import { z } from 'zod';
import type { Won } from '../../../../shared/domain/money';

/** Where the SDK comes from and whose window it opens; both from `app:info`. */
export interface SdkConfig {
  clientKey: string;
  sdkSrc: string;
}

/** Exactly what main returned from `sale:create`: the renderer never sets the amount itself. */
export interface WindowRequest {
  orderId: string;
  orderName: string;
  amount: Won;
  /** The 면세 part of the amount (Toss's taxFreeAmount; 0 when absent). */
  taxFreeAmount?: Won;
}

/** The window's answer, shaped as `payment:confirm` input. */
export interface WindowApproval {
  orderId: string;
  paymentKey: string;
  amount: Won;
}

/** The window did not approve: closed by the customer, card declined, SDK failed to load… */
export class PaymentWindowError extends Error {
  /** Toss's code (e.g. USER_CANCEL), or null when the failure came without one. */
  readonly code: string | null;

  constructor(code: string | null, message: string) {
    super(message);
    this.name = 'PaymentWindowError';
    this.code = code;
  }
}

/**
 * What Promise mode resolves with. Checked, not assumed: it comes from Toss's script, and the
 * SDK's overloads type the call as the redirect variant (void).
 */
const windowResultSchema = z.object({
  paymentKey: z.string().min(1),
  orderId: z.string().min(1),
  amount: z.object({ value: z.number().int().nonnegative(), currency: z.literal('KRW') }),
});

function toWindowError(error: unknown): PaymentWindowError {
  const code =
    typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string'
      ? error.code
      : null;
  return new PaymentWindowError(code, error instanceof Error ? error.message : String(error));
}

/** Opens Toss's card window in an iframe (Promise mode) and waits for the customer. */
export async function requestCardPayment(sdk: SdkConfig, request: WindowRequest): Promise<WindowApproval> {
  try {
    const toss = await loadTossPayments(sdk.clientKey, { src: sdk.sdkSrc });
    const payment = toss.payment({ customerKey: ANONYMOUS });
    const answer: unknown = await payment.requestPayment({
      method: 'CARD',
      amount: { value: request.amount, currency: 'KRW' },
      orderId: request.orderId,
      orderName: request.orderName,
      taxFreeAmount: request.taxFreeAmount ?? 0,
      windowTarget: 'iframe',
    });
    const result = windowResultSchema.parse(answer);
    return { orderId: result.orderId, paymentKey: result.paymentKey, amount: result.amount.value };
  } catch (error) {
    throw toWindowError(error);
  }
}
