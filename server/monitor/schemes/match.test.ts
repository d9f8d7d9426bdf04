import { describe, expect, it } from 'vitest';
import { compileScheme, evaluateScheme, normalizeText, parseScheme, schemeHits, schemeTerms, SchemeSyntaxError } from './index';

describe('normalizeText', () => {
  it.each([
    ['ＩＰｈｏｎｅ１５', 'iphone15'],
    ['（噪音）！', '(噪音)!'],
    ['全角　空格', '全角 空格'],
    ['Already ascii', 'already ascii'],
    // The Chinese comma is U+FF0C, inside the full-width block; the full stop U+3002 is not.
    ['中文不变，句号。', '中文不变,句号。'],
    ['', ''],
  ])('%j → %j', (input, output) => {
    expect(normalizeText(input)).toBe(output);
  });
});

// [scheme, post text, matches?]
const MATCHES: [string, string, boolean][] = [
  ['噪音', '小区夜间施工噪音很大', true],
  ['噪音', '小区夜间施工', false],
  ['噪音 扰民', '噪音扰民严重', true],
  ['噪音 扰民', '噪音很大', false],
  ['噪音 | 扰民', '施工扰民', true],
  ['噪音 | 扰民', '施工', false],
  ['噪音 -广告', '噪音太大了', true],
  ['噪音 -广告', '降噪音箱广告', false],
  ['(拖欠 | 克扣) (工资 | 薪水)', '老板拖欠工资三个月', true],
  ['(拖欠 | 克扣) (工资 | 薪水)', '老板拖欠货款', false],
  ['(拖欠 | 克扣) (工资 | 薪水)', '克扣薪水', true],
  ['a b | c', 'c', true],
  ['a b | c', 'a', false],
  ['a | b c', 'a', true],
  ['a | b c', 'b', false],
  ['NOT a b', 'b', true],
  ['NOT a b', 'ab', false],
  ['-(a | b) c', 'c', true],
  ['-(a | b) c', 'bc', false],
  ['"噪音 扰民"', '噪音 扰民', true],
  ['"噪音 扰民"', '噪音扰民', false],
  ['噪音 扰民', '噪音 扰民', true],
  ['“Wi-Fi 信号”', 'ＷＩ－ＦＩ 信号差', true],
  ['IPHONE', '买了iPhone', true],
  ['ｉｐｈｏｎｅ', 'IPHONE', true],
  ['（臭｜脏）＋小区', '小区垃圾站很臭', true],
  ['COVID-19', 'covid-19 确诊', true],
  ['"and"', 'this and that', true],
];

describe('compileScheme', () => {
  for (const [expr, text, expected] of MATCHES) {
    it(`${expr} on ${JSON.stringify(text)} → ${expected}`, () => {
      const scheme = parseScheme(expr);
      const norm = normalizeText(text);
      expect(compileScheme(scheme)(norm)).toBe(expected);
      expect(evaluateScheme(scheme, norm)).toBe(expected);
    });
  }

  it('agrees with the reference evaluator on random schemes and texts', () => {
    let seed = 7;
    const rand = (): number => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 4294967296;
    };
    const atoms = ['a', 'b', 'c', 'ab', '噪音', '"a b"', '(', ')', '|', '-', ' ', ' ', 'NOT', 'AND'];
    const letters = ['a', 'b', 'c', ' ', '噪', '音'];
    let checked = 0;
    for (let n = 0; n < 3000; n++) {
      let expr = '';
      for (let k = 0, len = 1 + Math.floor(rand() * 10); k < len; k++) expr += atoms[Math.floor(rand() * atoms.length)]!;
      let scheme;
      try {
        scheme = parseScheme(expr);
      } catch (err) {
        expect(err).toBeInstanceOf(SchemeSyntaxError);
        continue;
      }
      const matcher = compileScheme(scheme);
      for (let m = 0; m < 10; m++) {
        let text = '';
        for (let k = 0, len = Math.floor(rand() * 8); k < len; k++) text += letters[Math.floor(rand() * letters.length)]!;
        expect(matcher(text)).toBe(evaluateScheme(scheme, text));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });
});

describe('schemeTerms and schemeHits', () => {
  it('lists positive terms once, in order, skipping excluded ones', () => {
    expect(schemeTerms(parseScheme('(拖欠 | 克扣) 工资 -广告 -(招聘 | 兼职) 拖欠'))).toEqual(['拖欠', '克扣', '工资']);
    expect(schemeTerms(parseScheme('a -(-b)'))).toEqual(['a', 'b']);
    expect(schemeTerms(parseScheme('"Wi-Fi 信号" | ＷＬＡＮ'))).toEqual(['wi-fi 信号', 'wlan']);
  });

  it('every match contains a positive term, so the terms are a sound prefilter', () => {
    for (const expr of ['a -b', 'a | (b -c)', '-(-a)', 'NOT (NOT a OR NOT b)']) {
      const scheme = parseScheme(expr);
      const terms = schemeTerms(scheme);
      for (const text of ['', 'a', 'b', 'c', 'ab', 'ac', 'bc', 'abc']) {
        if (evaluateScheme(scheme, text)) expect(terms.some((t) => text.includes(t))).toBe(true);
      }
    }
  });

  it('reports which positive terms hit, for highlighting', () => {
    const scheme = parseScheme('(拖欠 | 克扣) (工资 | 薪水) -广告');
    expect(schemeHits(scheme, normalizeText('老板拖欠工资，还克扣薪水'))).toEqual(['拖欠', '克扣', '工资', '薪水']);
    expect(schemeHits(scheme, '没有关系')).toEqual([]);
  });
});

describe('matcher throughput', () => {
  it('does well over 50,000 post×scheme evaluations per second', () => {
    const schemes = [
      '(拖欠 | 克扣 | 欠薪) (工资 | 薪水 | 血汗钱) -招聘',
      '(噪音 | 扰民 | 施工) (小区 | 夜间) -广告 -(音箱 | 耳机)',
      '"垃圾站" | (垃圾 (臭 | 异味 | 蚊虫))',
      '违建 | 违章建筑 | "私搭乱建"',
      '(停水 | 停电) -(通知 | 计划)',
    ].map((e) => compileScheme(parseScheme(e)));
    const posts = Array.from({ length: 2000 }, (_, i) =>
      normalizeText(`第${i}条：小区夜间施工噪音扰民，物业不管，${i % 3 ? '业主投诉无门' : '老板拖欠工资'}，垃圾站很臭，希望有关部门处理。`),
    );
    let hits = 0;
    const start = performance.now();
    for (let round = 0; round < 10; round++) for (const p of posts) for (const m of schemes) if (m(p)) hits++;
    const perSec = (10 * posts.length * schemes.length) / ((performance.now() - start) / 1000);
    expect(hits).toBeGreaterThan(0);
    // Typically tens of millions per second; 50k leaves ample room for a loaded CI machine.
    expect(perSec).toBeGreaterThan(50_000);
  });
});
