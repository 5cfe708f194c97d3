import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { describe, expect, it } from 'vitest';
import { CSP_LOG_PER_MINUTE, CspViolationLog } from '../../../../electron/core/platform/log/csp-violation-log';
import type { Logger } from '../../../../electron/core/platform/log/logger';
import { registerIpc } from '../../../../electron/main/ipc';
import { barChannelNames, displayChannelNames } from '../../../../shared/ipc/contract';
import { withCore } from '../../helpers/pos';

type Line = { level: string; message: string; fields?: Record<string, unknown> };

function capturingLog(): { log: Logger; lines: Line[] } {
  const lines: Line[] = [];
  const keep = (level: string) => (message: string, fields?: Record<string, unknown>) =>
    void lines.push({ level, message, fields });
  return { log: { info: keep('info'), warn: keep('warn'), error: keep('error') }, lines };
}

const VIOLATION = {
  page: 'register' as const,
  directive: 'frame-src',
  blockedUri: 'https://acs.cardcompany.example/auth/step?pan=4111111111111111&cvc=123#frag',
  sourceFile: 'https://js.tosspayments.com/v2/standard?token=secret',
  line: 12,
  column: 34,
};

describe('CSP violations reach main’s log', () => {
  it('through the contract, with no one signed in, URLs cut to origin and path', async () => {
    const { log, lines } = capturingLog();
    const h = await withCore({ log });
    expect(await h.ok('log:csp-violation', VIOLATION)).toEqual({ logged: true });
    const line = lines.find((entry) => entry.message === 'CSP violation');
    expect(line?.fields).toEqual({
      page: 'register',
      directive: 'frame-src',
      blockedUri: 'https://acs.cardcompany.example/auth/step',
      source: 'https://js.tosspayments.com/v2/standard',
      line: 12,
      column: 34,
    });
    expect(JSON.stringify(lines)).not.toMatch(/4111|cvc|token=|#frag/);
  });

  it('keeps CSP keywords and never writes a data: or script body', () => {
    const { log, lines } = capturingLog();
    const csp = new CspViolationLog(log);
    csp.record({ ...VIOLATION, blockedUri: 'inline', sourceFile: '' });
    csp.record({ ...VIOLATION, blockedUri: 'data:text/html;base64,PHNjcmlwdD4=' });
    csp.record({ ...VIOLATION, blockedUri: 'javascript:steal(document.cookie)' });
    expect(lines.map((entry) => entry.fields?.blockedUri)).toEqual(['inline', 'data:', 'javascript:']);
    expect(lines[0]?.fields?.source).toBeNull();
  });

  it(`writes at most ${CSP_LOG_PER_MINUTE} a minute and then says how many it dropped`, () => {
    const { log, lines } = capturingLog();
    let now = 1_000_000;
    const csp = new CspViolationLog(log, () => now);
    const results = Array.from({ length: CSP_LOG_PER_MINUTE + 7 }, () => csp.record(VIOLATION));
    expect(results.filter(Boolean)).toHaveLength(CSP_LOG_PER_MINUTE);
    expect(lines).toHaveLength(CSP_LOG_PER_MINUTE);
    now += 59_999;
    expect(csp.record(VIOLATION)).toBe(false);
    now += 1;
    expect(csp.record(VIOLATION)).toBe(true);
    expect(lines.at(-2)).toMatchObject({ level: 'warn', fields: { dropped: 8, perMinute: CSP_LOG_PER_MINUTE } });
    expect(lines.at(-1)).toMatchObject({ message: 'CSP violation' });
  });

  it('is reachable from the customer’s and the bar’s screens too, in both shells', async () => {
    expect(displayChannelNames).toContain('log:csp-violation');
    expect(barChannelNames).toContain('log:csp-violation');
    const listeners = new Map<string, (event: IpcMainInvokeEvent, input: unknown) => unknown>();
    const ipcMain = { handle: (channel: string, listener: never) => listeners.set(channel, listener) };
    const reached: string[] = [];
    registerIpc(
      ipcMain as unknown as IpcMain,
      async (channel) => (reached.push(String(channel)), { ok: true, data: {} }),
      'app://pos',
    );
    for (const page of ['index.html', 'customer.html', 'bar.html']) {
      const event = { senderFrame: { url: `app://pos/${page}`, parent: null } } as unknown as IpcMainInvokeEvent;
      expect(await listeners.get('log:csp-violation')?.(event, VIOLATION)).toEqual({ ok: true, data: {} });
    }
    // A Toss frame is not our page: it cannot write to our log.
    const toss = { senderFrame: { url: 'https://pay.toss.im/x', parent: {} } } as unknown as IpcMainInvokeEvent;
    expect(await listeners.get('log:csp-violation')?.(toss, VIOLATION)).toMatchObject({ ok: false });
    expect(reached).toHaveLength(3);
  });
});
