import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

let jieba: Jieba | undefined;

/** The process's jieba segmenter with the default dictionary, loaded on first use. */
export function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

const PUNCT = /^[\s\p{P}\p{S}]+$/u;

/**
 * Search terms of a text: jieba's search-mode cut (words and their sub-words), lower-cased, without
 * punctuation. Stored as a 'simple' tsvector so Chinese full-text search needs no database extension.
 */
export function searchTerms(text: string): string[] {
  return segmenter()
    .cutForSearch(text, true)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0 && !PUNCT.test(t));
}

/** Terms of a query: the precise cut, so "垃圾清运" matches documents holding both words. */
export function queryTerms(text: string): string[] {
  return segmenter()
    .cut(text, true)
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t.length > 0 && !PUNCT.test(t));
}
