import { describe, expect, it } from 'vitest';
import {
  idsOfLinesContaining,
  latestLines,
  linesStartingBackwards,
  rowStart,
  rowsCover,
} from '../../../../electron/core/orders/index/row-scan';

/**
 * The byte searches history's lookups and searches make in a day's rows file: each must find
 * exactly the lines reading the file whole would, never a line that merely contains the text.
 */
const row = (orderId: string, fields: Record<string, unknown>) => `${JSON.stringify({ orderId, ...fields })}\n`;
const bytes = (...lines: string[]) => Buffer.from(lines.join(''), 'utf8');

describe('the lines of one order', () => {
  const file = bytes(
    row('20260302-AAAA', { name: '아메리카노', offset: 0, length: 10 }),
    row('20260302-BBBB', { name: '20260302-AAAA 외', offset: 10, length: 10 }),
    row('20260302-AAAA', { name: '라떼', offset: 20, length: 10 }),
    '{"orderId":"20260302-AAAA","name":"torn',
  );

  it('are found latest first, whole lines only: not a line that mentions the id elsewhere, nor a torn last line', () => {
    expect(
      [...linesStartingBackwards(file, rowStart('20260302-AAAA'))].map(
        (line) => (JSON.parse(line) as { name: string }).name,
      ),
    ).toEqual(['라떼', '아메리카노']);
    expect([...linesStartingBackwards(file, rowStart('20260302-CCCC'))]).toEqual([]);
    expect([...linesStartingBackwards(null, rowStart('20260302-AAAA'))]).toEqual([]);
  });

  it('a row start names the id exactly (one id is never the start of a longer one)', () => {
    expect(rowStart('20260302-AAAA')).toBe('{"orderId":"20260302-AAAA",');
    const longer = bytes(row('20260302-AAAAX', { offset: 0, length: 1 }));
    expect([...linesStartingBackwards(longer, rowStart('20260302-AAAA'))]).toEqual([]);
  });

  it('finds a line at the very start of the file and one right after the previous line', () => {
    const approvals = bytes('12345678\t20260302-AAAA\n', '12345678\t20260302-BBBB\n', '87654321\t20260302-CCCC\n');
    expect([...linesStartingBackwards(approvals, '12345678\t')]).toEqual([
      '12345678\t20260302-BBBB',
      '12345678\t20260302-AAAA',
    ]);
    expect([...linesStartingBackwards(approvals, '87654321\t')]).toEqual(['87654321\t20260302-CCCC']);
    // A longer number ending in the one asked for is not its line.
    const longer = bytes('912345678\t20260302-XXXX\n', '12345678\t20260302-AAAA\n', '112345678\t20260302-YYYY\n');
    expect([...linesStartingBackwards(longer, '12345678\t')]).toEqual(['12345678\t20260302-AAAA']);
  });
});

describe('how much of the journal a rows file covers', () => {
  it('its last row’s end, or the compaction header’s figure if that is further', () => {
    expect(rowsCover(bytes(row('A', { offset: 0, length: 120 }), row('B', { offset: 120, length: 80 })))).toBe(200);
    expect(rowsCover(bytes('{"covered":500}\n', row('A', { offset: 0, length: 120 })))).toBe(500);
    expect(rowsCover(bytes('{"covered":100}\n', row('A', { offset: 100, length: 120 })))).toBe(220);
    expect(rowsCover(bytes(row('A', { offset: 40, length: 60 })))).toBe(100);
  });

  it('nothing for a file without a whole line, or whose lines say nothing of it', () => {
    expect(rowsCover(bytes(''))).toBe(0);
    expect(rowsCover(bytes('{"covered":500'))).toBe(0);
    expect(rowsCover(bytes('{"covered":"500"}\n'))).toBe(0);
    expect(rowsCover(bytes(row('A', { offset: '0', length: 10 })))).toBe(0);
    expect(rowsCover(bytes(row('A', { offset: 0 })))).toBe(0);
    // A torn last line does not count: the row before it does.
    expect(rowsCover(bytes(row('A', { offset: 0, length: 50 }), '{"orderId":"B","offset":50,"len'))).toBe(50);
  });
});

describe('which orders a search term may name', () => {
  const file = bytes(
    '{"covered":0}\n',
    row('20260302-AAAA', { name: '아메리카노', offset: 0, length: 10 }),
    row('20260302-BBBB', { name: '카페 라떼', offset: 10, length: 10 }),
    row('20260302-CCCC', { name: '아메리카노 외 1건', offset: 20, length: 10 }),
    'not a row but 아메리카노\n',
    row('20260302-AAAA', { name: '아메리카노', offset: 30, length: 10 }),
  );

  it('the ids of the rows holding any of the spellings, once each; a line that is not a row names none', () => {
    expect(idsOfLinesContaining(file, ['아메리카노'])).toEqual(new Set(['20260302-AAAA', '20260302-CCCC']));
    expect(idsOfLinesContaining(file, ['라떼', '외 1건'])).toEqual(new Set(['20260302-BBBB', '20260302-CCCC']));
    expect(idsOfLinesContaining(file, ['BBBB'])).toEqual(new Set(['20260302-BBBB']));
    expect(idsOfLinesContaining(file, ['에스프레소'])).toEqual(new Set());
  });

  it('a hit in the first line, and a hit in a last line without a newline, are found too', () => {
    const first = bytes(row('20260302-AAAA', { name: '아메리카노' }));
    expect(idsOfLinesContaining(first, ['아메리카노'])).toEqual(new Set(['20260302-AAAA']));
    const unfinished = Buffer.from('{"orderId":"20260302-DDDD","name":"라떼"', 'utf8');
    expect(idsOfLinesContaining(unfinished, ['라떼'])).toEqual(new Set(['20260302-DDDD']));
    expect(idsOfLinesContaining(Buffer.from('{"orderId":"20260302-EEEE', 'utf8'), ['EEEE'])).toEqual(new Set());
    // A one-letter term that is the file's last byte, and one in a damaged one-letter first line.
    expect(idsOfLinesContaining(Buffer.from('{"orderId":"20260302-DDDD","name":"x', 'utf8'), ['x'])).toEqual(
      new Set(['20260302-DDDD']),
    );
    expect(idsOfLinesContaining(bytes('x\n', row('20260302-FFFF', { name: 'x' })), ['x'])).toEqual(
      new Set(['20260302-FFFF']),
    );
  });

  it('each order’s latest whole row, and where it was first seen (so results keep their first order)', () => {
    const found = latestLines(file, new Set(['20260302-AAAA', '20260302-CCCC']));
    const firstRow = '{"covered":0}\n'.length;
    const cccAt = file.indexOf('{"orderId":"20260302-CCCC"');
    expect([...found.keys()]).toEqual(['20260302-AAAA', '20260302-CCCC']);
    expect(found.get('20260302-AAAA')).toEqual({
      line: row('20260302-AAAA', { name: '아메리카노', offset: 30, length: 10 }).trimEnd(),
      firstSeen: firstRow,
    });
    expect(found.get('20260302-CCCC')).toEqual({
      line: row('20260302-CCCC', { name: '아메리카노 외 1건', offset: 20, length: 10 }).trimEnd(),
      firstSeen: cccAt,
    });
    // A torn last line is no row.
    expect(latestLines(Buffer.from(`${row('X', { offset: 0 })}{"orderId":"Y"`, 'utf8'), new Set(['X', 'Y']))).toEqual(
      new Map([['X', { line: row('X', { offset: 0 }).trimEnd(), firstSeen: 0 }]]),
    );
  });
});
