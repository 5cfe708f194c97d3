import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, screen, session, shell } from 'electron';
import { startPos } from '../compose/start-pos';
import { pageOriginFrom, type PageOrigin } from '../core/platform/config';
import { APP_SCHEME } from './app-origin';
import { keepCustomerWindow } from './customer-window';
import { guardAllDownloads } from './download-guard';
import { registerIpc } from './ipc';
import { bringToFront, holdSingleInstance, quitAfterClosing } from './lifecycle';
import { servePage } from './page-origin';
import { electronReceiptPrinter } from './receipt-printer';
import { safeStorageCipher } from './safe-storage-cipher';
import { guardAllWebContents } from './web-contents-guards';
import { createMainWindow } from './window';

const here = dirname(fileURLToPath(import.meta.url));

// Read before `ready`: a custom scheme must be registered before then. A bad value is reported by startPos.
function chosenPageOrigin(): PageOrigin {
  try {
    return pageOriginFrom(process.env);
  } catch {
    return 'loopback';
  }
}
const pageOrigin = chosenPageOrigin();
if (pageOrigin === 'app') {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let customer: ReturnType<typeof keepCustomerWindow> | null = null;

async function start(): Promise<void> {
  const pos = await startPos({
    env: process.env,
    packaged: app.isPackaged,
    defaultDataDir: app.getPath('userData'),
    cipher: safeStorageCipher(safeStorage, process.platform),
    keepEnvironmentKey: true,
    printer: electronReceiptPrinter({
      contents: () => mainWindow?.webContents ?? null,
      showSaveDialog: (options) =>
        mainWindow === null ? dialog.showSaveDialog(options) : dialog.showSaveDialog(mainWindow, options),
      documentsDir: () => app.getPath('documents'),
      writeFile: (path, data) => writeFile(path, data),
    }),
  });
  const page = await servePage(pageOrigin, protocol, {
    rendererDir: join(here, '..', 'renderer'),
    csp: () => pos.csp(),
  });
  quitAfterClosing(
    app,
    process,
    async () => {
      await page.close();
      await pos.close();
    },
    (error) => pos.log.error('closing failed', { error }),
  );

  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  registerIpc(ipcMain, pos.dispatch, page.origin);
  guardAllDownloads(app, session.defaultSession, {
    appOrigin: page.origin,
    onRefused: (url, fileName) => pos.log.warn('download refused', { url, fileName }),
  });
  guardAllWebContents(app, shell, {
    policy: { appOrigin: page.origin, sdkSrc: () => pos.sdkSrc() },
    isOwnPage: (contents) => contents === mainWindow?.webContents || contents === customer?.window()?.webContents,
    onRefused: (what, url) => pos.log.warn('refused', { what, url }),
  });
  mainWindow = createMainWindow({
    preloadPath: join(here, '..', 'preload', 'index.cjs'),
    pageUrl: page.url,
    appOrigin: page.origin,
  });
  customer = keepCustomerWindow({
    screen,
    create: (options) => new BrowserWindow(options),
    preloadPath: join(here, '..', 'preload', 'display.cjs'),
    appOrigin: page.origin,
  });
}

if (holdSingleInstance(app, () => bringToFront(mainWindow))) {
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      dialog.showErrorBox('Toss POS', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
  app.on('window-all-closed', () => app.quit());
}
