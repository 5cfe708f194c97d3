import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreFileCorruptError } from '../../../../electron/core/platform/disk/corrupt-file-error';
import { diskIo } from '../../../../electron/core/platform/disk/file-io';
import { mendDataDir } from '../../../../electron/core/app/doctor/doctor';
import { emptyDraft, type RegisterDraft } from '../../../../shared/domain/register';
import { asManager, issueCoupons } from '../../helpers/coupons';
import { approveOnRegister } from '../../helpers/approvals';
import { faultyIo } from '../../helpers/faulty-io';
import { startOwnSimulator, withCore, withLiveCore, type PosHarness } from '../../helpers/pos';
import { CARD, payWindow } from '../../helpers/toss-window';

const croissants = { productId: 'croissant', quantity: 2, options: [], memo: null };
const bagel = { productId: 'bagel', quantity: 1, options: [], memo: '데워 주세요' };

/** The register as the page keeps it in main: these lines rung up, nothing paid. */
async function ringUp(h: PosHarness, draft: Partial<RegisterDraft> = {}): Promise<void> {
  await h.ok('register:save-draft', { ...emptyDraft, lines: [croissants, bagel], memo: '5번 테이블', ...draft });
}

/** What the books' files hold now, byte for byte (null: no such file). */
async function files(h: PosHarness): Promise<Record<string, string | null>> {
  const read = (name: string) => readFile(join(h.booksDir, name), 'utf8').catch(() => null);
  return { held: await read('held.json'), register: await read('register.json') };
}

