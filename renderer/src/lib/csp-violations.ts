import type { ChannelInput } from '../../../shared/ipc/contract';
import { call } from './ipc';

type CspPage = ChannelInput<'log:csp-violation'>['page'];

/**
 * Sends every Content-Security-Policy violation this page sees to main's log, so a first run with
 * Toss's test keys shows what the policy blocked. A frame's own violations fire in its own
 * document: same-origin frames (the blank ones Toss's script posts its form into) are watched
 * too. Toss's cross-origin frame is not ours to watch: its document reports to nobody here.
 */
export function reportCspViolations(page: CspPage): void {
  const report = (event: SecurityPolicyViolationEvent): void => {
    // A report lost is nothing the cashier should see.
    void call('log:csp-violation', {
      page,
      directive: event.effectiveDirective.slice(0, 200),
      blockedUri: event.blockedURI.slice(0, 4000),
      sourceFile: event.sourceFile.slice(0, 4000),
      line: event.lineNumber,
      column: event.columnNumber,
    }).catch(() => undefined);
  };
  const watched = new WeakSet<Document>();
  const watch = (doc: Document | null): void => {
    if (doc === null || watched.has(doc)) return;
    watched.add(doc);
    doc.addEventListener('securitypolicyviolation', report);
  };
  const watchFrame = (frame: HTMLIFrameElement): void => {
    // contentDocument is null for a cross-origin frame; a frame's document is replaced as it loads.
    watch(frame.contentDocument);
    frame.addEventListener('load', () => watch(frame.contentDocument));
  };
  watch(document);
  new MutationObserver((changes) => {
    for (const change of changes)
      for (const node of change.addedNodes) {
        if (node instanceof HTMLIFrameElement) watchFrame(node);
        else if (node instanceof Element) node.querySelectorAll('iframe').forEach(watchFrame);
      }
  }).observe(document.documentElement, { childList: true, subtree: true });
}
