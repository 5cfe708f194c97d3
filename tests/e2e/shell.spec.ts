import { expect, test } from './fixtures';

// The shell around the renderer differs by mode; each mode's locks are checked by its own spec.

test('the Electron window is locked down (isolated, no Node, no way out)', async ({ pos }) => {
  test.skip(pos.electronApp === null, 'needs the Electron binary, which is not installed here; the browser-host twin below checks the host\'s locks');
  const { page } = pos;
  expect(page.url()).toBe('app://pos/');
  const reach = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    popup: window.open('https://example.com/') === null,
  }));
  expect(reach).toEqual({ require: 'undefined', process: 'undefined', popup: true });
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await expect(page.getByTestId('pay')).toBeVisible();
  expect(page.url()).toBe('app://pos/');
});

test('the browser host is locked down (token, origin, CSP)', async ({ pos }) => {
  test.skip(pos.hostUrl === null, 'runs in browser-host mode; the Electron twin above checks the window\'s locks');
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
