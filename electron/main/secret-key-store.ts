import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';

const FILE = 'toss-secret-key.bin';

/** The shop's Toss secret key, encrypted at rest with the OS keychain (Electron safeStorage). */
export async function readStoredSecretKey(safeStorage: SafeStorage, dataDir: string): Promise<string | undefined> {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  const blob = await readFile(join(dataDir, FILE)).catch(() => null);
  return blob ? safeStorage.decryptString(blob) : undefined;
}

/** Keeps a key given once through TOSS_SECRET_KEY, so the owner need not leave it in the environment. */
export async function storeSecretKey(safeStorage: SafeStorage, dataDir: string, secretKey: string): Promise<boolean> {
  if (!safeStorage.isEncryptionAvailable()) return false;
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, FILE), safeStorage.encryptString(secretKey), { mode: 0o600 });
  return true;
}
