import { describe, expect, it } from 'vitest';
import type { Order } from '../../../../shared/domain/order';
import { StoreFileCorruptError } from '../../../../electron/core/platform/disk/corrupt-file-error';
import { digestOf } from '../../../../electron/core/orders/index/order-digest';
import { DayDigests, digestLines, type IndexedDigest } from '../../../../electron/core/orders/index/day-digests';
import { anOrder, oneAmericano } from '../../../support/an-order';

/** A day's rows as the index keeps them: which rows it trusts decides which orders history shows. */
function order(orderId: string, name: string, createdAt = '2026-03-02T10:00:00+09:00'): Order {
  return anOrder({ orderId, createdAt, updatedAt: createdAt, training: false, ...oneAmericano(name) }, '2026-03-02');
}

function row(orderId: string, offset: number, length: number, createdAt = '2026-03-02T10:00:00+09:00'): IndexedDigest {
  return { ...digestOf(order(orderId, '아메리카노', createdAt)), offset, length };
}
const file = (...lines: Array<IndexedDigest | { covered: number } | string>) =>
  Buffer.from(lines.map((l) => `${typeof l === 'string' ? l : JSON.stringify(l)}\n`).join(''), 'utf8');
const ids = (day: DayDigests) => [...day.rows.keys()];

describe('reading a day’s rows file', () => {
  it('no file: no rows, nothing of the journal covered', () => {
    const day = DayDigests.parse(null);
    expect([ids(day), day.covered]).toEqual([[], 0]);
  });

  it('rows that follow on from each other through the journal are all taken, the latest row of an order winning', () => {
    const day = DayDigests.parse(file(row('A', 0, 100), row('B', 100, 50), row('A', 150, 120)));
    expect(ids(day)).toEqual(['A', 'B']);
    expect(day.rows.get('A')).toMatchObject({ offset: 150, length: 120 });
    expect(day.covered).toBe(270);
  });

  it('stops trusting rows at a gap (an append that never reached the file): the journal is read again from there', () => {
    const day = DayDigests.parse(file(row('A', 0, 100), row('B', 130, 50), row('C', 180, 50)));
    expect([ids(day), day.covered]).toEqual([['A'], 100]);
  });

  it('a compacted file: the rows under its header are taken whatever their offsets; rows appended after follow on from its figure', () => {
    const day = DayDigests.parse(
      file({ covered: 500 }, row('B', 300, 200), row('A', 0, 100), row('C', 500, 40), row('D', 540, 60)),
    );
    expect(ids(day)).toEqual(['B', 'A', 'C', 'D']);
    expect(day.covered).toBe(600);
  });

  it('after a compacted file’s rows, a row already covered (written again by a catch-up) is not taken twice, and one past a gap not at all', () => {
    const again = DayDigests.parse(
      file({ covered: 500 }, row('A', 0, 100), row('C', 500, 40), row('A', 0, 100, 'other')),
    );
    expect(again.rows.get('A')?.createdAt).toBe('2026-03-02T10:00:00+09:00');
    expect(again.covered).toBe(540);
    const gap = DayDigests.parse(file({ covered: 500 }, row('A', 0, 100), row('C', 520, 40)));
    expect([ids(gap), gap.covered]).toEqual([['A'], 500]);
  });

  it('a row under the header that reaches past its figure is not trusted; a header anywhere but the first line is no header', () => {
    const past = DayDigests.parse(file({ covered: 100 }, row('A', 0, 100), row('B', 90, 50)));
    expect([ids(past), past.covered]).toEqual([['A'], 100]);
    const late = DayDigests.parse(file(row('A', 0, 100), { covered: 900 }, row('B', 100, 50)));
    expect([ids(late), late.covered]).toEqual([['A', 'B'], 150]);
  });

  it('a torn or damaged line is passed over: the rows on either side still count', () => {
    const day = DayDigests.parse(
      Buffer.concat([
        file(row('A', 0, 100), 'not json', row('B', 100, 50)),
        Buffer.from('{"orderId":"C","off', 'utf8'),
      ]),
    );
    expect([ids(day), day.covered]).toEqual([['A', 'B'], 150]);
  });

  it('a damaged first line is no header, and a damaged line among a compacted file’s rows is passed over too', () => {
    const first = DayDigests.parse(file('{"covered": 5', row('A', 0, 100)));
    expect([ids(first), first.covered]).toEqual([['A'], 100]);
    const among = DayDigests.parse(file({ covered: 500 }, row('B', 300, 200), 'not json', row('A', 0, 100)));
    expect([ids(among), among.covered]).toEqual([['B', 'A'], 500]);
  });

  it('without a header, a row already covered (written again by a catch-up) does not undo a later state', () => {
    const day = DayDigests.parse(
      file(row('A', 0, 100), row('A', 100, 120, '2026-03-02T11:00:00+09:00'), row('A', 0, 100, 'other')),
    );
    expect(day.rows.get('A')).toMatchObject({ offset: 100, createdAt: '2026-03-02T11:00:00+09:00' });
    expect(day.covered).toBe(220);
  });
});

describe('a day’s orders newest first', () => {
  it('by when they were rung up; orders of the same second, the later first; and again after a change', () => {
    const day = DayDigests.parse(
      file(
        row('early', 0, 10, '2026-03-02T09:00:00+09:00'),
        row('sameA', 10, 10, '2026-03-02T12:00:00+09:00'),
        row('sameB', 20, 10, '2026-03-02T12:00:00+09:00'),
        row('late', 30, 10, '2026-03-02T18:00:00+09:00'),
      ),
    );
    expect(day.newestFirst().map((r) => r.orderId)).toEqual(['late', 'sameB', 'sameA', 'early']);
    day.apply(row('latest', 40, 10, '2026-03-02T20:00:00+09:00'));
    expect(day.newestFirst().map((r) => r.orderId)).toEqual(['latest', 'late', 'sameB', 'sameA', 'early']);
    expect(day.covered).toBe(50);
  });
});

describe('digests of a journal’s lines', () => {
  it('say where each line is in bytes, counted from where the text starts, and leave out a torn last line', () => {
    const a = JSON.stringify(order('20260302-AAAAAAAAAAAA', '아메리카노'));
    const b = JSON.stringify(order('20260302-BBBBBBBBBBBB', 'americano'));
    const digests = digestLines('/data/orders/2026-03-02.jsonl', `${a}\n${b}\n{"orderId":`, 1_000);
    expect(digests.map((d) => [d.orderId, d.offset, d.length])).toEqual([
      ['20260302-AAAAAAAAAAAA', 1_000, Buffer.byteLength(a) + 1],
      ['20260302-BBBBBBBBBBBB', 1_000 + Buffer.byteLength(a) + 1, b.length + 1],
    ]);
  });

  it('a line that is no order is reported with its line number counted from the start of the text', () => {
    const a = JSON.stringify(order('20260302-AAAAAAAAAAAA', '아메리카노'));
    let error: unknown;
    try {
      digestLines('/data/orders/2026-03-02.jsonl', `${a}\n${a}\n{"orderId": 5}\n`, 0);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(StoreFileCorruptError);
    expect(error).toMatchObject({ path: '/data/orders/2026-03-02.jsonl', line: 3 });
  });
});
