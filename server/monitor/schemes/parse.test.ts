import { describe, expect, it } from 'vitest';
import { parseScheme, printScheme, SchemeSyntaxError, type SchemeErrorCode } from './index';

// [expression, canonical form]: the canonical printer parenthesises every nested AND/OR group.
const GOOD: [string, string][] = [
  ['噪音', '噪音'],
  ['噪音 扰民', '噪音 AND 扰民'],
  ['噪音 AND 扰民', '噪音 AND 扰民'],
  ['噪音 & 扰民', '噪音 AND 扰民'],
  ['噪音+扰民', '噪音 AND 扰民'],
  ['噪音&扰民', '噪音 AND 扰民'],
  ['噪音 OR 扰民', '噪音 OR 扰民'],
  ['噪音|扰民', '噪音 OR 扰民'],
  ['噪音 -广告', '噪音 AND NOT 广告'],
  ['噪音 NOT 广告', '噪音 AND NOT 广告'],
  ['噪音 AND NOT 广告', '噪音 AND NOT 广告'],
  ['a b c', 'a AND b AND c'],
  ['a | b | c', 'a OR b OR c'],
  ['(a b) c', 'a AND b AND c'],
  ['(a | b) | c', 'a OR b OR c'],
  ['((a))', 'a'],
  ['a-b', 'a-b'],
  ['COVID-19 疫情', 'covid-19 AND 疫情'],
  ['--a', 'NOT NOT a'],
  ['-(-a) b', 'NOT NOT a AND b'],
  ['x NOT NOT y', 'x AND NOT NOT y'],
  ['And or', 'and AND or'],
  ['"AND"', '"and"'],
  ['"a b"', '"a b"'],
  ['"噪音 扰民" 小区', '"噪音 扰民" AND 小区'],
  ['"a|b(c)"', '"a|b(c)"'],
  ['  a  ', 'a'],
  ['a\tb\nc', 'a AND b AND c'],
  ['a OR -b c', 'a OR (NOT b AND c)'],
];

const PRECEDENCE: [string, string][] = [
  ['a b | c', '(a AND b) OR c'],
  ['a | b c', 'a OR (b AND c)'],
  ['a OR b AND c', 'a OR (b AND c)'],
  ['(a OR b) AND c', '(a OR b) AND c'],
  ['NOT a b', 'NOT a AND b'],
  ['NOT a b | c', '(NOT a AND b) OR c'],
  ['-(a | b) c', 'NOT (a OR b) AND c'],
  ['NOT (a b) c', 'NOT (a AND b) AND c'],
  ['a | b -c | d', 'a OR (b AND NOT c) OR d'],
  ['(a | b) (c | d) -e', '(a OR b) AND (c OR d) AND NOT e'],
];

const FULL_WIDTH: [string, string][] = [
  ['（噪音｜扰民）＋小区', '(噪音 OR 扰民) AND 小区'],
  ['“噪音 扰民”', '"噪音 扰民"'],
  ['“噪音”｜”扰民”', '"噪音" OR "扰民"'],
  ['＂全角引号＂', '"全角引号"'],
  ['ＡＢＣ　ｄｅｆ', 'abc AND def'],
  ['小区 －广告', '小区 AND NOT 广告'],
  ['ＩＰＨＯＮＥ ＯＲ 华为', 'iphone OR 华为'],
  ['Ａ ＡＮＤ Ｂ', 'a AND b'],
  ['“Ｗｉ－Ｆｉ 信号”', '"wi-fi 信号"'],
];

describe('parseScheme: accepted expressions print canonically', () => {
  for (const [expr, canonical] of [...GOOD, ...PRECEDENCE, ...FULL_WIDTH]) {
    it(`${JSON.stringify(expr)} → ${canonical}`, () => {
      const scheme = parseScheme(expr);
      expect(printScheme(scheme)).toBe(canonical);
      // The canonical form is itself a valid expression with the same meaning.
      expect(parseScheme(printScheme(scheme))).toEqual(scheme);
    });
  }

  it('keeps phrases as phrases and normalises terms', () => {
    expect(parseScheme('“Ａ  B”')).toEqual({ kind: 'term', value: 'a  b', phrase: true });
    expect(parseScheme('ＡＢ')).toEqual({ kind: 'term', value: 'ab', phrase: false });
  });
});

