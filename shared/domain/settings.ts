import { z } from 'zod';

/** The cashier's screen preferences, kept by main so they survive whatever origin the page has. */
export const preferencesSchema = z.strictObject({
  locale: z.enum(['ko', 'en']),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const settingsSchema = z.strictObject({
  preferences: preferencesSchema,
  toss: z.strictObject({
    /** The client key of the pair the owner saved; its secret lives in the key store. */
    clientKey: z.string().min(1).max(200).nullable(),
  }),
});
export type Settings = z.infer<typeof settingsSchema>;

export const defaultSettings: Settings = {
  preferences: { locale: 'ko' },
  toss: { clientKey: null },
};
