import { z } from 'zod';
import { tossError, type TossError } from './errors';
import type { StoredResponse } from './idempotency';
import { ORDER_ID_PATTERN } from './payment-object';
import type { PaymentsLedger } from './payments-ledger';
import { INVALID_CARD_MESSAGE, findTestCard } from './test-cards';

const authorizeBody = z.object({
  clientKey: z.string(),
  orderId: z.string().regex(ORDER_ID_PATTERN),
  orderName: z.string().min(1).max(100),
  amount: z.number().int().positive(),
  taxFreeAmount: z.number().int().nonnegative().default(0),
  cardNumber: z.string().max(40),
});

function failure(error: TossError): StoredResponse {
  return { status: error.status, body: JSON.stringify({ error: error.body }) };
}

/**
 * `POST /sim/authorize`: the buyer pressed Pay in the window. Answers `{paymentKey}` for a
 * card that authenticates (payment now IN_PROGRESS) or `{error: {code, message}}`; the window
 * shows INVALID_CARD_NUMBER inline and hands every other error to the SDK promise.
 */
export function authorizeFromWindow(
  rawBody: string,
  deps: { clientKey: string; ledger: PaymentsLedger },
): StoredResponse {
  let data: unknown;
  try {
    data = JSON.parse(rawBody);
  } catch {
    return failure(tossError('INVALID_REQUEST'));
  }
  const parsed = authorizeBody.safeParse(data);
  if (!parsed.success) return failure(tossError('INVALID_REQUEST'));
  const input = parsed.data;
  if (input.clientKey !== deps.clientKey) return failure(tossError('INVALID_CLIENT_KEY'));
  if (input.taxFreeAmount > input.amount) return failure(tossError('INVALID_REQUEST'));
  const card = findTestCard(input.cardNumber);
  if (!card) return failure(tossError('INVALID_CARD_NUMBER', INVALID_CARD_MESSAGE));
  if (card.outcome.kind === 'window-decline') return failure(tossError(card.outcome.code));

  const result = deps.ledger.authorize({
    orderId: input.orderId,
    orderName: input.orderName,
    amount: input.amount,
    taxFreeAmount: input.taxFreeAmount,
    card,
  });
  if (!result.ok) return failure(result.error);
  return { status: 200, body: JSON.stringify({ paymentKey: result.payment.paymentKey }) };
}
