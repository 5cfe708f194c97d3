import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, protocol, safeStorage, session } from 'electron';
import { loadConfig } from '../core/config';
import { startPosCore, type PosCore } from '../core/pos-core';
import { APP_ORIGIN, APP_SCHEME } from './app-origin';
import { registerIpc } from './ipc';
import { registerRendererProtocol } from './renderer-protocol';
import { readStoredSecretKey, storeSecretKey } from './secret-key-store';
import { createMainWindow } from './window';

const here = dirname(fileURLToPath(import.meta.url));

// Must happen before `ready`: a standard, secure scheme gets a real origin for postMessage and fetch.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

let core: PosCore | null = null;

async function start(): Promise<void> {
  const dataDir = process.env.POS_DATA_DIR ?? app.getPath('userData');
  const storedSecretKey = await readStoredSecretKey(safeStorage, dataDir);
  const config = loadConfig({ ...process.env, POS_DATA_DIR: dataDir }, { packaged: app.isPackaged, storedSecretKey });
  if (config.mode === 'live' && config.secretKey !== storedSecretKey) await storeSecretKey(safeStorage, dataDir, config.secretKey);

  core = await startPosCore({ config });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  registerRendererProtocol(protocol, join(here, '..', 'renderer'), core.csp);
  registerIpc(ipcMain, core.dispatch, APP_ORIGIN);
  createMainWindow({ preloadPath: join(here, '..', 'preload', 'index.cjs'), appOrigin: APP_ORIGIN, sdkSrc: core.sdkSrc });
}

app.whenReady().then(start).catch((error: unknown) => {
  dialog.showErrorBox('Toss POS', error instanceof Error ? error.message : String(error));
  app.exit(1);
});

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  void core?.close();
});
