/**
 * A stand-in for the third-party `@tosspayments/tosspayments-sdk` package (installed with
 * `vi.mock` by the test files): the payment window, answering as each test scripts it.
 */

/** What `payment.requestPayment` was called with (the fields toss-window sends). */
export interface WindowRequestSeen {
  method: string;
  amount: { value: number; currency: string };
  orderId: string;
  orderName: string;
  taxFreeAmount?: number;
  windowTarget?: string;
}

/** How the window ends: the customer pays, the SDK rejects, a raw answer, or held open. */
export type WindowOutcome =
  | { kind: 'approve'; paymentKey?: string }
  | { kind: 'reject'; error: unknown }
  | { kind: 'answer'; value: unknown }
  | { kind: 'hold' };

interface Held {
  request: WindowRequestSeen;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

export const ANONYMOUS = '@@ANONYMOUS';

/** An error shaped like the SDK's (it carries Toss's code). */
export class FakeSdkError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

export const fakeToss = {
  loads: [] as Array<{ clientKey: string; options: unknown }>,
  customers: [] as unknown[],
  requests: [] as WindowRequestSeen[],
  outcomes: [] as WindowOutcome[],
  held: [] as Held[],
  /** When set, `loadTossPayments` rejects with it (script blocked, offline…). */
  loadError: null as unknown,
  nextKey: 1,

  reset(): void {
    this.loads = [];
    this.customers = [];
    this.requests = [];
    this.outcomes = [];
    this.held = [];
    this.loadError = null;
    this.nextKey = 1;
  },

  /** Scripts how the next window(s) end; unscripted windows approve. */
  script(...outcomes: WindowOutcome[]): void {
    this.outcomes.push(...outcomes);
  },

  /** The customer pays in the window held open by a `hold` outcome. */
  approveHeld(paymentKey?: string): void {
    const held = this.held.shift();
    if (held === undefined) throw new Error('no window is held open');
    held.resolve({
      paymentType: 'NORMAL',
      paymentKey: paymentKey ?? `pk_held_${this.nextKey++}`,
      orderId: held.request.orderId,
      amount: held.request.amount,
    });
  },
};

function answer(request: WindowRequestSeen): Promise<unknown> {
  const outcome = fakeToss.outcomes.shift() ?? { kind: 'approve' };
  switch (outcome.kind) {
    case 'approve':
      return Promise.resolve({
        paymentType: 'NORMAL',
        paymentKey: outcome.paymentKey ?? `pk_${fakeToss.nextKey++}`,
        orderId: request.orderId,
        amount: request.amount,
      });
    case 'reject':
      return Promise.reject(outcome.error);
    case 'answer':
      return Promise.resolve(outcome.value);
    case 'hold':
      return new Promise((resolve, reject) => fakeToss.held.push({ request, resolve, reject }));
  }
}

export async function loadTossPayments(clientKey: string, options?: unknown) {
  fakeToss.loads.push({ clientKey, options });
  if (fakeToss.loadError !== null) throw fakeToss.loadError;
  return {
    payment(params: { customerKey: unknown }) {
      fakeToss.customers.push(params.customerKey);
      return {
        requestPayment(request: WindowRequestSeen): Promise<unknown> {
          // A copy: what the window was asked for at the time.
          fakeToss.requests.push(structuredClone(request));
          return answer(request);
        },
      };
    },
  };
}

export function clearTossPayments(): void {}
