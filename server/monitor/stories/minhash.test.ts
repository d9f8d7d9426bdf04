import { describe, expect, it } from 'vitest';
import { RegionIndex } from '../ingest/place';
import { StoryAssigner, storyLabel, type StoryPost } from './assign';
import { bandKeys, minhash, MINHASH_BANDS, shingleText, similarity } from './minhash';

const BASE = '颍州区清河街道锦绣花园小区门口的污水管道破裂好几天了，臭味熏天，居民多次打12345反映都没人来修，希望有关部门尽快处理！';
const REPOST = '#阜阳身边事# 颍州区清河街道锦绣花园小区门口污水管道破裂好几天了，臭味熏天，居民多次反映都没人来修，希望有关部门尽快处理！！@阜阳发布';
const OTHER = '界首市某食品厂拖欠三十多名工人半年工资，工人们去讨薪被保安拦在门外，春节都回不了家。';

describe('minhash', () => {
  it('drops links, mentions, punctuation and case before shingling', () => {
    expect(shingleText('Ａｂ，看 https://t.cn/x1 @某某 好！')).toBe('ab看好');
    expect(shingleText('好😀吃𠀀 hello@ ')).toBe('好吃𠀀hello');
    expect(shingleText('纯文字')).toBe('纯文字');
  });

  it('estimates reposts of one event as similar and different events as not', () => {
    expect(similarity(minhash(BASE), minhash(BASE))).toBe(1);
    expect(similarity(minhash(BASE), minhash(REPOST))).toBeGreaterThanOrEqual(0.5);
    expect(similarity(minhash(BASE), minhash(OTHER))).toBeLessThan(0.2);
  });

  it('gives one band key per band, equal for equal texts and stable across the signed int round trip', () => {
    const sig = minhash(BASE);
    const keys = bandKeys(sig);
    expect(keys).toHaveLength(MINHASH_BANDS);
    expect(keys.every(Number.isSafeInteger)).toBe(true);
    expect(bandKeys(Array.from(sig))).toEqual(keys);
    expect(bandKeys(minhash(OTHER)).filter((k) => keys.includes(k))).toEqual([]);
  });

  it('keeps posts without letters apart', () => {
    expect(similarity(minhash('！！！', 'a'), minhash('！！！', 'b'))).toBeLessThan(0.5);
  });
});

const regions = new RegionIndex([
  { code: '341200', name: '阜阳市', level: 2, path: '/340000/341200/' },
  { code: '341202', name: '颍州区', level: 3, path: '/340000/341200/341202/' },
  { code: '341202003', name: '清河街道', level: 4, path: '/340000/341200/341202/341202003/' },
  { code: '341282', name: '界首市', level: 3, path: '/340000/341200/341282/' },
]);

function post(text: string, regionCode: string | null, publishedAt = new Date()): StoryPost {
  const signature = minhash(text);
  return { title: null, text, regionCode, publishedAt, negativity: 0.8, signature, signatureText: `{${signature.join(',')}}`, bandKeys: bandKeys(signature) };
}

describe('StoryAssigner', () => {
  const now = new Date();

  it('puts near-duplicates into one story within a batch and unrelated posts apart', () => {
    const a = new StoryAssigner(regions, [], now);
    const s1 = a.assign(post(BASE, '341202003'), 1);
    const s2 = a.assign(post(REPOST, '341202'), 2);
    const s3 = a.assign(post(OTHER, '341282'), 1);
    expect(s2).toBe(s1);
    expect(s3).not.toBe(s1);
    expect(s1).toMatchObject({ postCount: 2, heat: 3, isNew: true, regionCode: '341202003' });
    expect(a.touched()).toHaveLength(2);
  });

  it('joins a stored story but not across places or outside the time window', () => {
    const sig = minhash(BASE);
    const stored = { id: 7, label: 'x', regionCode: '341202003', firstAt: now, lastAt: now, postCount: 3, heat: 10, peakHeat: 10, negativity: 0.7, updatedAt: now, signature: Array.from(sig) };
    expect(new StoryAssigner(regions, [stored], now).assign(post(REPOST, '341282'), 1).id).toBeNull();
    expect(new StoryAssigner(regions, [stored], now).assign(post(REPOST, null, new Date(now.getTime() - 72 * 3_600_000)), 1).id).toBeNull();
    const joined = new StoryAssigner(regions, [stored], now).assign(post(REPOST, null), 5);
    expect(joined).toMatchObject({ id: 7, postCount: 4, heatBefore: 10, heat: 15 });
  });

  it('labels a story by its first post', () => {
    expect(storyLabel('标题', '正文')).toBe('标题');
    expect(storyLabel(null, `  ${'字'.repeat(50)}`)).toBe(`${'字'.repeat(40)}…`);
  });
});
