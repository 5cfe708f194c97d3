import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * The serious and critical axe findings on the page as it settles, one line each. Transitions under
 * way are let finish first: a button caught halfway between two colours (a language chosen a moment
 * ago) is not what a person reads.
 */
export async function seriousFindings(page: Page): Promise<string[]> {
  // Transitions end; a spinner's animation runs for as long as it is shown and is not waited for.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every((animation) => animation.playState !== 'running' || animation instanceof CSSAnimation),
  );
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) =>
      v.nodes.map((node) => `${v.id}: ${node.target.join(' ')} — ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`),
    );
}
