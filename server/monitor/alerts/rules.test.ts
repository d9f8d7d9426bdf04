import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_RULES } from '../seed';
import { decideAlert, type StoryFiring } from './decide';
import { buildFeedback, isNoisyAuthor, isNoisyScheme } from './feedback';
import { evaluateRule, parseRule, type AlertRule, type RulePost, type RuleStory } from './rules';

const rules = DEFAULT_ALERT_RULES.map(parseRule).filter((r): r is AlertRule => r !== null);
const byName = (name: string): AlertRule => rules.find((r) => r.name === name)!;

const post = (over: Partial<RulePost> = {}): RulePost => ({
  postKey: 'p1',
  norm: '工地拖欠工资三个月了',
  negativity: 0.9,
  authorName: '老王',
  authorFollowers: 100,
  authorVerified: false,
  trustedSchemes: 1,
  noisySchemes: 0,
  hasRegion: false,
  noisyAuthor: false,
  ...over,
});
const rising: RuleStory = { heatBefore: 10, heatAfter: 20, isNew: false };

describe('alert rules', () => {
  it('parses every default rule', () => {
    expect(rules).toHaveLength(DEFAULT_ALERT_RULES.length);
    expect(parseRule({ id: 'x', name: 'x', kind: 'sensitive_words', level: 'red', params: {} })).toBeNull();
    expect(parseRule({ id: 'x', name: 'x', kind: 'nope', level: 'red', params: {} })).toBeNull();
  });

  it('negative_rising needs negativity, relevance and rising heat', () => {
    const rule = byName('负面舆情升温');
    expect(evaluateRule(rule, post(), rising)?.reason).toMatch(/^负面舆情升温：负面度0.90，事件热度20.0（较前升至2.0倍）/);
    expect(evaluateRule(rule, post({ negativity: 0.3 }), rising)).toBeNull();
    expect(evaluateRule(rule, post({ trustedSchemes: 0 }), rising)).toBeNull();
    expect(evaluateRule(rule, post({ trustedSchemes: 0, hasRegion: true }), rising)).not.toBeNull();
    expect(evaluateRule(rule, post(), { heatBefore: 19, heatAfter: 20, isNew: false })).toBeNull();
    expect(evaluateRule(rule, post(), { heatBefore: 0, heatAfter: 4, isNew: true })).toBeNull();
    expect(evaluateRule(rule, post(), { heatBefore: 0, heatAfter: 6, isNew: true })?.reason).toContain('新出现');
  });

  it('a noisy scheme alone asks for more negativity', () => {
    const rule = byName('负面舆情升温');
    expect(evaluateRule(rule, post({ trustedSchemes: 0, noisySchemes: 1, negativity: 0.7 }), rising)).toBeNull();
    expect(evaluateRule(rule, post({ trustedSchemes: 0, noisySchemes: 1, negativity: 0.8 }), rising)).not.toBeNull();
  });

  it('influential_author fires for verified or large accounts, never for noisy authors', () => {
    const rule = byName('大V或认证账号负面发声');
    const still: RuleStory = { heatBefore: 0, heatAfter: 1, isNew: true };
    expect(evaluateRule(rule, post(), still)).toBeNull();
    expect(evaluateRule(rule, post({ authorVerified: true }), still)?.reason).toContain('认证账号「老王」（粉丝100）');
    expect(evaluateRule(rule, post({ authorFollowers: 250_000 }), still)?.reason).toContain('大V账号「老王」（粉丝25.0万）');
    expect(evaluateRule(rule, post({ authorFollowers: 250_000, noisyAuthor: true }), still)).toBeNull();
    expect(evaluateRule(rule, post({ authorFollowers: 250_000, negativity: 0.2 }), still)).toBeNull();
  });

  it('sensitive_words fires on a relevant post containing a word', () => {
    const rule = byName('敏感词');
    const still: RuleStory = { heatBefore: 0, heatAfter: 1, isNew: true };
    expect(evaluateRule(rule, post({ norm: '讨薪工人说要跳楼，还有人堵路', negativity: 0.1 }), still)?.reason).toBe('敏感词：含敏感词“跳楼”“堵路”');
    expect(evaluateRule(rule, post({ norm: '讨薪工人说要跳楼', trustedSchemes: 0 }), still)).toBeNull();
    expect(evaluateRule(rule, post(), still)).toBeNull();
  });
});

const firing = (level: 'yellow' | 'orange' | 'red', ruleName: string, post = 1, noisyAuthor = false): StoryFiring => ({ ruleId: ruleName, ruleName, level, postKey: `p${post}`, reason: `${ruleName}：详情${post}`, noisyAuthor });
const none = { open: null, markedIrrelevant: false, closedLevel: null };

describe('decideAlert', () => {
  it('creates one alert per story at the highest level, one reason per rule', () => {
    const change = decideAlert(5, [firing('yellow', 'A', 1), firing('red', 'B', 2), firing('yellow', 'A', 3)], none);
    expect(change).toEqual({ kind: 'create', storyId: 5, postKey: 'p2', level: 'red', reasons: ['A：详情1', 'B：详情2'] });
  });

  it('raises an open alert only for a higher level or a new rule', () => {
    const open = { id: 9, level: 'orange' as const, reasons: ['A：旧'] };
    expect(decideAlert(5, [firing('yellow', 'A')], { ...none, open })).toBeNull();
    expect(decideAlert(5, [firing('red', 'A')], { ...none, open })).toEqual({ kind: 'raise', alertId: 9, storyId: 5, postKey: 'p1', level: 'red', reasons: ['A：旧'] });
    expect(decideAlert(5, [firing('yellow', 'B')], { ...none, open })).toEqual({ kind: 'raise', alertId: 9, storyId: 5, postKey: 'p1', level: 'orange', reasons: ['A：旧', 'B：详情1'] });
  });

  it('stays silent on a story marked irrelevant and re-alerts a handled one only above its level', () => {
    expect(decideAlert(5, [firing('red', 'A')], { ...none, markedIrrelevant: true })).toBeNull();
    expect(decideAlert(5, [firing('orange', 'A')], { ...none, closedLevel: 'orange' })).toBeNull();
    expect(decideAlert(5, [firing('red', 'A')], { ...none, closedLevel: 'orange' })?.kind).toBe('create');
  });

  it('lowers the level of a noisy author by one', () => {
    expect(decideAlert(5, [firing('red', 'A', 1, true)], none)).toMatchObject({ level: 'orange', reasons: [expect.stringContaining('降一级')] });
  });
});

describe('feedback', () => {
  it('calls authors and schemes noisy after enough mostly-irrelevant marks', () => {
    const fb = buildFeedback([
      { kind: 'author', key: 'weibo|id|a', irrelevant: 2, useful: 1 },
      { kind: 'author', key: 'weibo|id|b', irrelevant: 2, useful: 0 },
      { kind: 'author', key: 'weibo|id|c', irrelevant: 1, useful: 2 },
      { kind: 'scheme', key: 's1', irrelevant: 4, useful: 1 },
      { kind: 'scheme', key: 's2', irrelevant: 3, useful: 1 },
    ]);
    expect(isNoisyAuthor(fb, 'weibo|id|a')).toBe(true);
    expect(isNoisyAuthor(fb, 'weibo|id|b')).toBe(false);
    expect(isNoisyAuthor(fb, 'weibo|id|c')).toBe(false);
    expect(isNoisyAuthor(fb, null)).toBe(false);
    expect(isNoisyScheme(fb, 's1')).toBe(true);
    expect(isNoisyScheme(fb, 's2')).toBe(false);
  });
});
