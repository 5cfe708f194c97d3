import { readdir, readFile, readlink } from 'node:fs/promises';

/** This process's open files inside `dir`, with their open flags (Linux's /proc). */
export async function openFilesIn(dir: string): Promise<Array<{ path: string; flags: number }>> {
  const found: Array<{ path: string; flags: number }> = [];
  for (const fd of await readdir('/proc/self/fd')) {
    const path = await readlink(`/proc/self/fd/${fd}`).catch(() => '');
    if (!path.startsWith(`${dir}/`) && path !== dir) continue;
    const info = await readFile(`/proc/self/fdinfo/${fd}`, 'utf8').catch(() => '');
    found.push({ path, flags: Number.parseInt(/^flags:\s*(\d+)/m.exec(info)?.[1] ?? '0', 8) });
  }
  return found;
}
