import { describe, expect, it } from 'vitest';
import { safeHttpUrl } from '../../../renderer/src/features/receipt/safe-url';

describe('card receipt link', () => {
  it.each([
    'https://dashboard.tosspayments.com/receipt/redirection?transactionId=tviva20240101&ref=PX',
    'http://localhost:4010/sim/receipt/pay_1',
    'HTTPS://DASHBOARD.TOSSPAYMENTS.COM/receipt/1',
  ])('opens an http(s) receipt URL: %s', (url) => {
    const safe = safeHttpUrl(url);
    expect(safe).not.toBeNull();
    expect(new URL(safe ?? '').href).toBe(new URL(url).href);
  });

  it('keeps the receipt address as given (query string included)', () => {
    expect(safeHttpUrl('https://dashboard.tosspayments.com/receipt?transactionId=a%20b&ref=1')).toBe(
      'https://dashboard.tosspayments.com/receipt?transactionId=a%20b&ref=1',
    );
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['javascript: in capitals', 'JavaScript:alert(1)'],
    ['javascript: behind spaces', '  javascript:alert(1)'],
    ['javascript: with a tab inside', 'java\tscript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['file:', 'file:///C:/Windows/System32/calc.exe'],
    ['blob:', 'blob:https://dashboard.tosspayments.com/1234'],
    ['ftp:', 'ftp://example.com/receipt'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['a custom scheme', 'app://toss-pos/index.html'],
    ['a relative path', '/receipt/1'],
    ['a relative file', 'receipt.html'],
    ['a protocol-relative URL', '//evil.example/receipt'],
    ['garbage', 'not a url'],
    ['an empty string', ''],
    ['a scheme with no host', 'https://'],
  ])('refuses %s', (_what, url) => {
    expect(safeHttpUrl(url)).toBeNull();
  });

  it('shows no link when the payment has no receipt URL', () => {
    expect(safeHttpUrl(null)).toBeNull();
  });
});
