import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, screen, session, shell } from 'electron';
import electronUpdater from 'electron-updater';
import { startPos } from '../compose/start-pos';
import { pageOriginFrom, type PageOrigin } from '../core/platform/config';
import { APP_SCHEME } from './app-origin';
import { devToolsAllowed, installAppMenu } from './app-menu';
import { reloadOnCrash } from './crash-reload';
import { keepCustomerWindow } from './customer-window';
import { electronMonitors } from './electron-monitors';
import { guardAllDownloads } from './download-guard';
import { registerIpc } from './ipc';
import { holdSingleInstance, quitAfterClosing } from './lifecycle';
import { chooseOzonePlatform } from './ozone-platform';
import { servePage } from './page-origin';
import { electronReceiptPrinter } from './receipt-printer';
import { closeOnSessionEnd, keepRegisterWindow } from './register-window';
import { safeStorageCipher } from './safe-storage-cipher';
import { SHELL_STRINGS, shellLocale } from './shell-strings';
import { openBehindSplash, showSplash, type Splash } from './splash';
import { keepUpdated } from './updates';
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
chooseOzonePlatform(app.commandLine, process.platform, process.env);

const register = keepRegisterWindow<BrowserWindow>(app);
let customer: ReturnType<typeof keepCustomerWindow> | null = null;

async function start(splash: Splash): Promise<void> {
  const monitors = electronMonitors(screen);
  const pos = await startPos({
    env: process.env,
    packaged: app.isPackaged,
    defaultDataDir: app.getPath('userData'),
    cipher: safeStorageCipher(safeStorage, process.platform),
    keepEnvironmentKey: true,
    printer: electronReceiptPrinter({
      contents: () => register.current()?.webContents ?? null,
      showSaveDialog: (options) => {
        const window = register.current();
        return window === null ? dialog.showSaveDialog(options) : dialog.showSaveDialog(window, options);
      },
      documentsDir: () => app.getPath('documents'),
      writeFile: (path, data) => writeFile(path, data),
    }),
    monitors,
  });
  const page = await servePage(pageOrigin, protocol, {
    rendererDir: join(here, '..', 'renderer'),
    csp: () => pos.csp(),
  });
  const closeNow = quitAfterClosing(
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
    isOwnPage: (contents) =>
      contents === register.current()?.webContents || contents === customer?.window()?.webContents,
    onRefused: (what, url) => pos.log.warn('refused', { what, url }),
  });
  register.open(() => {
    const window = createMainWindow({
      create: (options) => new BrowserWindow(options),
      workArea: screen.getPrimaryDisplay().workArea,
      devTools: devToolsAllowed(app.isPackaged),
      preloadPath: join(here, '..', 'preload', 'index.cjs'),
      pageUrl: page.url,
      appOrigin: page.origin,
      onShown: () => splash.close(),
    });
    reloadOnCrash(window.webContents, pos.log, 'register');
    closeOnSessionEnd(window, closeNow);
    return window;
  });
  customer = keepCustomerWindow({
    screen,
    choice: monitors.choice,
    devTools: devToolsAllowed(app.isPackaged),
    create: (options) => {
      const window = new BrowserWindow(options);
      reloadOnCrash(window.webContents, pos.log, 'customer');
      return window;
    },
    preloadPath: join(here, '..', 'preload', 'display.cjs'),
    appOrigin: page.origin,
  });
  // electron-updater needs the installer's app-update.yml: never unpackaged (nor in the browser host).
  if (app.isPackaged) keepUpdated({ updater: electronUpdater.autoUpdater, app, gate: pos.updates, log: pos.log });
}

if (holdSingleInstance(app, () => register.secondLaunch())) {
  app
    .whenReady()
    .then(() => {
      installAppMenu(Menu, process.platform, app.isPackaged, SHELL_STRINGS[shellLocale(app.getLocale())]);
      return openBehindSplash(
        () => showSplash((options) => new BrowserWindow(options), devToolsAllowed(app.isPackaged)),
        start,
      );
    })
    .catch((error: unknown) => {
      dialog.showErrorBox('Toss POS', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}
