import { once } from 'node:events';
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from '@playwright/test';
import { expect, test } from './fixtures';
import { cards } from './cards';
import { addProduct, payWithCard } from './register';

// The shell around the renderer differs by mode; each mode's locks are checked by its own spec.

test('the Electron window is locked down (loopback origin, isolated, no Node, no way out)', async ({ pos }) => {
  test.skip(
    pos.electronApp === null,
    "needs the Electron binary, which is not installed here; the browser-host twin below checks the host's locks",
  );
  const { page } = pos;
  const origin = new URL(page.url()).origin;
  expect(origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  const reach = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    popup: window.open('file:///etc/passwd') === null,
  }));
  expect(reach).toEqual({ require: 'undefined', process: 'undefined', popup: true });
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await expect(page.getByTestId('pay')).toBeVisible();
  expect(new URL(page.url()).origin).toBe(origin);
});

test('the browser host is locked down (token, origin, CSP)', async ({ pos }) => {
  test.skip(pos.hostUrl === null, "runs in browser-host mode; the Electron twin above checks the window's locks");
  const url = pos.hostUrl!;
  const page = await fetch(url);
  expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
  expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');

  const withoutToken = await fetch(new URL('/__pos/ipc', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: new URL(url).origin },
    body: JSON.stringify({ channel: 'catalog:list', input: {} }),
  });
  expect(withoutToken.status).toBe(403);

  const token = await pos.page.locator('meta[name="pos-token"]').getAttribute('content');
  const fromElsewhere = await fetch(new URL('/__pos/ipc', url), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Origin: 'http://evil.example', 'x-pos-token': token ?? '' },
    body: JSON.stringify({ channel: 'catalog:list', input: {} }),
  });
  expect(fromElsewhere.status).toBe(403);
});

test('the payment window opens the way Toss’s script opens it: a form POSTed into its iframe, within the CSP', async ({
  pos,
}) => {
  const { page } = pos;
  await addProduct(page, 'americano');
  await page.getByTestId('pay').click();
  const form = page.locator('form#___tosspayments_form___');
  await expect(form).toHaveAttribute('method', 'post');
  await expect(form).toHaveAttribute('target', '___tosspayments_iframe___');
  await expect(page.locator('iframe[name="___tosspayments_iframe___"]')).toHaveCount(1);
  await expect.poll(() => page.frames().some((frame) => frame.url().endsWith('/proxy/pages/load'))).toBe(true);

  await payWithCard(page, cards.approve);
  await expect(page.getByTestId('receipt')).toBeVisible();
  expect(await pos.cspViolations()).toEqual([]);
});

/** The CSP violations main wrote to the data folder's log, as JSON lines. */
async function loggedViolations(dataDir: string): Promise<Array<Record<string, unknown>>> {
  const dir = join(dataDir, 'logs');
  const files = await readdir(dir).catch(() => []);
  const lines = (await Promise.all(files.map((file) => readFile(join(dir, file), 'utf8')))).join('').split('\n');
  return lines
    .filter((line) => line.includes('"CSP violation"'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

test('a CSP violation of the page, or of a frame it made, reaches main’s log without its query', async ({ pos }) => {
  const { page } = pos;
  await expect(page.getByTestId('pay')).toBeVisible();
  await page.evaluate(() => {
    const img = document.createElement('img');
    img.src = 'https://blocked.example/pixel.png?card=4111111111111111';
    document.body.append(img);
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const inner = frame.contentDocument?.createElement('img');
    if (inner) {
      inner.src = 'https://blocked.example/in-frame.png?cvc=123';
      frame.contentDocument?.body.append(inner);
    }
  });
  await expect
    .poll(async () => (await loggedViolations(pos.dataDir)).map((line) => line.blockedUri))
    .toEqual(expect.arrayContaining(['https://blocked.example/pixel.png', 'https://blocked.example/in-frame.png']));
  const logged = await loggedViolations(pos.dataDir);
  expect(logged[0]).toMatchObject({ page: 'register', directive: 'img-src' });
  expect(JSON.stringify(logged)).not.toMatch(/4111|cvc/);
  // The frame's violation fired in the frame's own document, never the page's: only watching the frame caught it.
  expect((await pos.cspViolations()).join('\n')).not.toContain('in-frame');
});

test('the screen language is kept by main, not by the page, so it survives a reload', async ({ pos }) => {
  const { page } = pos;
  await page.getByTestId('lang-toggle').click();
  await expect(page.getByTestId('training-banner')).toContainText('Training mode');
  await expect.poll(() => page.evaluate(() => localStorage.length)).toBe(0);
  await page.reload();
  await expect(page.getByTestId('training-banner')).toContainText('Training mode');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('a second launch hands over to the running app instead of opening the same profile', async ({ pos }) => {
  test.skip(
    pos.electronApp === null,
    'needs the Electron binary, which is not installed here; the browser-host twin below checks a second app on the same data folder',
  );
  const userDataDir = (await pos.electronApp!.evaluate(({ app }) => app.getPath('userData'))) as string;
  const second = await _electron.launch({
    args: ['.', `--user-data-dir=${userDataDir}`],
    env: pos.env as Record<string, string>,
  });
  await expect.poll(() => second.process().exitCode).toBe(0);
  await expect(pos.page.getByTestId('pay')).toBeVisible();
});

test('a second browser host on the same data folder refuses in words and leaves the first running', async ({ pos }) => {
  test.skip(
    pos.hostUrl === null,
    'runs in browser-host mode; the Electron twin above checks the single-instance hand-over',
  );
  const second = spawn(process.execPath, ['out/main/host.js'], { env: pos.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  second.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  second.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const [code] = (await once(second, 'exit')) as [number];
  expect(code).toBe(1);
  expect(output).toMatch(/already open in another Toss POS/);
  expect(output).not.toMatch(/at .*\.js:\d+/);
  await expect(pos.page.getByTestId('pay')).toBeVisible();
});

test('Ctrl+C or SIGTERM to the whole process group, however many times it arrives, stops the host cleanly, and the next start gets the folder', async ({
  pos,
}) => {
  test.skip(process.platform === 'win32', 'signals a POSIX process group, which Windows has not got');
  const dataDir = await mkdtemp(join(tmpdir(), 'toss-pos-stop-'));
  const env = { ...pos.env, POS_DATA_DIR: dataDir, POS_PORT: '0' };
  const start = async () => {
    // Its own process group, as `npm start` in a terminal is.
    const host = spawn(process.execPath, ['out/main/host.js'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    host.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    host.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await expect.poll(() => output, { timeout: 20_000 }).toMatch(/is ready/);
    return host;
  };
  try {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const host = await start();
      const exited = once(host, 'exit');
      // As npm, tsx and the launcher pass it on: the same signal again while the host is stopping.
      for (let i = 0; i < 3; i += 1) {
        try {
          process.kill(-(host.pid ?? 0), signal);
        } catch {
          break; // it has already stopped
        }
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      const [code, killedBy] = (await exited) as [number | null, string | null];
      expect({ signal, code, killedBy }).toEqual({ signal, code: 0, killedBy: null });
    }
    const again = await start();
    const exited = once(again, 'exit');
    process.kill(-(again.pid ?? 0), 'SIGTERM');
    await exited;
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