describe('held carts (보류)', () => {
  it('holds the register’s own cart with a label, empties the register, lists carts newest first, resumes and discards', async () => {
    const h = await withCore({ now: () => new Date('2026-12-01T10:30:00+09:00') });
    await ringUp(h);
    const held = await h.ok('held:hold', { label: ' 5번 ' });
    expect(held).toMatchObject({
      label: '5번',
      heldAt: '2026-12-01T10:30:00+09:00',
      firstName: { ko: '크루아상', en: 'Croissant' },
      lineCount: 2,
      itemCount: 3,
      total: 3_900 * 2 + 3_500,
    });
    expect(await h.ok('register:draft', {})).toEqual(emptyDraft);
    expect((await h.ok('display:watch', { since: 0 })).view).toMatchObject({ stage: 'idle', lines: [], total: 0 });

    await h.ok('register:save-draft', { ...emptyDraft, lines: [{ productId: 'scone', quantity: 1 }] });
    const second = await h.ok('held:hold', {});
    expect(second).toMatchObject({ label: null, lineCount: 1, total: 3_300 });
    expect((await h.ok('held:list', {})).map((cart) => cart.id)).toEqual([second.id, held.id]);

    const resumed = await h.ok('held:resume', { id: held.id });
    const expected = { ...emptyDraft, lines: [croissants, bagel], memo: '5번 테이블' };
    expect(resumed.draft).toEqual(expected);
    expect(resumed.changes).toEqual({
      repriced: [],
      dropped: [],
      coupon: null,
      discount: null,
      totalBefore: 11_300,
      totalAfter: 11_300,
    });
    expect(await h.ok('register:draft', {})).toEqual(expected);
    expect((await h.ok('display:watch', { since: 0 })).view).toMatchObject({ stage: 'ringing', total: 11_300 });
    expect(await h.ok('held:list', {})).toEqual([second]);

    expect(await h.ok('held:discard', { id: second.id })).toEqual([]);
    expect(await h.ok('held:list', {})).toEqual([]);
  });

  it('holds a line’s options and memo, priced with them, and gives them back as they were', async () => {
    const h = await withCore();
    const iced = {
      productId: 'americano',
      quantity: 1,
      options: [
        { optionId: 'ice', count: 1 },
        { optionId: 'shot', count: 2 },
      ],
      memo: '얼음 적게',
    };
    await h.ok('register:save-draft', { ...emptyDraft, lines: [iced] });
    const held = await h.ok('held:hold', {});
    // 4,500 for the americano, 500 for each extra shot; ICE and a regular size cost nothing.
    expect(held.total).toBe(5_500);
    const { draft, changes } = await h.ok('held:resume', { id: held.id });
    expect(draft.lines).toEqual([iced]);
    expect(changes).toMatchObject({ repriced: [], dropped: [], totalAfter: 5_500 });
  });

  it('survives a restart of the app', async () => {
    const h = await withCore();
    await ringUp(h);
    const held = await h.ok('held:hold', { label: '창가' });
    await h.close();
    const again = await withCore({ dataDir: h.dataDir });
    expect(await again.ok('held:list', {})).toEqual([held]);
    expect((await again.ok('held:resume', { id: held.id })).draft.lines).toEqual([croissants, bagel]);
  });

  it('a damaged held.json is never read as empty or overwritten: the start stops naming it, and the doctor reports it', async () => {
    const h = await withCore();
    await ringUp(h);
    await h.ok('held:hold', { label: '5번' });
    await h.close();
    const path = join(h.booksDir, 'held.json');
    const whole = await readFile(path, 'utf8');
    // What a torn write would leave, were the file not replaced atomically.
    const torn = whole.slice(0, Math.floor(whole.length / 2));
    await writeFile(path, torn);
    const error: unknown = await withCore({ dataDir: h.dataDir }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(StoreFileCorruptError);
    expect(String(error)).toContain('held.json');
    expect(await readFile(path, 'utf8')).toBe(torn);
    expect(await mendDataDir(h.dataDir, diskIo)).toContainEqual({
      file: join('training', 'held.json'),
      problem: expect.stringMatching(/^it is not JSON/),
    });
  });

  it('a hold cut short between its writes is settled at the next start by where the cart is: never lost, never twice', async () => {
    // The held copy is written, then the disk refuses the register's file and the undo as well.
    const refuse = { on: false, when: (_path: string, _text: string) => false };
    const disk = faultyIo((path, text) => refuse.on && refuse.when(path, text));
    const h = await withCore({ io: disk.io });
    await ringUp(h);
    refuse.on = true;
    refuse.when = (path, text) =>
      path.endsWith('register.json') || (path.endsWith('held.json') && !text.includes('"holding"'));
    expect(await h.fail('held:hold', { label: '5번' })).toMatchObject({ code: 'STORE_WRITE_REFUSED' });
    expect(await h.ok('held:list', {})).toEqual([]);
    await h.close();
    const before = await withCore({ dataDir: h.dataDir });
    // The cart never left the register: the held copy goes.
    expect(await before.ok('held:list', {})).toEqual([]);
    expect((await before.ok('register:draft', {})).lines).toEqual([croissants, bagel]);
    expect(JSON.parse((await files(before)).held ?? '')).toEqual({ carts: [] });
    await before.close();

    // The register is emptied, then the disk refuses marking the hold done and putting the cart back.
    refuse.on = false;
    const after = await withCore({ dataDir: h.dataDir, io: disk.io });
    refuse.on = true;
    refuse.when = (path, text) =>
      (path.endsWith('held.json') && !text.includes('"holding"')) ||
      (path.endsWith('register.json') && text.includes('croissant'));
    expect(await after.fail('held:hold', { label: '5번' })).toMatchObject({ code: 'STORE_WRITE_REFUSED' });
    await after.close();
    const again = await withCore({ dataDir: h.dataDir });
    // The register was emptied: the cart is held.
    expect(await again.ok('register:draft', {})).toEqual(emptyDraft);
    const [held] = await again.ok('held:list', {});
    expect(held).toMatchObject({ label: '5번', lineCount: 2 });
    expect((await again.ok('held:resume', { id: held?.id ?? '' })).draft.lines).toEqual([croissants, bagel]);
  });

  it('a resume cut short after the cart reached the register leaves it there, and not also held', async () => {
    const refuse = { on: false };
    // The draft takes the cart; removing the held copy, and putting the empty register back, are refused.
    const disk = faultyIo(
      (path, text) =>
        refuse.on &&
        ((path.endsWith('held.json') && !text.includes('"resuming"')) ||
          (path.endsWith('register.json') && text.includes('"lines": []'))),
    );
    const h = await withCore({ io: disk.io });
    await ringUp(h);
    const held = await h.ok('held:hold', {});
    refuse.on = true;
    expect(await h.fail('held:resume', { id: held.id })).toMatchObject({ code: 'STORE_WRITE_REFUSED' });
    await h.close();
    const again = await withCore({ dataDir: h.dataDir });
    expect(await again.ok('held:list', {})).toEqual([]);
    expect((await again.ok('register:draft', {})).lines).toEqual([croissants, bagel]);
    expect(JSON.parse((await files(again)).held ?? '')).toEqual({ carts: [] });
  });
});

describe('a held cart holds no order, no coupon and no approval', () => {
  it('gives up the register’s open order on hold: its coupon is free for another sale while the cart waits', async () => {
    const h = await withCore();
    const [code = ''] = await issueCoupons(h);
    await h.ok('staff:lock', {});
    const lines = [croissants, bagel];
    const order = await h.ok('sale:create', { lines, couponCode: code });
    await ringUp(h, {
      couponCode: code,
      pending: { orderId: order.orderId, orderName: order.orderName, amount: order.amount, cartKey: 'k' },
    });
    const held = await h.ok('held:hold', { label: '5번' });
    expect((await h.ok('sale:get', { orderId: order.orderId })).status).toBe('ABANDONED');

    // Another customer pays with the very code while the cart waits.
    const other = await h.ok('sale:create', { lines: [{ productId: 'scone', quantity: 2 }], couponCode: code });
    const paymentKey = await payWindow(h.sim, h.clientKey, other, CARD.approves);
    await h.ok('payment:confirm', { orderId: other.orderId, paymentKey, amount: other.amount });

    const { draft, changes } = await h.ok('held:resume', { id: held.id });
    expect(changes.coupon).toMatchObject({ code, problem: { code: 'COUPON_USED' } });
    expect(draft).toMatchObject({ couponCode: null, pending: null, lines });
  });

  it('keeps a coupon still free, and a manual discount without its approval: a manager approves it again', async () => {
    const h = await withCore();
    const [code = ''] = await issueCoupons(h);
    await h.ok('staff:lock', {});
    const lines = [croissants, bagel];
    const approved = await approveOnRegister(h, lines, {
      kind: 'percent',
      value: 50,
      lineKey: null,
      reason: '불만 고객 보상',
    });
    await ringUp(h, { couponCode: code, manualDiscount: approved });
    const held = await h.ok('held:hold', {});
    const { draft, changes } = await h.ok('held:resume', { id: held.id });
    expect(changes).toMatchObject({ coupon: null, discount: 'needs-approval' });
    const discount = { kind: approved.kind, value: approved.value, lineKey: approved.lineKey, reason: approved.reason };
    expect(draft).toMatchObject({ couponCode: code, manualDiscount: discount });
    expect(draft.manualDiscount).not.toHaveProperty('approvalId');
    expect(await h.fail('sale:quote', { lines, couponCode: code, manualDiscount: discount })).toMatchObject({
      code: 'DISCOUNT_NEEDS_MANAGER',
    });
  });
});

describe('resuming prices the cart again and says what changed', () => {
  it('names a line whose price a manager changed meanwhile, and leaves out one gone sold out', async () => {
    const h = await withCore();
    await ringUp(h);
    const held = await h.ok('held:hold', {});
    await asManager(h);
    await h.ok('catalog:save-product', {
      id: 'croissant',
      categoryId: 'bakery',
      name: { ko: '크루아상', en: 'Croissant' },
      price: 4_200,
      barcode: '8801234000123',
    });
    await h.ok('catalog:set-sold-out', { productId: 'bagel', soldOut: true });
    await h.ok('staff:lock', {});

    const { draft, changes } = await h.ok('held:resume', { id: held.id });
    expect(changes).toEqual({
      repriced: [
        {
          lineKey: 'croissant',
          productId: 'croissant',
          name: { ko: '크루아상', en: 'Croissant' },
          before: 3_900,
          after: 4_200,
        },
      ],
      dropped: [
        {
          lineKey: expect.stringMatching(/^bagel~[0-9a-f]{8}$/),
          productId: 'bagel',
          name: { ko: '플레인 베이글', en: 'Plain Bagel' },
          reason: 'sold-out',
        },
      ],
      coupon: null,
      discount: null,
      totalBefore: 11_300,
      totalAfter: 8_400,
    });
    expect(draft.lines).toEqual([croissants]);
  });
});

describe('a held cart whose options changed meanwhile', () => {
  it('leaves out a line whose option went sold out, and keeps the others at the catalog’s prices now', async () => {
    const h = await withCore();
    const syrupLatte = {
      productId: 'cafe-latte',
      quantity: 1,
      options: [
        { optionId: 'hot', count: 1 },
        { optionId: 'size-r', count: 1 },
        { optionId: 'vanilla-syrup', count: 1 },
      ],
      memo: null,
    };
    await ringUp(h, { lines: [croissants, syrupLatte] });
    const held = await h.ok('held:hold', {});
    await asManager(h);
    await h.ok('catalog:set-option-sold-out', { optionId: 'vanilla-syrup', soldOut: true });
    await h.ok('staff:lock', {});

    const { draft, changes } = await h.ok('held:resume', { id: held.id });
    expect(changes.dropped).toEqual([
      expect.objectContaining({
        productId: 'cafe-latte',
        name: { ko: '카페라테', en: 'Caffè Latte' },
        reason: 'option',
      }),
    ]);
    expect(changes.totalBefore).toBe(3_900 * 2 + 5_300);
    expect(changes.totalAfter).toBe(3_900 * 2);
    expect(draft.lines).toEqual([croissants]);
  });
});

describe('refusals change nothing on disk', () => {
  it.each([
    ['an empty cart', {}, 'EMPTY_CART', emptyDraft],
    ['a cart being paid', {}, 'PAYMENT_IN_FLIGHT', { stage: 'paying' as const }],
    [
      'a card approval whose outcome is unknown',
      {},
      'PAYMENT_IN_FLIGHT',
      { approval: { orderId: 'ORDER-000001', paymentKey: 'pk_1', amount: 11_300 } },
    ],
    ['a label of two lines', { label: '5번\n6번' }, 'INVALID_INPUT', {}],
    ['a label over 20 characters', { label: '가'.repeat(21) }, 'INVALID_INPUT', {}],
  ])('hold refuses %s', async (_what, input, code, draft) => {
    const h = await withCore();
    await ringUp(h);
    await h.ok('held:hold', {});
    await ringUp(h, draft);
    const before = await files(h);
    expect(await h.fail('held:hold', input)).toMatchObject({ code });
    expect(await files(h)).toEqual(before);
  });

  it('hold refuses a cart whose order is being confirmed with Toss, and leaves that order as it is', async () => {
    const h = await withCore();
    const order = await h.ok('sale:create', { lines: [croissants, bagel] });
    const paymentKey = await payWindow(h.sim, h.clientKey, order, CARD.approves);
    // Toss's answer never arrives, and nobody can ask it how the confirm ended.
    h.sim.faults.add({ route: 'confirm', fault: { kind: 'reset', processed: false } });
    h.sim.faults.add({ route: 'lookup', times: 'always', fault: { kind: 'reset', processed: false } });
    expect(await h.fail('payment:confirm', { orderId: order.orderId, paymentKey, amount: order.amount })).toMatchObject(
      { code: 'TOSS_UNREACHABLE' },
    );
    const pending = { orderId: order.orderId, orderName: order.orderName, amount: order.amount, cartKey: 'k' };
    await ringUp(h, { pending });
    const before = await files(h);
    expect(await h.fail('held:hold', {})).toMatchObject({ code: 'PAYMENT_IN_FLIGHT' });
    expect(await files(h)).toEqual(before);
    expect((await h.ok('sale:get', { orderId: order.orderId })).status).toBe('CONFIRMING');
  });

  it('resume refuses onto a cart not empty, and resume and discard refuse an unknown id', async () => {
    const h = await withCore();
    await ringUp(h);
    const held = await h.ok('held:hold', {});
    await h.ok('register:save-draft', { ...emptyDraft, lines: [{ productId: 'scone', quantity: 1 }] });
    const before = await files(h);
    expect(await h.fail('held:resume', { id: held.id })).toMatchObject({ code: 'REGISTER_NOT_EMPTY' });
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect(await h.fail('held:resume', { id: unknown })).toMatchObject({ code: 'HELD_CART_NOT_FOUND' });
    expect(await h.fail('held:discard', { id: unknown })).toMatchObject({ code: 'HELD_CART_NOT_FOUND' });
    expect(await files(h)).toEqual(before);
    expect(await h.ok('held:list', {})).toHaveLength(1);
  });
});

describe('training and live keep their own held carts', () => {
  it('a cart held in live never shows in training, nor one held in training in live', async () => {
    const own = await startOwnSimulator();
    const h = await withLiveCore(own);
    await h.ok('staff:unlock', { pin: '482913' });
    await ringUp(h);
    const live = await h.ok('held:hold', { label: '실제' });
    await h.ok('settings:set-mode', { mode: 'training', confirm: true });
    expect(await h.ok('held:list', {})).toEqual([]);
    await h.ok('register:save-draft', { ...emptyDraft, lines: [{ productId: 'scone', quantity: 1 }] });
    const training = await h.ok('held:hold', { label: '교육' });
    expect(await h.ok('held:list', {})).toEqual([training]);
    expect(await h.fail('held:resume', { id: live.id })).toMatchObject({ code: 'HELD_CART_NOT_FOUND' });
    await h.ok('settings:set-mode', { mode: 'live', confirm: true });
    expect(await h.ok('held:list', {})).toEqual([live]);
    const onDisk = async (dir: string) =>
      (JSON.parse(await readFile(join(dir, 'held.json'), 'utf8')) as { carts: Array<{ label: string }> }).carts;
    expect((await onDisk(h.dataDir)).map((cart) => cart.label)).toEqual(['실제']);
    expect((await onDisk(join(h.dataDir, 'training'))).map((cart) => cart.label)).toEqual(['교육']);
  }, 20_000);
});
