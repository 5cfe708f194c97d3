import { paymentSources } from './toss-origins';

/** A CSP fetch or navigation directive this page sets beyond `default-src 'none'`. */
export type CspDirective = 'script-src' | 'connect-src' | 'frame-src' | 'form-action' | 'img-src';

export interface CspAllowance {
  directive: CspDirective;
  source: string;
  /** What Toss's script does that needs it: the test prints this next to each origin. */
  why: string;
}

/**
 * What Toss's payment script does in our page, read from its published code: it is injected as a
 * script from js.tosspayments.com; it calls Toss's API (api.) and its event log (event.) with
 * XHR; it opens the window by POSTing a hidden form into a named iframe it creates, which then
 * moves across Toss's hosts (tosspayments.com and toss.im); card logos are Toss images. It sets
 * styles through `element.style` only, so no inline-style allowance is needed.
 */
export function tossAllowances(sdkSrc: string): CspAllowance[] {
  const { script, hosts } = paymentSources(sdkSrc);
  return [
    { directive: 'script-src', source: script, why: 'loadTossPayments injects the SDK script from here' },
    ...hosts.flatMap((host): CspAllowance[] => [
      { directive: 'connect-src', source: host, why: 'the SDK creates the payment and sends its event log by XHR' },
      { directive: 'frame-src', source: host, why: 'the payment window is an iframe that moves between Toss pages' },
      {
        directive: 'form-action',
        source: host,
        why: 'the SDK opens the window by POSTing a form into its iframe; Chromium checks every redirect of it',
      },
      { directive: 'img-src', source: host, why: 'card-company logos and Toss images' },
    ]),
  ];
}

const FIXED: ReadonlyArray<readonly [string, ...string[]]> = [
  ['default-src', "'none'"],
  ['style-src', "'self'"],
  ['font-src', "'self'"],
  ['base-uri', "'none'"],
  ['object-src', "'none'"],
  ['frame-ancestors', "'none'"],
];

/** Our own sources per directive: the page's code, its IPC fetches (browser host), data: images (QR codes). */
const OWN: Record<CspDirective, string[]> = {
  'script-src': ["'self'"],
  'connect-src': ["'self'"],
  'frame-src': [],
  'form-action': [],
  'img-src': ["'self'", 'data:'],
};

/**
 * The page's policy: nothing by default, our own files, and exactly what Toss's script needs.
 * `frame-src` names Toss's hosts only: it governs the iframe our page holds (each navigation and
 * redirect of it), not the frames Toss's page nests in itself nor popups, where card companies'
 * steps run (README, "What the page may do").
 */
export function contentSecurityPolicy(sdkSrc: string): string {
  const allowances = tossAllowances(sdkSrc);
  const lines = FIXED.map((directive) => directive.join(' '));
  for (const [name, own] of Object.entries(OWN)) {
    const toss = allowances.filter((a) => a.directive === name).map((a) => a.source);
    lines.push([name, ...own, ...toss].join(' '));
  }
  return lines.join('; ');
}
