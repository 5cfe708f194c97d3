import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPos } from '../compose/start-pos';
import { ConfigError } from '../core/platform/config';
import { plainTextCipher } from '../core/shop/secrets/key-cipher';
import { StoreFileCorruptError } from '../core/platform/disk/corrupt-file-error';
import { DataDirInUseError } from '../core/platform/disk/data-dir-lock';
import { startBrowserHost } from './host-server';

/** Port the browser host uses when POS_PORT is not set: stable, so a bookmark keeps working. */
const DEFAULT_PORT = 5180;

async function main(): Promise<void> {
  const pos = await startPos({ env: process.env, packaged: false, cipher: plainTextCipher, keepEnvironmentKey: false });
  // Built next to out/main/host.js; the renderer is out/renderer.
  const rendererDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');
  const port = pos.config.port ?? DEFAULT_PORT;
  const host = await startBrowserHost(pos, { rendererDir, port }).catch(async (error: unknown) => {
    await pos.close();
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    throw new ConfigError(`port ${port} is already in use: set POS_PORT to another port (0 picks any free one)`);
  });
  const mode = pos.mode() === 'training' ? 'training mode' : 'LIVE mode';
  console.log(`Toss POS (${mode}) is ready: ${host.url}`);

  // Ctrl+C or SIGTERM to `npm start`'s process group reaches this process more than once (the
  // terminal, npm, tsx and the launcher all pass it on): the first stops cleanly, the rest wait for it.
  let stopping: Promise<void> | null = null;
  const stop = () => {
    stopping ??= host
      .close()
      .then(() => pos.close())
      .then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const expected =
    error instanceof ConfigError || error instanceof DataDirInUseError || error instanceof StoreFileCorruptError;
  console.error(expected ? `Toss POS: ${error.message}` : error);
  process.exit(1);
});
