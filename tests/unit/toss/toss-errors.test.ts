import { describe, expect, it } from 'vitest';
import type { PosErrorCode } from '../../../shared/domain/errors';
import {
  TossApiError,
  TossUnreachableError,
  cancelErrorToPosError,
  cancelOutcomeUnknown,
  confirmErrorToPosError,
} from '../../../electron/core/toss/toss-errors';

describe('a refused confirm at the counter: every code Toss names as passing', () => {
  // Sent with a 4xx status, so only the code can make them temporary: the cashier may simply try again.
  it.each([
    'PROVIDER_ERROR',
    'CARD_PROCESSING_ERROR',
    'FAILED_INTERNAL_SYSTEM_PROCESSING',
    'FAILED_PAYMENT_INTERNAL_SYSTEM_PROCESSING',
    'COMMON_ERROR',
    'UNKNOWN_ERROR',
    'IDEMPOTENT_REQUEST_PROCESSING',
    'FORBIDDEN_CONSECUTIVE_REQUEST',
    'NOT_AVAILABLE_BANK',
  ])('400 %s is a temporary failure, to be tried again', (code) => {
    const error = confirmErrorToPosError(new TossApiError(400, code, `Toss says ${code}`));
    expect(error.toData()).toEqual({
      code: 'PAYMENT_TEMPORARY_FAILURE',
      message: `Toss says ${code}`,
      retryable: true,
      tossCode: code,
    });
  });

  it.each([
    'UNAUTHORIZED_KEY',
    'INVALID_API_KEY',
    'INCORRECT_BASIC_AUTH_FORMAT',
    'INVALID_CLIENT_KEY',
    'FORBIDDEN_REQUEST',
  ])('%s (even with a 500) is the shop’s keys: not retryable at the counter', (code) => {
    const error = confirmErrorToPosError(new TossApiError(500, code, 'keys'));
    expect(error.toData()).toEqual({ code: 'TOSS_CONFIGURATION', message: 'keys', retryable: false, tossCode: code });
  });

  it('an expired payment session (even with a 500) says expired, not declined, and the customer may pay again', () => {
    expect(confirmErrorToPosError(new TossApiError(500, 'NOT_FOUND_PAYMENT_SESSION', 'expired')).toData()).toEqual({
      code: 'PAYMENT_EXPIRED',
      message: 'expired',
      retryable: true,
      tossCode: 'NOT_FOUND_PAYMENT_SESSION',
    });
  });

  it.each([
    [499, 'PAYMENT_DECLINED'],
    [500, 'PAYMENT_TEMPORARY_FAILURE'],
    [428, 'PAYMENT_DECLINED'],
    [429, 'PAYMENT_TEMPORARY_FAILURE'],
    [430, 'PAYMENT_DECLINED'],
  ] as Array<[number, PosErrorCode]>)('an unknown code with status %i is %s', (status, expected) => {
    expect(confirmErrorToPosError(new TossApiError(status, 'SOMETHING_NEW', 'new')).code).toBe(expected);
  });
});

describe('a failed cancel: may money have moved? (then Toss is asked, never a new cancel sent)', () => {
  it.each([
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
  ])('400 %s: unknown, to be read back from Toss', (code) => {
    expect(cancelOutcomeUnknown(new TossApiError(400, code, code))).toBe(true);
  });

  it.each([
    [429, true],
    [430, false],
    [499, false],
    [500, true],
    [503, true],
  ])('an unknown code with status %i: unknown = %s', (status, unknown) => {
    expect(cancelOutcomeUnknown(new TossApiError(status, 'SOMETHING_NEW', 'new'))).toBe(unknown);
  });

  it('no answer at all is unknown; a definite refusal or an error of our own is not', () => {
    expect(cancelOutcomeUnknown(new TossUnreachableError('timeout'))).toBe(true);
    expect(cancelOutcomeUnknown(new TossApiError(400, 'NOT_CANCELABLE_AMOUNT', 'too much'))).toBe(false);
    expect(cancelOutcomeUnknown(new TossApiError(403, 'FORBIDDEN_REQUEST', 'keys'))).toBe(false);
    // Something with Toss's shape that is not Toss's answer (a bug of ours) is not taken as Toss's word.
    expect(cancelOutcomeUnknown({ status: 500, code: 'PROVIDER_ERROR' })).toBe(false);
    expect(cancelOutcomeUnknown(new Error('boom'))).toBe(false);
  });

  it('a definite refusal reads as the shop’s keys or as a declined refund, with Toss’s words and code, never retryable', () => {
    for (const code of [
      'UNAUTHORIZED_KEY',
      'INVALID_API_KEY',
      'INCORRECT_BASIC_AUTH_FORMAT',
      'INVALID_CLIENT_KEY',
      'FORBIDDEN_REQUEST',
    ]) {
      expect(cancelErrorToPosError(new TossApiError(401, code, 'keys')).toData()).toEqual({
        code: 'TOSS_CONFIGURATION',
        message: 'keys',
        retryable: false,
        tossCode: code,
      });
    }
    expect(
      cancelErrorToPosError(new TossApiError(403, 'NOT_CANCELABLE_PAYMENT', '취소할 수 없는 결제입니다.')).toData(),
    ).toEqual({
      code: 'REFUND_DECLINED',
      message: '취소할 수 없는 결제입니다.',
      retryable: false,
      tossCode: 'NOT_CANCELABLE_PAYMENT',
    });
  });
});

describe('what the log says when Toss is at fault', () => {
  it('names the error and, for no answer, why', () => {
    const cause = new Error('socket hang up');
    const silent = new TossUnreachableError('network', { cause });
    expect(String(silent)).toBe('TossUnreachableError: Toss did not answer (network)');
    expect(silent.cause).toBe(cause);
    expect(String(new TossApiError(409, 'IDEMPOTENT_REQUEST_PROCESSING', '처리 중'))).toBe('TossApiError: 처리 중');
  });
});
