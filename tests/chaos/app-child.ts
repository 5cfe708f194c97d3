import { startPos } from '../../electron/compose/start-pos';
import { plainTextCipher } from '../../electron/core/shop/secrets/key-cipher';

/**
 * The app as the chaos matrix runs it: the real composition (so POS_CRASH_AT and POS_DISK_FAULT
 * are read where the shells read them) in a process of its own, answering the register's calls
 * over the fork channel through the same dispatcher Electron's ipcMain and the browser host use.
 */
type Request = { type: 'call'; id: number; channel: string; input: unknown } | { type: 'close' };

function send(message: unknown, then?: () => void): void {
  process.send?.(message, undefined, {}, () => then?.());
}

try {
  const timeout = Number(process.env.CHAOS_TOSS_TIMEOUT_MS);
  const pos = await startPos({
    env: process.env,
    packaged: false,
    cipher: plainTextCipher,
    keepEnvironmentKey: false,
    ...(Number.isInteger(timeout) && timeout > 0 ? { tossTimeoutMs: timeout } : {}),
  });
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    pos.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('close failed', error);
        process.exit(2);
      },
    );
  };
  process.on('message', (request: Request) => {
    if (request.type === 'close') return close();
    void pos
      .dispatch(request.channel, request.input)
      .then((result) => send({ type: 'result', id: request.id, result }));
  });
  // The harness went away: stop as a closed app does.
  process.on('disconnect', close);
  send({ type: 'ready', mode: pos.mode() });
} catch (error) {
  // Told before exiting, or the answer could be lost with the process.
  send(
    {
      type: 'refused',
      name: error instanceof Error ? error.name : 'unknown',
      message: error instanceof Error ? error.message : String(error),
    },
    () => process.exit(3),
  );
}
