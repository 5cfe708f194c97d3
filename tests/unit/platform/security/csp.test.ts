import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, tossAllowances } from '../../../../electron/core/platform/security/csp';
import { rendererHeaders } from '../../../../electron/core/platform/web/renderer-files';

const TOSS_SDK = 'https://js.tosspayments.com/v2/standard';
const SIM_SDK = 'http://127.0.0.1:41234/v2/standard';

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

/**
 * Every origin the page allows beyond itself, with the reason Toss's script needs it. A new
 * origin, or one dropped, fails here until this table says why.
 */
const EXPECTED_LIVE: Array<[directive: string, source: string, because: RegExp]> = [
  ['script-src', 'https://js.tosspayments.com', /injects the SDK script/],
  ['connect-src', 'https://*.tosspayments.com', /XHR/],
  ['connect-src', 'https://*.toss.im', /XHR/],
  ['frame-src', 'https://*.tosspayments.com', /iframe/],
  ['frame-src', 'https://*.toss.im', /iframe/],
  ['form-action', 'https://*.tosspayments.com', /POSTing a form into its iframe/],
  ['form-action', 'https://*.toss.im', /redirect/],
  ['img-src', 'https://*.tosspayments.com', /logos/],
  ['img-src', 'https://*.toss.im', /logos/],
];

describe('the page’s Content-Security-Policy, built from what Toss’s script does', () => {
  it.each(EXPECTED_LIVE)('allows %s %s (%s)', (directive, source, because) => {
    const allowance = tossAllowances(TOSS_SDK).find((a) => a.directive === directive && a.source === source);
    expect(allowance?.why).toMatch(because);
    expect(directives(contentSecurityPolicy(TOSS_SDK)).get(directive)).toContain(source);
  });

  it('allows nothing of Toss’s beyond that table', () => {
    const key = (directive: string, source: string) => `${directive} ${source}`;
    const allowed = tossAllowances(TOSS_SDK).map((a) => key(a.directive, a.source));
    expect(allowed.sort()).toEqual(EXPECTED_LIVE.map(([d, s]) => key(d, s)).sort());
  });

  it('in live mode is exactly our own files plus those origins', () => {
    const d = directives(contentSecurityPolicy(TOSS_SDK));
    expect(Object.fromEntries(d)).toEqual({
      'default-src': ["'none'"],
      'style-src': ["'self'"],
      'font-src': ["'self'"],
      'base-uri': ["'none'"],
      'object-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      'script-src': ["'self'", 'https://js.tosspayments.com'],
      'connect-src': ["'self'", 'https://*.tosspayments.com', 'https://*.toss.im'],
      'frame-src': ['https://*.tosspayments.com', 'https://*.toss.im'],
      'form-action': ['https://*.tosspayments.com', 'https://*.toss.im'],
      'img-src': ["'self'", 'data:', 'https://*.tosspayments.com', 'https://*.toss.im'],
    });
  });

  it('in training mode puts the simulator’s one origin where Toss’s hosts would be, and nothing of Toss’s', () => {
    const csp = contentSecurityPolicy(SIM_SDK);
    const d = directives(csp);
    for (const name of ['script-src', 'connect-src']) expect(d.get(name)).toEqual(["'self'", 'http://127.0.0.1:41234']);
    for (const name of ['frame-src', 'form-action']) expect(d.get(name)).toEqual(['http://127.0.0.1:41234']);
    expect(csp).not.toContain('toss');
  });

  it.each([TOSS_SDK, SIM_SDK])(
    'never allows inline or evaluated code, any scheme wholesale, or being framed (%s)',
    (sdkSrc) => {
      const csp = contentSecurityPolicy(sdkSrc);
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|strict-dynamic|wasm-unsafe-eval/);
      const d = directives(csp);
      for (const [name, values] of d) {
        for (const value of values) expect(value, name).not.toMatch(/^(\*|https?:|blob:|https?:\/\/\*)$/);
      }
      expect(d.get('form-action')).not.toContain("'self'");
      expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    },
  );

  it('is sent with every renderer file, with nosniff and the popup-friendly opener policy Toss recommends', () => {
    const csp = contentSecurityPolicy(TOSS_SDK);
    expect(rendererHeaders('text/html; charset=utf-8', csp)).toMatchObject({
      'Content-Security-Policy': csp,
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Opener-Policy': 'same-origin-allow-popups',
    });
  });
});
