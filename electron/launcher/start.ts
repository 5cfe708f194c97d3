import { spawn, spawnSync } from 'node:child_process';
import { electronBinaryPath, electronInstallScript } from './electron-binary';

/**
 * `npm start`: the Electron app where its binary can be had, else the same app through the
 * browser host on 127.0.0.1.
 */
function binary(): string | null {
  const found = electronBinaryPath();
  if (found) return found;
  const install = spawnSync(process.execPath, [electronInstallScript()], { stdio: 'ignore', timeout: 180_000 });
  return install.status === 0 ? electronBinaryPath() : null;
}

function launch() {
  const electron = binary();
  if (electron) return spawn(electron, ['.'], { stdio: 'inherit' });
  console.log(
    'Electron binary not installed (it cannot be downloaded here): serving Toss POS through the browser host instead; open the URL below.',
  );
  return spawn(process.execPath, ['out/main/host.js'], { stdio: 'inherit' });
}

const child = launch();

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
