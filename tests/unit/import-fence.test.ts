import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The fence in eslint.config.js, tried on code it must stop (and on code it must let through).
const eslint = new ESLint();

async function importErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => ['no-restricted-imports', 'no-restricted-syntax', 'no-restricted-properties'].includes(m.ruleId ?? '')).map((m) => m.message);
}

describe('import fence', () => {
  it.each([
    ['electron/core/payments/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/host/x.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n"],
    ['electron/compose/x.ts', "import { safeStorage } from 'electron';\nexport const a = safeStorage;\n"],
    ['electron/core/x.ts', "import { startTossSimulator } from '../training/simulator';\nexport const a = startTossSimulator;\n"],
    ['electron/core/payments/x.ts', "import { startPos } from '../../compose/start-pos';\nexport const a = startPos;\n"],
    ['electron/core/x.ts', "import { startBrowserHost } from '../host/host-server';\nexport const a = startBrowserHost;\n"],
    ['shared/domain/x.ts', "import { readFile } from 'node:fs/promises';\nexport const a = readFile;\n"],
    ['shared/domain/x.ts', "import { createPosCore } from '../../electron/core/app/pos-core';\nexport const a = createPosCore;\n"],
    ['renderer/src/x.ts', "import { readFile } from 'fs';\nexport const a = readFile;\n"],
    ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
    ['renderer/src/x.ts', "import { TossClient } from '../../electron/core/toss/toss-client';\nexport const a = TossClient;\n"],
    ['renderer/src/x.ts', "export const a = import('node:fs');\n"],
    ['renderer/src/features/x.ts', "export const a = window.pos;\n"],
    // Features meet through index.ts only.
    ['renderer/src/features/register/x.ts', "import { useCheckout } from '../checkout/checkout-store';\nexport const a = useCheckout;\n"],
    ['renderer/src/features/staff/x.ts', "import { SettingsScreen } from '../settings/SettingsScreen';\nexport const a = SettingsScreen;\n"],
    ['renderer/src/app/x.ts', "import { RegisterScreen } from '../features/register/RegisterScreen';\nexport const a = RegisterScreen;\n"],
    ['renderer/src/features/register/x.ts', "import { readFile } from 'node:fs';\nexport const a = readFile;\n"],
  ])('refuses %s importing what it must not', async (filePath, code) => {
    expect(await importErrors(filePath, code)).not.toEqual([]);
  });

  it.each([
    ['electron/main/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['electron/compose/x.ts', "import { startTossSimulator } from '../training/simulator';\nexport const a = startTossSimulator;\n"],
    ['electron/core/x.ts', "import { readFile } from 'node:fs/promises';\nexport const a = readFile;\n"],
    ['renderer/src/x.ts', "import { formatWon } from '../../shared/domain/money';\nexport const a = formatWon;\n"],
    ['renderer/src/lib/ipc.ts', "export const a = window.pos;\n"],
    ['renderer/src/features/register/x.ts', "import { useCheckout } from '../checkout';\nexport const a = useCheckout;\n"],
    ['renderer/src/features/register/x.ts', "import { call } from '../../lib/ipc';\nexport const a = call;\n"],
    ['renderer/src/features/register/x.ts', "import { useCart } from './cart-store';\nexport const a = useCart;\n"],
    ['renderer/src/app/x.ts', "import { RegisterScreen } from '../features/register';\nexport const a = RegisterScreen;\n"],
  ])('lets %s import what it may', async (filePath, code) => {
    expect(await importErrors(filePath, code)).toEqual([]);
  });
});
