import { z } from 'zod';
import { catalogSchema } from '../domain/catalog';
import { MAX_LINE_QUANTITY, orderIdSchema, orderSchema, paymentKeySchema } from '../domain/order';
import { wonSchema } from '../domain/money';
import { noticeSchema } from '../domain/notices';
import { preferencesSchema } from '../domain/settings';

/**
 * The one IPC contract: every channel the renderer may call, with its input and output schema.
 * Preload, main and the browser host are all built from this map.
 */
export const contract = {
  'app:info': {
    input: z.strictObject({}),
    output: z.strictObject({
      mode: z.enum(['training', 'live']),
      clientKey: z.string().min(1),
      sdkSrc: z.string().url(),
      notices: z.array(noticeSchema),
    }),
  },
  'preferences:get': {
    input: z.strictObject({}),
    output: preferencesSchema,
  },
  'preferences:update': {
    input: preferencesSchema.partial(),
    output: preferencesSchema,
  },
  'catalog:list': {
    input: z.strictObject({}),
    output: catalogSchema,
  },
  'order:create': {
    input: z.strictObject({
      // Lines are plain objects: anything besides product and quantity (a price, say) is dropped.
      lines: z
        .array(
          z.object({
            productId: z.string().min(1).max(40),
            quantity: z.number().int().min(1).max(MAX_LINE_QUANTITY),
          }),
        )
        .max(200),
    }),
    output: z.strictObject({
      orderId: orderIdSchema,
      orderName: z.string().min(1).max(100),
      amount: wonSchema,
    }),
  },
  'order:get': {
    input: z.strictObject({ orderId: orderIdSchema }),
    output: orderSchema,
  },
  'payment:confirm': {
    input: z.strictObject({
      orderId: orderIdSchema,
      paymentKey: paymentKeySchema,
      amount: z.number().int().nonnegative(),
    }),
    output: orderSchema,
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const channels = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}
