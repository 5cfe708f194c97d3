import { EventEmitter } from 'node:events';
import type { App, Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { guardAllDownloads } from '../../../electron/main/download-guard';

const APP_ORIGIN = 'app://pos';

/** What Electron does with a `will-download` nobody prevented: the download goes on. */
function download(session: EventEmitter, url: string, fileName = 'file.bin'): 'refused' | 'downloaded' {
  let prevented = false;
  const item = { getURL: () => url, getFilename: () => fileName };
  session.emit('will-download', { preventDefault: () => (prevented = true) }, item, {}, null);
  return prevented ? 'refused' : 'downloaded';
}

function guarded() {
  const app = new EventEmitter();
  const defaultSession = new EventEmitter();
  const log: Array<{ url: string; fileName: string }> = [];
  guardAllDownloads(app as unknown as App, defaultSession as unknown as Session, {
    appOrigin: APP_ORIGIN,
    onRefused: (url, fileName) => log.push({ url, fileName }),
  });
  return { app, defaultSession, log };
}

describe('downloads', () => {
  it.each([
    ['a card company page', 'https://card.example.com/app/installer.exe?session=4111111111111111'],
    ['a Toss page', 'https://pay.toss.im/receipt.pdf'],
    ['a data: URL', 'data:application/octet-stream;base64,AAAA'],
    ["another origin's blob", 'blob:https://evil.example/0b4c-11'],
    ['a plain http file', 'http://127.0.0.1:5180/out/main/host.js'],
  ])('from %s are refused and logged without the query', (_what, url) => {
    const { defaultSession, log } = guarded();
    expect(download(defaultSession, url, 'x.bin')).toBe('refused');
    expect(log).toHaveLength(1);
    expect(log[0]?.fileName).toBe('x.bin');
    expect(log[0]?.url).not.toContain('?');
    expect(log[0]?.url).not.toContain('4111');
    expect(log[0]?.url).not.toContain('AAAA');
  });

  it('our own page’s CSV export (a blob: of our origin) still saves', () => {
    const { defaultSession, log } = guarded();
    expect(download(defaultSession, `blob:${APP_ORIGIN}/5f1d0e7a-2c3b-4d5e-8f90-1a2b3c4d5e6f`, 'orders.csv')).toBe(
      'downloaded',
    );
    expect(log).toEqual([]);
  });

  it('are refused in a session made later too, and a session is guarded once', () => {
    const { app, defaultSession, log } = guarded();
    const later = new EventEmitter();
    app.emit('session-created', later);
    app.emit('session-created', defaultSession);
    expect(download(later, 'https://example.com/a.zip')).toBe('refused');
    expect(download(defaultSession, 'https://example.com/b.zip')).toBe('refused');
    expect(log.map((entry) => entry.url)).toEqual(['https://example.com/a.zip', 'https://example.com/b.zip']);
  });
});
