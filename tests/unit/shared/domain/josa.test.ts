import { describe, expect, it } from 'vitest';
import { josa } from '../../../../shared/i18n/josa';

describe('Korean particles that follow the word before them', () => {
  it('pick 을/를, 은/는, 이/가, 과/와 by the last syllable’s 받침', () => {
    expect(josa('김밥', '을/를')).toBe('김밥을');
    expect(josa('아메리카노', '을/를')).toBe('아메리카노를');
    expect(josa('사이즈', '은/는')).toBe('사이즈는');
    expect(josa('온도', '이/가')).toBe('온도가');
    expect(josa('샷 추가', '이/가')).toBe('샷 추가가');
    expect(josa('크루아상', '이/가')).toBe('크루아상이');
    expect(josa('우유', '과/와')).toBe('우유와');
    expect(josa('빵', '과/와')).toBe('빵과');
  });

  it('take 로 after a vowel or ㄹ, 으로 after any other 받침', () => {
    expect(josa('서울', '으로/로')).toBe('서울로');
    expect(josa('카드', '으로/로')).toBe('카드로');
    expect(josa('현금', '으로/로')).toBe('현금으로');
  });

  it('read an amount in won as ending in 원, and a number as it is read aloud', () => {
    expect(josa('12,345원', '을/를')).toBe('12,345원을');
    expect(josa('5,800원', '이/가')).toBe('5,800원이');
    expect(josa('3', '을/를')).toBe('3을'); // 삼
    expect(josa('2', '을/를')).toBe('2를'); // 이
    expect(josa('7', '으로/로')).toBe('7로'); // 칠
    expect(josa('6', '으로/로')).toBe('6으로'); // 육
    expect(josa('10', '이/가')).toBe('10이'); // 십
    expect(josa('1,000', '은/는')).toBe('1,000은'); // 천
    expect(josa('20', '으로/로')).toBe('20으로'); // 이십
    expect(josa('0', '을/를')).toBe('0을'); // 영
  });

  it('read Latin letters and codes by their last letter, past closing brackets', () => {
    expect(josa('ICE', '을/를')).toBe('ICE를');
    expect(josa('라떼 (HOT)', '이/가')).toBe('라떼 (HOT)가');
    expect(josa('Pool', '으로/로')).toBe('Pool로');
    expect(josa('ham', '을/를')).toBe('ham을');
  });
});
