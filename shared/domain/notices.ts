import { z } from 'zod';

/**
 * Something the owner must know that does not stop the register: the app started anyway, and
 * says in words what happened and what to do.
 */
export const noticeCodes = [
  'SECRET_KEY_UNREADABLE',
  'SECRET_KEY_NOT_SAVED',
  'SECRET_KEY_ELSEWHERE',
  'KEYRING_LOCKED',
  'STORE_FILE_DAMAGED',
] as const;
export type NoticeCode = (typeof noticeCodes)[number];

export const noticeSchema = z.strictObject({
  code: z.enum(noticeCodes),
  /** A plain detail for the owner (a reason, a file moved aside); never a secret. */
  detail: z.string().max(600).optional(),
});
export type Notice = z.infer<typeof noticeSchema>;
