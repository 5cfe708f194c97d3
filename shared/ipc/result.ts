import { z } from 'zod';
import { posErrorSchema, type PosErrorData } from '../domain/errors';

/**
 * Every IPC answer. Errors travel as data: Electron's `ipcMain.handle` would keep only an
 * exception's message.
 */
export type IpcResult<T> = { ok: true; data: T } | { ok: false; error: PosErrorData };

export const ipcFailureSchema = z.strictObject({ ok: z.literal(false), error: posErrorSchema });

/** What preload and the browser host put on `window.pos`. */
export interface PosApi {
  invoke(channel: string, input: unknown): Promise<unknown>;
}
