import { describe, expect, it } from 'vitest';
import type { StoryRow } from './assign';
import { StoryIndex } from './index-cache';
import { bandKeys, minhash } from './minhash';

const now = new Date('2024-05-01T12:00:00Z');
const HOUR = 3_600_000;

function row(id: number, text: string, lastAt: Date): StoryRow {
  return { id, label: text, regionCode: null, firstAt: lastAt, lastAt, postCount: 1, heat: 0, peakHeat: 0, negativity: null, updatedAt: lastAt, signature: Array.from(minhash(text)) };
}

describe('StoryIndex', () => {
  it('finds absorbed stories by band key, tracks the highest id, and drops stories past the window', () => {
    const index = new StoryIndex();
    const a = row(3, '颍州区某小区地下车库被水淹了，几十辆车泡在水里', now);
    const b = row(5, '界首市公交车太少，等一个小时都等不到', now);
    const old = row(4, '临泉县一家工厂夜里偷排废水，河水发黑', new Date(now.getTime() - 49 * HOUR));
    index.absorb([a, b, old], now);
    expect(index.afterId).toBe(5);
    expect([...index.lookup(bandKeys(minhash('颍州区某小区地下车库被水淹了，几十辆车泡在水里！！')))]).toEqual([3]);
    expect(index.lookup(bandKeys(a.signature!).concat(bandKeys(b.signature!)))).toEqual(new Set([3, 5]));
    expect(index.lookup(bandKeys(old.signature!)).size).toBe(0);
    expect(index.lookup(bandKeys(minhash('完全无关的一句话，说的是别的事情'))).size).toBe(0);
  });

  it('keeps stories that share a band key apart and ignores stories without a signature', () => {
    const index = new StoryIndex();
    const text = '颍东区菜市场门口垃圾堆成山，臭气熏天';
    index.absorb([row(1, text, now), row(2, text, now), { ...row(9, 'x', now), signature: null }], now);
    expect(index.lookup(bandKeys(minhash(text)))).toEqual(new Set([1, 2]));
    expect(index.afterId).toBe(9);
  });
});
