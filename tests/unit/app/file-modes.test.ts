import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asManager, issueCoupons } from '../helpers/coupons';
import { withCore } from '../helpers/pos';
import { CARD, payWindow } from '../helpers/toss-window';

/** Every file and folder under `dir`, with its permission bits. */
async function modes(
  dir: string,
  into: Array<{ path: string; mode: number; folder: boolean }> = [],
): Promise<typeof into> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    into.push({ path, mode: (await stat(path)).mode & 0o777, folder: entry.isDirectory() });
    if (entry.isDirectory()) await modes(path, into);
  }
  return into;
}

describe('the data folder', () => {
  it('is the owner’s alone after a day’s work: every file 0600, every folder 0700', async () => {
    const previous = process.umask(0o022);
    try {
      const h = await withCore();
      await asManager(h);
      const [code = ''] = await issueCoupons(h);
      const order = await h.ok('sale:create', { lines: [{ productId: 'americano', quantity: 2 }], couponCode: code });
      const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
      await h.ok('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount });
      await h.ok('refund:create', { orderId: order.orderId, request: { kind: 'full' }, reason: '고객 변심' });
      await h.ok('register:save-draft', {
        lines: [{ productId: 'americano', quantity: 1 }],
        pending: null,
        approval: null,
        stage: 'ringing',
        paidOrderId: null,
      });
      await h.close();

      const found = await modes(h.dataDir);
      expect(found.length).toBeGreaterThan(10);
      const loose = found
        .filter(({ mode, folder }) => mode !== (folder ? 0o700 : 0o600))
        .map(({ path, mode }) => `${path.slice(h.dataDir.length)} ${mode.toString(8)}`);
      expect(loose).toEqual([]);
    } finally {
      process.umask(previous);
    }
  });
});
