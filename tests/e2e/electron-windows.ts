import { expect, type ElectronApplication, type Page } from '@playwright/test';

/**
 * The register's page among the app's windows. The splash (a data: page) is the first window,
 * shown while the core opens, which can take long on a big data folder.
 */
export async function registerWindow(app: ElectronApplication): Promise<Page> {
  const isRegister = (page: Page) => /^(http|app):/.test(page.url());
  await expect.poll(() => app.windows().some(isRegister), { timeout: 120_000 }).toBe(true);
  return app.windows().find(isRegister)!;
}
