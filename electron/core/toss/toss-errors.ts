import { PosError } from '../../../shared/domain/errors';

/** Toss answered with an error body `{code, message}`. */
export class TossApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'TossApiError';
  }
}

/** No answer from Toss (timeout, refused, reset): the outcome at Toss is unknown. */
export class TossUnreachableError extends Error {
  constructor(
    readonly reason: 'timeout' | 'network' | 'bad-response' | 'no-keys',
    options?: { cause?: unknown },
  ) {
    super(`Toss did not answer (${reason})`, options);
    this.name = 'TossUnreachableError';
  }
}

const CONFIGURATION = new Set([
  'UNAUTHORIZED_KEY',
  'INVALID_API_KEY',
  'INCORRECT_BASIC_AUTH_FORMAT',
  'INVALID_CLIENT_KEY',
  'FORBIDDEN_REQUEST',
]);
const TEMPORARY = new Set([
  'PROVIDER_ERROR',
  'CARD_PROCESSING_ERROR',
  'FAILED_INTERNAL_SYSTEM_PROCESSING',
  'FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING',
  'COMMON_ERROR',
  'UNKNOWN_ERROR',
  'IDEMPOTENT_REQUEST_PROCESSING',
  'FORBIDDEN_CONSECUTIVE_REQUEST',
  'NOT_AVAILABLE_BANK',
]);
const EXPIRED = new Set(['NOT_FOUND_PAYMENT_SESSION']);

/** What a Toss refusal of a confirm means for the cashier. */
export function confirmErrorToPosError(error: TossApiError): PosError {
  const options = { tossCode: error.code };
  if (CONFIGURATION.has(error.code)) return new PosError('TOSS_CONFIGURATION', error.message, options);
  if (EXPIRED.has(error.code)) return new PosError('PAYMENT_EXPIRED', error.message, { ...options, retryable: true });
  if (TEMPORARY.has(error.code) || error.status === 429 || error.status >= 500) {
    return new PosError('PAYMENT_TEMPORARY_FAILURE', error.message, { ...options, retryable: true });
  }
  // Every other refusal is about the card or the payment: the customer can pay again another way.
  return new PosError('PAYMENT_DECLINED', error.message, { ...options, retryable: true });
}

/** Cancel answers after which Toss's own record must be read: the refund may have happened anyway. */
const CANCEL_AMBIGUOUS = new Set([
  'ALREADY_CANCELED_PAYMENT',
  'ALREADY_REFUND_PAYMENT',
  'PROVIDER_ERROR',
  'FAILED_INTERNAL_SYSTEM_PROCESSING',
  'FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING',
  'FAILED_METHOD_HANDLING_CANCEL',
  'FAILED_REFUND_PROCESS',
  'FAILED_PARTIAL_REFUND',
  'COMMON_ERROR',
  'UNKNOWN_ERROR',
  'IDEMPOTENT_REQUEST_PROCESSING',
  'FORBIDDEN_CONSECUTIVE_REQUEST',
]);

/** Whether a failed cancel may still have moved money (or may succeed later): settle it by reading Toss, never by a new cancel. */
export function cancelOutcomeUnknown(error: unknown): boolean {
  if (error instanceof TossUnreachableError) return true;
  return (
    error instanceof TossApiError && (CANCEL_AMBIGUOUS.has(error.code) || error.status === 429 || error.status >= 500)
  );
}

/** A definite refusal of a cancel, for the manager: nothing was refunded. */
export function cancelErrorToPosError(error: TossApiError): PosError {
  const options = { tossCode: error.code };
  if (CONFIGURATION.has(error.code)) return new PosError('TOSS_CONFIGURATION', error.message, options);
  return new PosError('REFUND_DECLINED', error.message, options);
}
