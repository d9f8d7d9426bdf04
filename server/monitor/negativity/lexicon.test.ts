import { describe, expect, it } from 'vitest';
import { normalizeText } from '../schemes/normalize';
import { isConsultation, LEXICON_CAP, lexiconHits, lexiconOffset } from './lexicon';

const hitsOf = (text: string): string[] => lexiconHits(normalizeText(text)).map((h) => `${h.kind}:${h.term}`);

describe('lexiconHits', () => {
  it.each([
    ['小区噪音扰民，投诉无门', ['complaint:噪音', 'complaint:扰民', 'complaint:投诉无门']],
    ['公司拖欠工资，部门推诿', ['complaint:拖欠', 'complaint:推诿']],
    ['问题一直没有得到解决', ['negated:没有得到解决']],
    ['未落实', ['negated:未落实']],
    ['处理不及时', ['negated:不及时']],
    ['感谢社区的及时处理，点赞', ['friendly:感谢', 'friendly:点赞']],
    ['请问社保卡怎么补办？', ['consult:请问', 'consult:怎么补办']],
    ['已经解决了，很满意', []],
  ])('%s', (text, expected) => {
    expect(hitsOf(text)).toEqual(expected);
  });

  it('prefers the longest entry: 投诉无门 is not also counted as 投诉, 恶臭 not as 臭', () => {
    expect(hitsOf('投诉无门')).toEqual(['complaint:投诉无门']);
    expect(hitsOf('恶臭')).toEqual(['complaint:恶臭']);
    expect(hitsOf('政府不作为')).toEqual(['complaint:不作为']);
  });

  it('spends a negator on one positive word and stops negation at punctuation', () => {
    expect(hitsOf('没有及时处理')).toEqual(['negated:没有及时']);
    expect(hitsOf('没有，处理了')).toEqual([]);
    expect(hitsOf('不在这里的好')).toEqual([]); // beyond NEGATION_REACH
  });

  it('ignores words that only look like negators', () => {
    expect(hitsOf('不仅解决了问题')).toEqual([]);
    expect(hitsOf('不好意思，麻烦了')).toEqual([]);
    expect(hitsOf('未来会处理')).toEqual([]);
    expect(hitsOf('不断改进管理')).toEqual([]);
  });

  it('counts each distinct term once', () => {
    expect(hitsOf('噪音噪音噪音')).toEqual(['complaint:噪音']);
  });

  it('matches full-width and mixed-case input after normalisation', () => {
    expect(hitsOf('ＫＴＶ扰民')).toEqual(['complaint:扰民']);
  });
});

describe('lexiconOffset', () => {
  it('sums weights and caps the total', () => {
    expect(lexiconOffset([])).toBe(0);
    const many = lexiconHits(normalizeText('拖欠欠薪推诿扰民乱收费投诉无门不作为没人管'));
    expect(lexiconOffset(many)).toBe(LEXICON_CAP);
    expect(lexiconOffset(lexiconHits('感谢点赞表扬称赞锦旗'))).toBe(-LEXICON_CAP);
  });
});

describe('isConsultation', () => {
  it.each([
    ['请问老年优待证去哪里办？', true],
    ['社保卡丢了怎么补办？', true],
    ['想咨询一下医保政策', true],
    // A bare question is not enough: in reviews "…吗？" usually complains.
    ['我可以转业回原籍吗', false],
    ['为什么投诉了还没人管？', false],
    ['请问为什么至今未处理？', false],
    ['小区噪音很大', false],
  ])('%s → %s', (text, expected) => {
    expect(isConsultation(lexiconHits(normalizeText(text)))).toBe(expected);
  });
});