// [expression, code, 1-based position]
const BAD: [string, SchemeErrorCode, number][] = [
  ['', 'EMPTY_EXPRESSION', 1],
  ['   　', 'EMPTY_EXPRESSION', 1],
  ['()', 'EMPTY_GROUP', 1],
  ['a (  )', 'EMPTY_GROUP', 3],
  ['""', 'EMPTY_PHRASE', 1],
  ['a “ ”', 'EMPTY_PHRASE', 3],
  ['(a', 'UNBALANCED_PAREN', 1],
  ['a (b (c)', 'UNBALANCED_PAREN', 3],
  ['a (', 'UNBALANCED_PAREN', 3],
  ['a)', 'UNBALANCED_PAREN', 2],
  ['(a) b)', 'UNBALANCED_PAREN', 6],
  ['）', 'UNBALANCED_PAREN', 1],
  ['a OR', 'DANGLING_OPERATOR', 3],
  ['OR a', 'DANGLING_OPERATOR', 1],
  ['a | | b', 'DANGLING_OPERATOR', 3],
  ['a AND', 'DANGLING_OPERATOR', 3],
  ['& a', 'DANGLING_OPERATOR', 1],
  ['a + ) b', 'DANGLING_OPERATOR', 3],
  ['(OR a)', 'DANGLING_OPERATOR', 2],
  ['a NOT', 'DANGLING_OPERATOR', 3],
  ['NOT', 'DANGLING_OPERATOR', 1],
  ['a -', 'DANGLING_OPERATOR', 3],
  ['a - b', 'DANGLING_OPERATOR', 3],
  ['a -|b', 'DANGLING_OPERATOR', 3],
  ['"abc', 'UNTERMINATED_QUOTE', 1],
  ['a “bc', 'UNTERMINATED_QUOTE', 3],
  ['x'.repeat(2001), 'TOO_LONG', 2001],
  ['('.repeat(33) + 'a' + ')'.repeat(33), 'TOO_DEEP', 33],
  ['-a', 'ONLY_EXCLUSIONS', 1],
  ['NOT a AND NOT b', 'ONLY_EXCLUSIONS', 1],
  ['a | -b', 'ONLY_EXCLUSIONS', 1],
  ['😀😀 (', 'UNBALANCED_PAREN', 4],
];

describe('parseScheme: errors carry a code and a character position', () => {
  for (const [expr, code, position] of BAD) {
    it(`${JSON.stringify(expr.slice(0, 20))} → ${code} at ${position}`, () => {
      let caught: unknown;
      try {
        parseScheme(expr);
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(SchemeSyntaxError);
      const err = caught as SchemeSyntaxError;
      expect(err.code).toBe(code);
      expect(err.position).toBe(position);
      expect(err.message.startsWith(`第${position}个字符: `)).toBe(true);
    });
  }

  it('accepts the limits themselves', () => {
    expect(() => parseScheme('x'.repeat(2000))).not.toThrow();
    expect(() => parseScheme('('.repeat(32) + 'a' + ')'.repeat(32))).not.toThrow();
  });

  it('words the common mistakes for an admin', () => {
    expect(() => parseScheme('(噪音 扰民')).toThrow('第1个字符: 缺少右括号');
    expect(() => parseScheme('噪音 扰民)')).toThrow('第6个字符: 多余的右括号');
    expect(() => parseScheme('噪音 OR')).toThrow('第4个字符: “OR”后缺少关键词');
  });
});

/** Deterministic PRNG so a failing fuzz case can be reproduced. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('parseScheme: fuzz', () => {
  const alphabet = [...'ab 噪音()（）|｜&+＋-－"“”＂ \t'].concat(['AND', 'OR', 'NOT', 'ＮＯＴ', '😀', '\u0000', '\ud800']);
  const rand = mulberry32(20240601);

  it('returns a Scheme or throws SchemeSyntaxError for 20,000 random strings', () => {
    let parsed = 0;
    for (let n = 0; n < 20000; n++) {
      const len = Math.floor(rand() * (n % 100 === 0 ? 2100 : 24));
      let expr = '';
      for (let k = 0; k < len; k++) expr += alphabet[Math.floor(rand() * alphabet.length)]!;
      try {
        const scheme = parseScheme(expr);
        parsed++;
        expect(parseScheme(printScheme(scheme))).toEqual(scheme);
      } catch (err) {
        if (!(err instanceof SchemeSyntaxError)) throw new Error(`non-syntax error for ${JSON.stringify(expr)}: ${String(err)}`);
        expect(err.position).toBeGreaterThanOrEqual(1);
      }
    }
    // The generator must exercise both outcomes, or the test proves little.
    expect(parsed).toBeGreaterThan(1000);
  });
});
